import type { TurnWords } from "../../shared/words/turns.js";
import { turnKey } from "../../shared/words/turns.js";
import { t } from "../i18n.js";
import { h } from "../ui/dom.js";
import { guideTitle, guideTrainLine } from "./words.js";

const GUIDE_KEY = "sos.guide.firstQuarter";

/** What each choice does, one line each: shown once, until dismissed (remembered in this browser). */
const LINES = [
  ["panel.guide.plans", "panel.guide.plans.line"],
  ["panel.guide.train", "panel.guide.train.line"],
  ["panel.guide.apps", "panel.guide.apps.line"],
  ["panel.guide.efficiency", "panel.guide.efficiency.line"],
  ["panel.guide.marketing", "panel.guide.marketing.line"],
  ["panel.guide.compliance", "panel.guide.compliance.line"],
  ["panel.guide.raise", "panel.guide.raise.line"],
  ["panel.guide.growth", "panel.guide.growth.line"],
] as const;

function seen(): boolean {
  try {
    return localStorage.getItem(GUIDE_KEY) === "done";
  } catch {
    return false;
  }
}

export interface Guide {
  element: HTMLElement;
  /** Retitles the guide for the quarter the panel now plans. */
  showQuarter(quarter: number): void;
  /** Says when a training run ships, once the game's time to build is known (`capability.lagQuarters`). */
  showLag(lagQuarters: number): void;
}

/** The guided first quarter, or null once it has been dismissed in this browser. */
export function firstQuarterGuide(turns: TurnWords): Guide | null {
  if (seen()) return null;
  const title = h("h3", { id: "guide-title" }, guideTitle(0, turns));
  const box = h(
    "aside",
    { class: "guide", "aria-labelledby": "guide-title" },
    title,
    h(
      "dl",
      {},
      ...LINES.flatMap(([term, line]) => [h("dt", {}, t(term)), h("dd", { class: line === "panel.guide.train.line" ? "train" : undefined }, t(line))]),
      h("dt", {}, t("panel.guide.submit")),
      h("dd", {}, t(turnKey(turns, "panel.guide.submit.line"))),
    ),
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
    t("panel.guide.dismiss"),
  );
  box.append(dismiss);
  return {
    element: box,
    showQuarter: (quarter) => {
      title.textContent = guideTitle(quarter, turns);
    },
    showLag: (lagQuarters) => {
      box.querySelector("dd.train")?.replaceChildren(guideTrainLine(lagQuarters));
    },
  };
}
