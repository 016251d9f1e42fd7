import Phaser from "phaser";
import { DisplayNameSchema, JOIN_CODE_LENGTH, JoinCodeSchema, type RoomSettingsInput } from "../../shared/schemas/protocol.js";
import { t } from "../i18n.js";
import { joinErrorText, nameIssueText } from "../net/errors.js";
import { EXAMPLE_JOIN_CODE } from "../net/link.js";
import { loadMenuChoices, saveMenuChoices } from "../net/menu-memory.js";
import { fetchOpenGames } from "../net/open-games.js";
import type { Joined } from "../net/session.js";
import { type Draft, draftOf, h, restoreDraft, status } from "../ui/dom.js";
import { lengthHint } from "../ui/length-hint.js";
import { mountScreen, screenTitle } from "../ui/screen.js";
import { classForm } from "./class-form.js";
import { enterConsole } from "./console-route.js";
import { consoleErrorText, facilitatorSection, runClassButton } from "./facilitator-menu.js";
import { howToPlay } from "./how-to-play.js";
import { timerField } from "./lobby-settings.js";
import { openGamesSection } from "./open-games.js";
import { appOf, enterGame } from "./route.js";

/**
 * Quick play's own game when no open game has a seat: a short game against bots, started at once.
 * Like Practice it stores no title, so every reader sees the room named in their own language.
 */
const QUICK_GAME = { firms: 4, quarters: 8, decisionSeconds: 120, private: true } as const;

/** The menu's defaults for a new game. */
const FIRST_GAME = { quarters: 12, decisionSeconds: 120 };

/** A practice game: one click, three bots, no timer (the quarter waits for you), short pauses. */
const PRACTICE = {
  firms: 4,
  quarters: FIRST_GAME.quarters,
  bots: ["scaler", "builder", "balanced"],
  decisionSeconds: 0,
  newsSeconds: 3,
  reportSeconds: 3,
  private: true,
} satisfies RoomSettingsInput;

/** What the menu is started with: a notice (worded when shown, so a language switch words it again) and, after a switch, what was typed. */
export interface MenuData {
  notice?: () => string;
  draft?: Draft;
  classForm?: boolean;
}

/** Create a game, join one by code or from the open games, Quick play, or practise. */
export class Menu extends Phaser.Scene {
  /** The menu's screen parts on show or set aside (the class form replaces them while it is open). */
  private parts: ParentNode[] = [];

  constructor() {
    super("Menu");
  }

  /** A language switch: the menu is drawn again in the new language with everything typed, ticked and opened kept (and the class form, if it is open). */
  relabel(): void {
    const data = (this.sys.settings.data ?? {}) as MenuData;
    const classForm = this.parts.some((part) => part instanceof Element && part.isConnected && part.matches(".class-form"));
    this.scene.restart({ notice: data.notice, draft: draftOf(this.parts), classForm } satisfies MenuData);
  }

  create(data: MenuData = {}): void {
    const app = appOf(this);
    const error = status("alert");
    if (data.notice) error.textContent = data.notice();
    // "Play again" (or a new visit) starts from the last game's name and settings.
    const last = loadMenuChoices(window.localStorage);
    // A join link for a game this browser last played in (its tab closed, or open in another
    // tab): the seat is offered back by name, never taken silently (a shared computer, a sibling's
    // tab); the name field starts empty for whoever is not that player.
    const offered = app.session.browserSeatFor(app.linkCode);
    const name = h("input", { id: "name", name: "name", autocomplete: "nickname", maxlength: 24, required: true, value: offered ? "" : (last.name ?? "") });
    const code = h("input", { id: "code", name: "code", autocomplete: "off", maxlength: 6, spellcheck: "false", value: app.linkCode ?? "" });
    const firms = h("input", { id: "firms", type: "number", min: 2, max: 40, value: last.firms ?? 6 });
    // A first game that teaches: long enough for a boom and a correction, time to read the panel.
    const quarters = h("input", { id: "quarters", type: "number", min: 4, max: 40, value: last.quarters ?? FIRST_GAME.quarters });
    const seconds = timerField("seconds", last.decisionSeconds ?? FIRST_GAME.decisionSeconds, 10, 600);
    const listed = h("input", { id: "listed", type: "checkbox", checked: last.listed ?? false });

    // A refusal is written beside the form the player used: under Join, under Create game (and
    // Practice), or, for the open games and Quick play, above their list. At 1280×720 a join
    // refusal under both forms sat a whole column's height below the Join button. On a phone the
    // place may be below the fold, so it is scrolled to. The forms' places are hidden while empty.
    const joinError = status("alert");
    const createError = status("alert");
    joinError.hidden = createError.hidden = true;
    const clear = () => {
      for (const p of [error, joinError, createError]) p.textContent = "";
      joinError.hidden = createError.hidden = true;
    };
    const refuse = (place: HTMLElement, sentence: string) => {
      clear();
      place.textContent = sentence;
      place.hidden = false;
      place.scrollIntoView({ block: "nearest" });
    };
    const enter = async (attempt: () => Promise<Joined>, place: HTMLElement = error, fallbackName = false) => {
      clear();
      // Quick play does not stop at an empty name: it plays as a guest.
      if (fallbackName && name.value.trim() === "") name.value = t("menu.name.guest", { number: String(Math.floor(100 + Math.random() * 900)) });
      const parsed = DisplayNameSchema.safeParse(name.value);
      if (!parsed.success) {
        refuse(place, nameIssueText(parsed.error.issues[0]));
        name.focus();
        return;
      }
      saveMenuChoices(window.localStorage, { name: parsed.data });
      try {
        enterGame(this, await attempt());
      } catch (e) {
        refuse(place, joinErrorText(e));
      }
    };
    // Open public games, live, each one tap away; Quick play joins one or starts a game against bots.
    const open = openGamesSection({
      join: (gameCode) => void enter(() => app.session.join(gameCode, name.value)),
      quickPlay: () =>
        void enter(
          async () => {
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
          },
          error,
          true,
        ),
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
            decisionSeconds: seconds.seconds(),
            listed: listed.checked,
          });
          void enter(
            () =>
              app.session.create(name.value, {
                firms: Number(firms.value),
                quarters: Number(quarters.value),
                decisionSeconds: seconds.seconds(),
                private: !listed.checked,
              }),
            createError,
          );
        },
      },
      h("h2", { id: "create-title" }, t("menu.create.title")),
      h("label", { for: "firms" }, t("menu.create.firms")),
      firms,
      h("label", { for: "quarters" }, t("menu.create.quarters")),
      quarters,
      lengthHint(quarters),
      seconds.element,
      h("div", {}, h("label", { class: "check" }, listed, " ", t("menu.create.listed"))),
      h(
        "div",
        { class: "button-row" },
        h("button", { type: "submit" }, t("menu.create.submit")),
        h(
          "button",
          {
            type: "button",
            id: "practice",
            onclick: () => {
              if (name.value.trim() === "") name.value = t("menu.name.practice");
              void enter(async () => {
                const joined = await app.session.create(name.value, PRACTICE);
                joined.room.send("start", {});
                return joined;
              }, createError);
            },
          },
          t("menu.practice.button"),
        ),
      ),
      createError,
    );
    const joinForm = h(
      "form",
      {
        "aria-labelledby": "join-title",
        onsubmit: (e) => {
          e.preventDefault();
          const parsed = JoinCodeSchema.safeParse(code.value);
          if (!parsed.success) {
            refuse(joinError, t("menu.join.badCode", { length: JOIN_CODE_LENGTH, example: EXAMPLE_JOIN_CODE }));
            code.focus();
            return;
          }
          void enter(() => app.session.join(parsed.data, name.value), joinError);
        },
      },
      h("h2", { id: "join-title" }, t("menu.join.title")),
      h("label", { for: "code" }, t("menu.join.code")),
      code,
      h("button", { type: "submit" }, t("menu.join.submit")),
      joinError,
    );
    /** "On this browser, Bo last played in this game" with Continue as Bo: the seat back in one tap, for Bo only. */
    const seatOffer = (player: string, gameCode: string): HTMLElement => {
      const failed = status("alert");
      const button = h(
        "button",
        {
          type: "button",
          class: "primary",
          onclick: async () => {
            button.disabled = true;
            const joined = await app.session.resumeBrowserSeat(gameCode);
            if (joined) return enterGame(this, joined);
            box.querySelector(".seat-offer-lines")?.remove();
            button.remove();
            failed.textContent = t("menu.seatOffer.gone", { name: player });
            name.focus();
          },
        },
        t("menu.seatOffer.button", { name: player }),
      );
      const box = h(
        "section",
        { class: "seat-offer", "aria-label": t("menu.seatOffer.label") },
        h(
          "div",
          { class: "seat-offer-lines" },
          h("p", {}, t("menu.seatOffer.line", { name: player })),
          h("p", { class: "hint" }, t("menu.seatOffer.other", { name: player })),
        ),
        button,
        failed,
      );
      return box;
    };
    const panel = h(
      "section",
      { class: "panel menu", "aria-labelledby": "menu-title" },
      h(
        "div",
        { class: "menu-top" },
        h("h1", { id: "menu-title" }, t("common.appName")),
        runClassButton(() => showClassForm()),
      ),
      h("p", { class: "lede" }, t("menu.lede")),
      offered ? seatOffer(offered.name, offered.code) : null,
      h("label", { for: "name" }, t("menu.name.label")),
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
          this.parts = [panel];
          screenTitle(t("menu.screen.menu"));
          panel.querySelector<HTMLElement>("#run-class")?.focus();
        },
      );
      panel.replaceChildren(form);
      this.parts = [form, ...menu.filter((node): node is Element => node instanceof Element)];
      screenTitle(t("menu.screen.classForm"));
      form.querySelector<HTMLElement>("input")?.focus();
    };
    mountScreen(this, panel, "page", t("menu.screen.menu"));
    this.parts = [panel];
    this.events.once("shutdown", () => {
      this.parts = [];
    });
    if (app.consoleCode) panel.querySelector<HTMLElement>("#console-key")?.focus();
    else name.focus();
    if (data.classForm) showClassForm();
    if (data.draft) restoreDraft(this.parts, data.draft);
  }
}
