import type Phaser from "phaser";
import { APP_KEY, type AppContext } from "../app.js";

/** The scene that shows a room phase. */
export function sceneForPhase(phase: string): "Lobby" | "Market" | "GameOver" {
  if (phase === "lobby") return "Lobby";
  if (phase === "over") return "GameOver";
  return "Market";
}

export function appOf(scene: Phaser.Scene): AppContext {
  return scene.registry.get(APP_KEY) as AppContext;
}

/**
 * Keeps a scene on screen while the room's phase belongs to it, and moves on when it does
 * not. Returns a function that stops listening (call it on shutdown).
 */
export function followPhase(scene: Phaser.Scene, key: string): () => void {
  const room = appOf(scene).room;
  if (!room) return () => {};
  let moved = false;
  const check = () => {
    const next = sceneForPhase(room.state.phase);
    if (!moved && next !== key) {
      moved = true;
      scene.scene.start(next);
    }
  };
  room.onStateChange(check);
  return () => room.onStateChange.remove(check);
}
