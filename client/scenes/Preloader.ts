import Phaser from "phaser";
import { t } from "../i18n.js";
import { joinErrorText } from "../net/errors.js";
import { facilitatorKeyFor } from "../net/keys.js";
import { h } from "../ui/dom.js";
import { mountScreen, screenTitle } from "../ui/screen.js";
import { enterConsole } from "./console-route.js";
import { consoleErrorText } from "./facilitator-menu.js";
import type { MenuData } from "./Menu.js";
import { appOf, enterGame, enterScreen } from "./route.js";

/** Shows "Loading…" while the previous game (if any) is rejoined or the console opens. */
export class Preloader extends Phaser.Scene {
  constructor() {
    super("Preloader");
  }

  private readonly heading = h("h1", {});
  private readonly line = h("p", { class: "lede" });

  init(): void {
    // Textures are drawn in code and nothing is fetched: this shows while a game is rejoined.
    mountScreen(this, h("section", { class: "panel loading", "aria-busy": "true" }, this.heading, this.line), "page", t("menu.screen.loading"));
    this.relabel();
  }

  /** A language switch while loading: only the words change (a restart would try the rejoin a second time). */
  relabel(): void {
    this.heading.textContent = t("common.appName");
    this.line.textContent = t("menu.loading.text");
    screenTitle(t("menu.screen.loading"));
  }

  async create(): Promise<void> {
    const app = appOf(this);
    // `/?console=CODE`: the facilitator's console, if this browser holds the key.
    const code = app.consoleCode;
    const stored = code ? facilitatorKeyFor(window.localStorage, code) : null;
    if (code && stored) {
      try {
        return enterConsole(this, await app.session.openConsole(code, stored.key));
      } catch (e) {
        return void this.scene.start("Menu", { notice: () => t("menu.loading.consoleFailed", { code, reason: consoleErrorText(e) }) } satisfies MenuData);
      }
    }
    if (code) return void this.scene.start("Menu");
    // `/?watch=CODE`: the market on a big screen, without a seat.
    if (app.watchCode) {
      try {
        return enterScreen(this, await app.session.watch(app.watchCode));
      } catch (e) {
        const watched = app.watchCode;
        return void this.scene.start("Menu", { notice: () => t("menu.loading.watchFailed", { code: watched, reason: joinErrorText(e) }) } satisfies MenuData);
      }
    }
    // A join link for another game wins over the game this tab played last.
    const joined = await app.session.resume(app.linkCode);
    if (joined) enterGame(this, joined);
    else this.scene.start("Menu");
  }
}
