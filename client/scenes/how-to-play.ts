import { h } from "../ui/dom.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text) el.textContent = text;
  return el;
}

/** A bubble before and after a correction: the core (fundamentals) stays, the shell (narrative) pops. */
function bubblePicture(): SVGElement {
  const root = svg("svg", {
    viewBox: "0 0 320 130",
    width: 320,
    height: 130,
    role: "img",
    "aria-label": "A firm's bubble: a solid core of fundamentals inside a shell of narrative; after a correction the shell has shrunk",
  });
  const bubble = (cx: number, shell: number, core: number, label: string) => {
    root.append(
      svg("circle", { cx, cy: 58, r: shell, fill: "#56b4e9", "fill-opacity": 0.25, stroke: "#56b4e9" }),
      svg("circle", { cx, cy: 58, r: core, fill: "#0072b2" }),
      svg("text", { x: cx, y: 124, fill: "#f2f4f8", "font-size": 12, "text-anchor": "middle" }, label),
    );
  };
  bubble(70, 52, 24, "hot market");
  root.append(svg("text", { x: 160, y: 62, fill: "#e69f00", "font-size": 22, "text-anchor": "middle" }, "→"));
  bubble(250, 30, 24, "after a correction");
  root.append(
    svg("text", { x: 70, y: 62, fill: "#f2f4f8", "font-size": 12, "text-anchor": "middle" }, "core"),
    svg("text", { x: 70, y: 16, fill: "#f2f4f8", "font-size": 12, "text-anchor": "middle" }, "shell"),
  );
  return root;
}

/** The Menu's short explanation of the choices and the bubble. */
export function howToPlay(): HTMLElement {
  return h(
    "details",
    { class: "how" },
    h("summary", {}, "How to play"),
    h("div", { class: "how-body" }, bubblePicture() as unknown as Node),
    h(
      "ul",
      {},
      h(
        "li",
        {},
        h("strong", {}, "Scale or ship. "),
        "Each quarter, split your cash: train a bigger model and market it, or build applications for real customers (support, inspection, medicine, finance, driving, media), make serving cheaper and stay compliant.",
      ),
      h(
        "li",
        {},
        h("strong", {}, "Your bubble. "),
        "Its solid core is fundamentals: the business you have built. The shell around it is narrative: hype and the market's mood. Your valuation is both.",
      ),
      h(
        "li",
        {},
        h("strong", {}, "The market. "),
        "Narrative inflates while the market is hot; when valuations run far ahead of fundamentals, a correction pops the shells. Raise money while investors are keen, but every raise dilutes you.",
      ),
      h("li", {}, h("strong", {}, "Winning. "), "Your score is the founders' stake at the end. Watch value created too: the profit you actually made."),
    ),
  );
}
