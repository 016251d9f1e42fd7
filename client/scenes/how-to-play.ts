import { t } from "../i18n.js";
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
    "aria-label": t("menu.how.picture"),
  });
  const bubble = (cx: number, shell: number, core: number, label: string) => {
    root.append(
      svg("circle", { cx, cy: 58, r: shell, fill: "#56b4e9", "fill-opacity": 0.25, stroke: "#56b4e9" }),
      svg("circle", { cx, cy: 58, r: core, fill: "#0072b2" }),
      svg("text", { x: cx, y: 124, fill: "#f2f4f8", "font-size": 12, "text-anchor": "middle" }, label),
    );
  };
  bubble(70, 52, 24, t("menu.how.hot"));
  root.append(svg("text", { x: 160, y: 62, fill: "#e69f00", "font-size": 22, "text-anchor": "middle" }, "→"));
  bubble(250, 30, 24, t("menu.how.after"));
  root.append(
    svg("text", { x: 70, y: 62, fill: "#f2f4f8", "font-size": 12, "text-anchor": "middle" }, t("menu.how.core")),
    svg("text", { x: 70, y: 16, fill: "#f2f4f8", "font-size": 12, "text-anchor": "middle" }, t("menu.how.shell")),
  );
  return root;
}

/** The explanation's points: a bold lead-in and its sentences. */
const POINTS = [
  ["menu.how.scale.title", "menu.how.scale.body"],
  ["menu.how.bubble.title", "menu.how.bubble.body"],
  ["menu.how.market.title", "menu.how.market.body"],
  ["menu.how.winning.title", "menu.how.winning.body"],
] as const;

/** The Menu's short explanation of the choices and the bubble. */
export function howToPlay(): HTMLElement {
  return h(
    "details",
    { class: "how" },
    h("summary", {}, t("menu.how.title")),
    h("div", { class: "how-body" }, bubblePicture() as unknown as Node),
    h("ul", {}, ...POINTS.map(([title, body]) => h("li", {}, h("strong", {}, t(title)), " ", t(body)))),
  );
}
