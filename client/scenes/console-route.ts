import type Phaser from "phaser";
import { CLOSE_CODES } from "../../shared/schemas/protocol.js";
import { t } from "../i18n.js";
import { consolePath } from "../net/link.js";
import { retryWithBackoff } from "../net/rejoin.js";
import type { ConsoleJoined } from "../net/session.js";
import { ConnectionBanner } from "../ui/banner.js";
import { appOf, offerRejoin } from "./route.js";

/** Colyseus' close code for a leave the client asked for. */
const CONSENTED = 4000;
let banner: ConnectionBanner | null = null;

/**
 * Opens the Console scene on a game this tab runs as facilitator: watches the connection (a
 * banner while the SDK reconnects; after a server restart, tries the key again with backoff;
 * a Rejoin button, which uses the key, if the connection is lost for good) and
 * puts `/?console=CODE` in the address bar so a refresh comes back here.
 */
export function enterConsole(scene: Phaser.Scene, joined: ConsoleJoined): void {
  const app = appOf(scene);
  const game = scene.game;
  app.facilitator = joined;
  banner ??= new ConnectionBanner();
  const bar = banner;
  const room = joined.room;
  room.onDrop(() => bar.reconnecting());
  room.onReconnect(() => bar.hide());
  room.onStateChange(() => bar.notice((room.state.notice ?? "") !== ""));
  room.onLeave((code) => {
    if (code === CONSENTED || app.facilitator?.room !== room) return;
    if (code === CLOSE_CODES.SHUTDOWN) {
      // The server is restarting: the game comes back at its last finished quarter; the key opens it again.
      bar.restarting();
      void retryWithBackoff(() => app.session.openConsole(joined.code, joined.key)).then((back) => {
        const current = game.scene.getScenes(true)[0];
        if (!current || app.facilitator?.room !== room) return;
        if (back) {
          bar.hide();
          enterConsole(current, { ...back, fresh: false });
        } else {
          bar.lost(() => t("errors.banner.gone"), null);
        }
      });
      return;
    }
    offerRejoin(
      bar,
      game,
      code,
      () => app.session.openConsole(joined.code, joined.key),
      (current, back) => enterConsole(current, { ...back, fresh: false }),
    );
  });
  window.history.replaceState(null, "", consolePath(joined.code));
  scene.scene.start("Console");
}

/** Closes the console (the game goes on) and returns to the menu. */
export function leaveConsole(scene: Phaser.Scene): void {
  const app = appOf(scene);
  const joined = app.facilitator;
  app.facilitator = null;
  if (joined) void joined.room.leave(true);
  window.history.replaceState(null, "", "/");
  scene.scene.start("Menu");
}
