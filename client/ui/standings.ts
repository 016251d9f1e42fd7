import { formatMoney } from "../../shared/format.js";
import type { MarketRoomStateShape } from "../net/state.js";
import { h } from "./dom.js";

/** The final standings (the game-over screen, the console): rank, firm, score, valuation, value created. */
export function standingsTable(state: MarketRoomStateShape, mine: string | null, attrs: Record<string, string> = {}): HTMLTableElement {
  return h(
    "table",
    { class: "standings", ...attrs },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "Rank"),
        h("th", { scope: "col" }, "Firm"),
        h("th", { scope: "col" }, "Score"),
        h("th", { scope: "col" }, "Valuation"),
        h("th", { scope: "col" }, "Value created"),
      ),
    ),
    h(
      "tbody",
      {},
      ...state.standings.map((s) =>
        h(
          "tr",
          { class: s.firmId === mine ? "mine" : undefined },
          h("td", {}, String(s.rank)),
          h("th", { scope: "row" }, s.name, s.firmId === mine ? " (you)" : "", s.delisted ? " — delisted" : ""),
          h("td", {}, formatMoney(s.score)),
          h("td", {}, formatMoney(s.valuation)),
          h("td", {}, formatMoney(s.valueCreated)),
        ),
      ),
    ),
  );
}
