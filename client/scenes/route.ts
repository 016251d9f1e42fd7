import type { Room } from "@colyseus/sdk";
import type Phaser from "phaser";
import { CLOSE_CODES } from "../../shared/schemas/protocol.js";
import { APP_KEY, type AppContext } from "../app.js";
import { t } from "../i18n.js";
import { closeText, joinErrorText } from "../net/errors.js";
import { Inbox } from "../net/inbox.js";
import { retryWithBackoff } from "../net/rejoin.js";
import type { Joined } from "../net/session.js";
import { ConnectionBanner } from "../ui/banner.js";

/** Colyseus' close code for a leave the client asked for. */
const CONSENTED = 4000;
let banner: ConnectionBanner | null = null;

/** The scene that shows a room phase. */
export function sceneForPhase(phase: string): "Lobby" | "Market" | "GameOver" {
  // i18n-ignore: scene keys
  if (phase === "lobby") return "Lobby";
  if (phase === "over") return "GameOver";
  // i18n-ignore: a scene key
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

/**
 * A connection lost for good: the banner says why (from the close code) and offers Rejoin,
 * which tries `attempt` and enters what comes back on the scene on show (or says why not).
 */
export function offerRejoin<T>(
  bar: ConnectionBanner,
  game: Phaser.Game,
  code: number,
  attempt: () => Promise<T>,
  enter: (scene: Phaser.Scene, back: T) => void,
): void {
  bar.lost(
    () => closeText(code),
    async () => {
      const current = game.scene.getScenes(true)[0];
      if (!current) return;
      try {
        const back = await attempt();
        bar.hide();
        enter(current, back);
      } catch (error) {
        bar.lost(() => joinErrorText(error), null);
      }
    },
  );
}

/**
 * Shows a game on a screen for the room (a projector, a TV, a spare laptop): the scenes of the
 * room's phases without a seat or a decision panel. A lost connection offers to watch again.
 */
export function enterScreen(scene: Phaser.Scene, room: Room): void {
  const app = appOf(scene);
  const game = scene.game;
  app.room = room;
  app.welcome = null;
  app.inbox = new Inbox(room);
  app.spectating = true;
  banner ??= new ConnectionBanner();
  const bar = banner;
  room.onDrop(() => bar.reconnecting());
  room.onReconnect(() => bar.hide());
  room.onLeave((code) => {
    if (code === CONSENTED || app.room !== room) return;
    offerRejoin(bar, game, code, () => app.session.watch(room.roomId), enterScreen);
  });
  window.history.replaceState(null, "", `/?watch=${room.roomId}`);
  scene.scene.start(sceneForPhase(room.state.phase));
}

/**
 * Enters a joined game: remembers it, watches the connection (a banner while the SDK
 * reconnects; a Rejoin button if it gives up, which uses the seat token), puts the code in
 * the address bar, and shows the scene for the room's phase.
 */
export function enterGame(scene: Phaser.Scene, joined: Joined): void {
  const app = appOf(scene);
  const game = scene.game;
  app.room = joined.room;
  app.welcome = joined.welcome;
  app.inbox = joined.inbox;
  app.spectating = false;
  banner ??= new ConnectionBanner();
  const bar = banner;
  const room = joined.room;
  room.onDrop(() => bar.reconnecting());
  room.onReconnect(() => bar.hide());
  room.onStateChange(() => bar.notice((room.state.notice ?? "") !== ""));
  room.onLeave((code) => {
    if (code === CONSENTED || app.room !== room) return;
    if (code === CLOSE_CODES.SHUTDOWN) {
      // The server is restarting: the game comes back at its last finished quarter.
      bar.restarting();
      void retryWithBackoff(() => app.session.rejoin()).then((back) => {
        const current = game.scene.getScenes(true)[0];
        if (!current || app.room !== room) return;
        if (back) {
          bar.hide();
          enterGame(current, back);
        } else {
          bar.lost(() => t("errors.banner.gone"), null);
          app.room = null;
          current.scene.start("Menu");
        }
      });
      return;
    }
    bar.lost(
      () => closeText(code),
      async () => {
        const back = await app.session.resume();
        const current = game.scene.getScenes(true)[0];
        if (!current) return;
        if (back) {
          bar.hide();
          enterGame(current, back);
        } else {
          bar.lost(() => t("errors.banner.seatLost"), null);
          app.room = null;
          current.scene.start("Menu");
        }
      },
    );
  });
  window.history.replaceState(null, "", `/?join=${room.roomId}`);
  scene.scene.start(sceneForPhase(room.state.phase));
}
