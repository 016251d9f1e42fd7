import Phaser from "phaser";
import { APP_KEY, type AppContext } from "./app.js";
import { applyToDocument, onLocaleChange } from "./i18n.js";
import { consoleCodeFrom, endpointFor, joinCodeFrom, watchCodeFrom } from "./net/link.js";
import { Session } from "./net/session.js";
import { chooseRenderer, isSoftwareRenderer, type RendererChoice } from "./render.js";
import { Boot } from "./scenes/Boot.js";
import { Console } from "./scenes/Console.js";
import { GameOver } from "./scenes/GameOver.js";
import { Lobby } from "./scenes/Lobby.js";
import { Market } from "./scenes/Market.js";
import { Menu } from "./scenes/Menu.js";
import { Preloader } from "./scenes/Preloader.js";
import { languageControl } from "./ui/language.js";
import { createLayers, watchStage } from "./ui/screen.js";

let probed: { name: string | null } | null = null;

/** The WebGL renderer's name here (read once from a throwaway context), or null without WebGL. */
function webglRenderer(): string | null {
  if (probed) return probed.name;
  const gl = document.createElement("canvas").getContext("webgl");
  const info = gl?.getExtension("WEBGL_debug_renderer_info");
  probed = { name: gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? "") : null };
  gl?.getExtension("WEBGL_lose_context")?.loseContext();
  return probed.name;
}

/** The renderer for this browser (see render.ts); `?renderer=canvas|webgl` overrides it. */
export function rendererHere(): RendererChoice {
  return chooseRenderer(webglRenderer(), new URLSearchParams(window.location.search).get("renderer"));
}

/**
 * Multisampling for WebGL: on where a GPU makes it cheap, off on a CPU rasteriser (it about
 * doubles an animating frame there); `?msaa=0|1` forces it (the frame bench).
 */
function multisampling(): boolean {
  const forced = new URLSearchParams(window.location.search).get("msaa");
  if (forced === "0" || forced === "1") return forced === "1";
  return !isSoftwareRenderer(webglRenderer() ?? "");
}

/**
 * A Phaser game in `parent`'s stage layer (ui/screen.ts): the canvas is resized to the stage
 * (`Scale.RESIZE`), never scaled, so one canvas pixel is one CSS pixel. The page's text is
 * HTML in the screen layer.
 */
export function createGame(parent: HTMLElement, scene: Phaser.Types.Scenes.SceneType[], renderer: RendererChoice = rendererHere()): Phaser.Game {
  const { stage } = createLayers(parent);
  const game = new Phaser.Game({
    type: renderer === "canvas" ? Phaser.CANVAS : Phaser.WEBGL,
    parent: stage,
    width: Math.max(2, stage.clientWidth),
    height: Math.max(2, stage.clientHeight),
    backgroundColor: "#10131a",
    antialiasGL: renderer === "webgl" && multisampling(),
    scale: { mode: Phaser.Scale.RESIZE, min: { width: 2, height: 2 } },
    scene,
  });
  watchStage(game);
  return game;
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
  const game = createGame(parent, [Boot, Preloader, Menu, Lobby, Market, GameOver, Console]);
  game.registry.set(APP_KEY, app);
  applyToDocument();
  parent.after(languageControl());
  // A language switch redraws the screen in place: each running scene starts again with the
  // data it was started with (a scene with a `relabel()` method redraws its own texts instead).
  onLocaleChange(() => {
    for (const scene of game.scene.getScenes(true)) {
      const relabel = (scene as Phaser.Scene & { relabel?: () => void }).relabel;
      if (relabel) relabel.call(scene);
      else scene.scene.restart(scene.sys.settings.data);
    }
  });
  return game;
}
