import Phaser from "phaser";
import { APP_KEY, type AppContext } from "./app.js";
import { consoleCodeFrom, endpointFor, joinCodeFrom, watchCodeFrom } from "./net/link.js";
import { Session } from "./net/session.js";
import { isSoftwareRenderer } from "./render.js";
import { Boot } from "./scenes/Boot.js";
import { Console } from "./scenes/Console.js";
import { GameOver } from "./scenes/GameOver.js";
import { Lobby } from "./scenes/Lobby.js";
import { Market } from "./scenes/Market.js";
import { Menu } from "./scenes/Menu.js";
import { Preloader } from "./scenes/Preloader.js";

export const WIDTH = 1280;
export const HEIGHT = 720;

/** Whether WebGL runs on the CPU here (see render.ts). */
function softwareWebGL(): boolean {
  const gl = document.createElement("canvas").getContext("webgl");
  if (!gl) return false;
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? "");
  gl.getExtension("WEBGL_lose_context")?.loseContext();
  return isSoftwareRenderer(renderer);
}

/** Starts the game in `parent`, talking to the server that served the page. */
export function startGame(parent: HTMLElement): Phaser.Game {
  const app: AppContext = {
    session: new Session(endpointFor(window.location), window.sessionStorage, window.localStorage),
    room: null,
    welcome: null,
    inbox: null,
    linkCode: joinCodeFrom(window.location.search),
    watchCode: watchCodeFrom(window.location.search),
    spectating: false,
    consoleCode: consoleCodeFrom(window.location.search),
    facilitator: null,
  };
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: WIDTH,
    height: HEIGHT,
    backgroundColor: "#10131a",
    // Multisampling only where a GPU makes it cheap (see render.ts).
    antialiasGL: !softwareWebGL(),
    dom: { createContainer: true },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    scene: [Boot, Preloader, Menu, Lobby, Market, GameOver, Console],
  });
  game.registry.set(APP_KEY, app);
  return game;
}
