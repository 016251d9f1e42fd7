import Phaser from "phaser";
import { joinErrorText } from "../net/errors.js";
import { facilitatorKeyFor } from "../net/keys.js";
import { enterConsole } from "./console-route.js";
import { consoleErrorText } from "./facilitator-menu.js";
import { appOf, enterGame, enterScreen } from "./route.js";

/** Shows a progress bar while assets load and the previous game (if any) is rejoined. */
export class Preloader extends Phaser.Scene {
  constructor() {
    super("Preloader");
  }

  init(): void {
    const { width, height } = this.scale;
    this.add.text(width / 2, height / 2 - 40, "Scale or Ship", { fontFamily: "system-ui, sans-serif", fontSize: "40px", color: "#f2f4f8" }).setOrigin(0.5);
    this.add.rectangle(width / 2, height / 2 + 20, 404, 16).setStrokeStyle(2, 0x8fa3bf);
    const bar = this.add.rectangle(width / 2 - 200, height / 2 + 20, 4, 10, 0x56b4e9).setOrigin(0, 0.5);
    this.load.on("progress", (progress: number) => {
      bar.width = 4 + 396 * progress;
    });
  }

  preload(): void {
    // Textures are drawn in code; nothing is fetched.
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
    // `/?watch=CODE`: the market on a big screen, without a seat.
    if (app.watchCode) {
      try {
        return enterScreen(this, await app.session.watch(app.watchCode));
      } catch (e) {
        return void this.scene.start("Menu", { notice: `The game ${app.watchCode} cannot be shown: ${joinErrorText(e)}` });
      }
    }
    // A join link for another game wins over the game this tab played last.
    const joined = await app.session.resume(app.linkCode);
    if (joined) enterGame(this, joined);
    else this.scene.start("Menu");
  }
}
