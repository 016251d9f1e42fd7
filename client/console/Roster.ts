import { BOT_NAMES } from "../../shared/bots/index.js";
import type { Translate } from "../../shared/i18n/catalog.js";
import { type LogEntry, READMIT_SECONDS } from "../../shared/schemas/protocol.js";
import { botName } from "../../shared/words/names.js";
import { t } from "../i18n.js";
import type { FirmSlotShape, MarketRoomStateShape, PlayerInfoShape } from "../net/state.js";
import { h } from "../ui/dom.js";
import { managePlayerDialog } from "./dialogs.js";
import { refill } from "./refill.js";
import { askingAgain, presence as presenceIn } from "./words.js";

export type Send = (type: string, payload?: unknown) => void;

/** A player's connection in words, in the page's language (`presenceIn`). */
export function presence(player: Pick<PlayerInfoShape, "connected" | "away" | "asking">, tr: Translate = t, again = false): string {
  return presenceIn(player, tr, again);
}

/** Who plays a firm, in words. */
export function playedBy(firm: Pick<FirmSlotShape, "controller" | "bot">, members: number, tr: Translate = t): string {
  const bot = botName(firm.bot, tr);
  if (firm.controller === "standIn") return tr("console.roster.playedBy.standIn", { bot });
  if (firm.controller === "bot" || members === 0) return tr("console.roster.playedBy.bot", { bot });
  return tr("console.roster.playedBy.students", { count: members });
}

/**
 * The live roster: each firm with its members (online, offline, away, asking to come back),
 * who plays it and whether this quarter's decision is in. A disconnected student has a
 * "Let back in" button for one who asks: the device that asked may then rejoin without the seat token. Each player's name is a button ("Manage Ada") that
 * opens their controls (rename, remove, replace with a bot); in the lobby, bot seats can
 * change strategy or be removed.
 */
export class Roster {
  readonly element: HTMLElement;
  private readonly summary = h("p", { class: "muted" });
  private readonly body = h("tbody", {});
  private shown = "";
  private again: ReadonlySet<string> = new Set();
  private last: MarketRoomStateShape | null = null;

  constructor(
    private readonly send: Send,
    refusal: HTMLElement,
  ) {
    const table = h(
      "div",
      { class: "console-scroll" },
      h(
        "table",
        { class: "roster", "aria-labelledby": "roster-title" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, t("console.roster.col.firm")),
            h("th", { scope: "col" }, t("console.roster.col.players")),
            h("th", { scope: "col" }, t("console.roster.col.decided")),
          ),
        ),
        this.body,
      ),
    );
    this.element = h(
      "section",
      { class: "console-roster", "aria-labelledby": "roster-title" },
      h("h2", { id: "roster-title" }, t("console.roster.title")),
      this.summary,
      refusal,
      table,
    );
  }

  /** The game log as the console holds it: who asks again from another device (`askingAgain`). */
  noteLog(log: readonly LogEntry[]): void {
    this.again = askingAgain(log);
    if (this.last) this.update(this.last);
  }

  update(state: MarketRoomStateShape): void {
    this.last = state;
    const lobby = state.phase === "lobby";
    const key = JSON.stringify([
      [...this.again],
      state.phase,
      state.firms.map((f) => [f.id, f.name, f.bot, f.controller, f.submitted, f.delisted]),
      state.players.map((p) => [p.id, p.name, p.firmId, p.connected, p.away, p.asking]),
    ]);
    if (key === this.shown) return;
    this.shown = key;
    const students = state.players.length;
    const online = state.players.filter((p) => p.connected).length;
    this.summary.textContent = t("console.roster.summary", { count: students, online, firms: state.firms.length });
    const rows = state.firms.map((firm) => {
      const members = state.players.filter((p) => p.firmId === firm.id);
      const decided = lobby
        ? "—" // i18n-ignore: a dash for "not yet", in every language
        : t(firm.delisted ? "console.roster.decided.delisted" : firm.submitted ? "console.roster.decided.yes" : "console.roster.decided.no");
      return h(
        "tr",
        { class: firm.submitted && !lobby ? "decided" : undefined },
        h("th", { scope: "row" }, firm.name),
        h(
          "td",
          {},
          members.length === 0 || firm.controller !== "human" ? h("span", { class: "muted" }, playedBy(firm, members.length)) : null,
          members.length > 0 ? h("ul", { class: "members" }, ...members.map((p) => this.member(p, firm, !lobby))) : null,
          lobby && members.length === 0 ? this.botControls(state, firm) : null,
        ),
        h("td", { class: "decided-cell" }, decided),
      );
    });
    refill(this.body, rows);
  }

  private member(player: PlayerInfoShape, firm: FirmSlotShape, started: boolean): HTMLElement {
    const again = player.asking && this.again.has(player.id);
    const where = presence(player, t, again);
    return h(
      "li",
      { class: player.asking ? "asking" : player.connected && !player.away ? "online" : "offline" },
      h(
        "button",
        {
          type: "button",
          class: "player",
          "data-key": `manage-${player.id}`,
          "aria-label": t("console.roster.manage", { name: player.name }),
          title: t("console.roster.manage.title"),
          onclick: () =>
            managePlayerDialog(
              { name: player.name, firmName: firm.name, state: () => presence(player, t, again) },
              {
                rename: (name) => this.send("renamePlayer", { playerId: player.id, name }),
                remove: () => this.send("removePlayer", { playerId: player.id }),
                replaceWithBot: (strategy) => this.send("replaceWithBot", { playerId: player.id, strategy }),
              },
            ),
        },
        player.name,
      ),
      h("span", { class: player.asking ? "asking-note" : "muted" }, ` ${where}`),
      // A student who lost the seat token (another device, cleared browser) comes back by name once let in.
      started && !player.connected && player.asking
        ? h(
            "button",
            {
              type: "button",
              class: "small",
              "data-key": `let-in-${player.id}`,
              "aria-label": t("console.roster.letIn.label", { name: player.name }),
              title: t(again ? "console.roster.letIn.title.again" : "console.roster.letIn.title", { name: player.name, minutes: READMIT_SECONDS / 60 }),
              onclick: () => this.send("letBackIn", { playerId: player.id }),
            },
            t("console.roster.letIn"),
          )
        : null,
    );
  }

  private botControls(state: MarketRoomStateShape, firm: FirmSlotShape): HTMLElement {
    return h(
      "span",
      { class: "bot-controls" },
      h(
        "select",
        {
          "data-key": `bot-${firm.id}`,
          "aria-label": t("console.roster.botFor", { firm: firm.name }),
          onchange: (e) => this.send("setBot", { firmId: firm.id, strategy: (e.target as HTMLSelectElement).value }),
        },
        ...BOT_NAMES.map((bot) => h("option", { value: bot, selected: bot === firm.bot }, botName(bot, t))),
      ),
      state.firms.length > 2
        ? h(
            "button",
            {
              type: "button",
              class: "small",
              "data-key": `remove-${firm.id}`,
              "aria-label": t("console.roster.removeSeat.label", { firm: firm.name }),
              onclick: () => this.send("removeBot", { firmId: firm.id }),
            },
            t("console.roster.removeSeat"),
          )
        : null,
    );
  }
}
