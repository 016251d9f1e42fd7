import { returnLine } from "../console/words.js";
import { t } from "../i18n.js";
import type { MarketRoomStateShape } from "../net/state.js";
import { h } from "../ui/dom.js";

/**
 * For a friends game's host: players who lost their seat token (another device, a cleared
 * browser) and tried to come back by name. "Let … back in" lets the device that asked join once; a
 * name alone never takes a seat otherwise.
 */
export class ReturnRequests {
  private readonly notice = h("div", { class: "return-requests", role: "status", hidden: true });
  /** A see-through layer over the top of the field; only the notice takes clicks. */
  readonly element = h("div", { class: "return-layer" }, this.notice);
  private shown = "";

  constructor(private readonly letBackIn: (playerId: string) => void) {}

  /** `again`: the players (by id) who, let back in, asked again from another device (the host's connection holds the game log). */
  show(state: MarketRoomStateShape, again: ReadonlySet<string>): void {
    const asking = state.players.filter((p) => p.asking && !p.connected);
    const key = asking.map((p) => `${p.id}:${p.name}:${again.has(p.id)}`).join(",");
    if (key === this.shown) return;
    this.shown = key;
    this.notice.hidden = asking.length === 0;
    this.notice.replaceChildren(
      ...asking.map((player) =>
        h(
          "p",
          {},
          returnLine(t, player.name, again.has(player.id)),
          " ",
          h("button", { type: "button", class: "small", onclick: () => this.letBackIn(player.id) }, t("market.returns.letIn", { name: player.name })),
        ),
      ),
    );
  }
}
