import Phaser from "phaser";
import { DisplayNameSchema, JoinCodeSchema, type RoomSettingsInput } from "../../shared/schemas/protocol.js";
import { joinErrorText } from "../net/errors.js";
import type { Joined } from "../net/session.js";
import { h, status } from "../ui/dom.js";
import { mountScreen } from "../ui/screen.js";
import { classForm } from "./class-form.js";
import { enterConsole } from "./console-route.js";
import { consoleErrorText, facilitatorSection, runClassButton } from "./facilitator-menu.js";
import { howToPlay } from "./how-to-play.js";
import { appOf, enterGame } from "./route.js";

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

/** Create a game or join one by code. */
export class Menu extends Phaser.Scene {
  constructor() {
    super("Menu");
  }

  create(data: { notice?: string } = {}): void {
    const app = appOf(this);
    const error = status("alert");
    if (data.notice) error.textContent = data.notice;
    const name = h("input", { id: "name", name: "name", autocomplete: "nickname", maxlength: 24, required: true });
    const code = h("input", { id: "code", name: "code", autocomplete: "off", maxlength: 6, spellcheck: "false", value: app.linkCode ?? "" });
    const firms = h("input", { id: "firms", type: "number", min: 2, max: 40, value: 6 });
    // A first game that teaches: long enough for a boom and a correction, time to read the panel.
    const quarters = h("input", { id: "quarters", type: "number", min: 4, max: 40, value: FIRST_GAME.quarters });
    const seconds = h("input", { id: "seconds", type: "number", min: 10, max: 600, value: FIRST_GAME.decisionSeconds });
    const listed = h("input", { id: "listed", type: "checkbox" });

    const enter = async (attempt: () => Promise<Joined>) => {
      error.textContent = "";
      const parsed = DisplayNameSchema.safeParse(name.value);
      if (!parsed.success) {
        error.textContent = `Your name: ${parsed.error.issues[0]?.message ?? "invalid"}.`;
        name.focus();
        return;
      }
      try {
        enterGame(this, await attempt());
      } catch (e) {
        error.textContent = joinErrorText(e);
      }
    };

    const createForm = h(
      "form",
      {
        "aria-labelledby": "create-title",
        onsubmit: (e) => {
          e.preventDefault();
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
