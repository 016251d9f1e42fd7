import { h } from "../ui/dom.js";

const GUIDE_KEY = "sos.guide.firstQuarter";

/** What each choice does, one line each: shown once, until dismissed (remembered in this browser). */
const LINES: readonly [string, string][] = [
  ["Plans", "Scale, Ship or Balanced fill every box with a sensible, affordable plan for your firm now; change anything after."],
  ["Train the model", "Buys compute for a bigger model: the market loves it, but each doubling buys less."],
  ["Applications", "Builds products in a sector: customers and revenue that last, once your model is good enough for it."],
  ["Serving efficiency", "Makes every customer cheaper to serve, so revenue turns into profit."],
  ["Marketing", "Hype: lifts your valuation for a while, earns nothing."],
  ["Compliance", "Fewer incidents and fines where a sector is regulated."],
  ["Raise", "Sells new shares for cash; the market takes more when it is hot, and your stake shrinks."],
  ["Submit", "Locks in your plan. If you don't, last quarter's plan repeats, fitted to your cash."],
];

function seen(): boolean {
  try {
    return localStorage.getItem(GUIDE_KEY) === "done";
  } catch {
    return false;
  }
}

/** The guided first quarter, or null once it has been dismissed in this browser. */
export function firstQuarterGuide(): HTMLElement | null {
  if (seen()) return null;
  const box = h(
    "aside",
    { class: "guide", "aria-labelledby": "guide-title" },
    h("h3", { id: "guide-title" }, "Your first quarter, in one line each"),
    h("dl", {}, ...LINES.flatMap(([term, line]) => [h("dt", {}, term), h("dd", {}, line)])),
  );
  const dismiss = h(
    "button",
    {
      type: "button",
      onclick: () => {
        try {
          localStorage.setItem(GUIDE_KEY, "done");
        } catch {
          // A browser without storage shows the guide again next time; nothing else depends on it.
        }
        box.remove();
      },
    },
    "Got it",
  );
  box.append(dismiss);
  return box;
}
