import Phaser from "phaser";
import { facilitatorKeyFor } from "../net/keys.js";
import { h } from "../ui/dom.js";
import { mountScreen } from "../ui/screen.js";
import { enterConsole } from "./console-route.js";
import { consoleErrorText } from "./facilitator-menu.js";
import { appOf, enterGame } from "./route.js";

/** Shows "Loading…" while the previous game (if any) is rejoined or the console opens. */
export class Preloader extends Phaser.Scene {
  constructor() {
    super("Preloader");
  }

  init(): void {
    // Textures are drawn in code and nothing is fetched: this shows while a game is rejoined.
    mountScreen(this, h("section", { class: "panel loading", "aria-busy": "true" }, h("h1", {}, "Scale or Ship"), h("p", { class: "lede" }, "Loading…")));
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
        return void this.scene.start("Menu", { notice: `The console of ${code} could not open: ${consoleErrorText(e)}` });
      }
    }
    if (code) return void this.scene.start("Menu");
    const joined = await app.session.resume();
    if (joined) enterGame(this, joined);
    else this.scene.start("Menu");
  }
}
