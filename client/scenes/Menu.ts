import Phaser from "phaser";
import { DisplayNameSchema, JoinCodeSchema, type RoomSettingsInput } from "../../shared/schemas/protocol.js";
import { joinErrorText } from "../net/errors.js";
import { loadMenuChoices, saveMenuChoices } from "../net/menu-memory.js";
import { fetchOpenGames } from "../net/open-games.js";
import type { Joined } from "../net/session.js";
import { h, status } from "../ui/dom.js";
import { mountScreen } from "../ui/screen.js";
import { classForm } from "./class-form.js";
import { enterConsole } from "./console-route.js";
import { consoleErrorText, facilitatorSection, runClassButton } from "./facilitator-menu.js";
import { howToPlay } from "./how-to-play.js";
import { openGamesSection } from "./open-games.js";
import { appOf, enterGame } from "./route.js";

/** Quick play's own game when no open game has a seat: a short game against bots, started at once. */
const QUICK_GAME = { firms: 4, quarters: 8, decisionSeconds: 120, private: true } as const;

/** The menu's defaults for a new game. */
const FIRST_GAME = { quarters: 12, decisionSeconds: 120 };

/** A practice game: one click, three bots, no timer (the quarter waits for you), short pauses. */
const PRACTICE = {
  name: "Practice",
  firms: 4,
  quarters: FIRST_GAME.quarters,
  bots: ["scaler", "builder", "balanced"],
  decisionSeconds: 0,
  newsSeconds: 3,
  reportSeconds: 3,
  private: true,
} satisfies RoomSettingsInput;

/** Create a game, join one by code or from the open games, Quick play, or practise. */
export class Menu extends Phaser.Scene {
  constructor() {
    super("Menu");
  }

  create(data: { notice?: string } = {}): void {
    const app = appOf(this);
    const error = status("alert");
    if (data.notice) error.textContent = data.notice;
    // "Play again" (or a new visit) starts from the last game's name and settings.
    const last = loadMenuChoices(window.localStorage);
    const name = h("input", { id: "name", name: "name", autocomplete: "nickname", maxlength: 24, required: true, value: last.name ?? "" });
    const code = h("input", { id: "code", name: "code", autocomplete: "off", maxlength: 6, spellcheck: "false", value: app.linkCode ?? "" });
    const firms = h("input", { id: "firms", type: "number", min: 2, max: 40, value: last.firms ?? 6 });
    // A first game that teaches: long enough for a boom and a correction, time to read the panel.
    const quarters = h("input", { id: "quarters", type: "number", min: 4, max: 40, value: last.quarters ?? FIRST_GAME.quarters });
    const seconds = h("input", { id: "seconds", type: "number", min: 10, max: 600, value: last.decisionSeconds ?? FIRST_GAME.decisionSeconds });
    const listed = h("input", { id: "listed", type: "checkbox", checked: last.listed ?? false });

    const enter = async (attempt: () => Promise<Joined>, fallbackName = false) => {
      error.textContent = "";
      // Quick play does not stop at an empty name: it plays as a guest.
      if (fallbackName && name.value.trim() === "") name.value = `Guest ${Math.floor(100 + Math.random() * 900)}`;
      const parsed = DisplayNameSchema.safeParse(name.value);
      if (!parsed.success) {
        error.textContent = `Your name: ${parsed.error.issues[0]?.message ?? "invalid"}.`;
        name.focus();
        return;
      }
      saveMenuChoices(window.localStorage, { name: parsed.data });
      try {
        enterGame(this, await attempt());
      } catch (e) {
        error.textContent = joinErrorText(e);
      }
    };
    // Open public games, live, each one tap away; Quick play joins one or starts a game against bots.
    const open = openGamesSection({
      join: (gameCode) => void enter(() => app.session.join(gameCode, name.value)),
      quickPlay: () =>
        void enter(async () => {
          const games = await fetchOpenGames().catch(() => []);
          for (const game of games) {
            try {
              return await app.session.join(game.code, name.value);
            } catch {
              // Taken in the meantime (full, started, name taken): try the next, then a game of our own.
            }
          }
          const joined = await app.session.create(name.value, QUICK_GAME);
          joined.room.send("start");
          return joined;
        }, true),
    });
    this.events.once("shutdown", () => open.stop());

    const createForm = h(
      "form",
      {
        "aria-labelledby": "create-title",
        onsubmit: (e) => {
          e.preventDefault();
          saveMenuChoices(window.localStorage, {
            firms: Number(firms.value),
            quarters: Number(quarters.value),
            decisionSeconds: Number(seconds.value),
            listed: listed.checked,
          });
          void enter(() =>
            app.session.create(name.value, {
              firms: Number(firms.value),
              quarters: Number(quarters.value),
              decisionSeconds: Number(seconds.value),
              private: !listed.checked,
            }),
          );
        },
      },
      h("h2", { id: "create-title" }, "New game"),
      h("label", { for: "firms" }, "Firms (players and bots)"),
      firms,
      h("label", { for: "quarters" }, "Quarters"),
      quarters,
      h("label", { for: "seconds" }, "Seconds to decide"),
      seconds,
      h("label", { class: "check" }, listed, " List it publicly"),
      h("button", { type: "submit" }, "Create game"),
      h(
        "button",
        {
          type: "button",
          id: "practice",
          onclick: () => {
            if (name.value.trim() === "") name.value = "You";
            void enter(async () => {
              const joined = await app.session.create(name.value, PRACTICE);
              joined.room.send("start", {});
              return joined;
            });
          },
        },
        "Practice against bots (no timer)",
      ),
    );
    const joinForm = h(
      "form",
      {
        "aria-labelledby": "join-title",
        onsubmit: (e) => {
          e.preventDefault();
          const parsed = JoinCodeSchema.safeParse(code.value);
          if (!parsed.success) {
            error.textContent = "A join code is 6 letters and digits, like K7M3QX.";
            code.focus();
            return;
          }
          void enter(() => app.session.join(parsed.data, name.value));
        },
      },
      h("h2", { id: "join-title" }, "Join a game"),
      h("label", { for: "code" }, "Join code"),
      code,
      h("button", { type: "submit" }, "Join"),
    );
    const panel = h(
      "section",
      { class: "panel menu", "aria-labelledby": "menu-title" },
      h(
        "div",
        { class: "menu-top" },
        h("h1", { id: "menu-title" }, "Scale or Ship"),
        runClassButton(() => showClassForm()),
      ),
      h("p", { class: "lede" }, "Run an AI firm through the bubble: scale ever-bigger models, or ship applications that solve real problems."),
      h("label", { for: "name" }, "Your name"),
      name,
      h("div", { class: "columns" }, app.linkCode ? joinForm : createForm, app.linkCode ? createForm : joinForm),
      error,
      open.element,
      facilitatorSection(
        app,
        {
          runClass: () => showClassForm(),
          open: async (code, key) => {
            try {
              enterConsole(this, await app.session.openConsole(code, key));
              return null;
            } catch (e) {
              return consoleErrorText(e);
            }
          },
        },
        error,
      ),
      howToPlay(),
    );
    const menu = [...panel.childNodes];
    const showClassForm = () => {
      const form = classForm(
        async (settings) => {
          try {
            enterConsole(this, await app.session.createClass(settings));
            return null;
          } catch (e) {
            return joinErrorText(e);
          }
        },
        () => {
          panel.replaceChildren(...menu);
          panel.querySelector<HTMLElement>("#run-class")?.focus();
        },
      );
      panel.replaceChildren(form);
      form.querySelector<HTMLElement>("input")?.focus();
    };
    mountScreen(this, panel);
    if (app.consoleCode) panel.querySelector<HTMLElement>("#console-key")?.focus();
    else name.focus();
  }
}
