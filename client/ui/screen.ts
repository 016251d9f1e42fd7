import Phaser from "phaser";
import { t } from "../i18n.js";

/**
 * The page has two layers (made by `createLayers`, see the note at the top of ui/style.css):
 *
 * - `#screen`: each scene's DOM, laid out by CSS at native size (no canvas scaling), in
 *   normal document flow, so text keeps its CSS size on a phone and long pages scroll;
 * - `#stage`: Phaser's parent. The canvas is sized to it (`Scale.RESIZE`). A scene that draws
 *   (the Market's bubble field) docks the stage in a slot of its own layout; otherwise the
 *   stage is parked out of sight.
 *
 * A scene shows its DOM with `mountScreen(this, element)`; it is removed when the scene shuts
 * down. Do not use `this.add.dom`: the game has no DOM container (it would place elements
 * in canvas pixels, not in the page's flow).
 */

export interface Layers {
  screen: HTMLElement;
  stage: HTMLElement;
}

let layers: Layers | null = null;

/** Makes `#screen` and `#stage` inside `parent` (once); Phaser's parent is `stage`. */
export function createLayers(parent: HTMLElement): Layers {
  if (layers) return layers;
  const screen = document.createElement("div");
  screen.id = "screen";
  const stage = document.createElement("div");
  stage.id = "stage";
  stage.className = "parked";
  parent.append(screen, stage);
  layers = { screen, stage };
  return layers;
}

function current(): Layers {
  if (!layers) throw new Error("createLayers(parent) must run before a scene mounts its screen");
  return layers;
}

/**
 * Shows `element` as the scene's screen (in `#screen`) until the scene shuts down. `app`:
 * a full-window application shell (the market) rather than a scrolling page. `title`: the
 * screen's name in the page's language, for the document's title ("Lobby · Scale or Ship");
 * without one the title is the game's name.
 */
export function mountScreen(scene: Phaser.Scene, element: HTMLElement, shape: "page" | "app" = "page", title?: string): void {
  const { screen } = current();
  screen.className = shape;
  screen.append(element);
  screenTitle(title);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
    element.remove();
    if (screen.childElementCount === 0) screen.className = "";
  });
}

/** Names the document after the screen on show (a scene's `relabel()` calls it again after a language switch). */
export function screenTitle(title?: string): void {
  const app = t("common.appName");
  document.title = title ? t("menu.documentTitle", { screen: title, app }) : app;
}

/**
 * Puts the canvas in `slot` (sized by the layout's CSS) until the scene shuts down, and
 * resizes the game to it at once (Phaser would notice within half a second by itself).
 */
export function dockStage(scene: Phaser.Scene, slot: HTMLElement): void {
  const { stage } = current();
  slot.append(stage);
  stage.className = "docked";
  refreshSize(scene.game);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
    stage.className = "parked";
    current().screen.after(stage);
  });
}

/** Re-reads the stage's size and resizes the canvas to it. */
export function refreshSize(game: Phaser.Game): void {
  game.scale.getParentBounds();
  game.scale.refresh();
}

/** Resizes the canvas whenever the stage changes size (a rotated phone, a tab shown). */
export function watchStage(game: Phaser.Game): void {
  const { stage } = current();
  new ResizeObserver(() => refreshSize(game)).observe(stage);
}
