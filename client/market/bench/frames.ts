/**
 * The Market scene on a synthetic market, without a server: the page server/bench/frames.ts
 * measures frame times on. `?firms=N` sets the number of firms (default 40);
 * `window.__bench.advance("correction", 2)` publishes a quarter that deflates every shell and
 * delists the two smallest firms.
 */
import type Phaser from "phaser";
import { APP_KEY, type AppContext } from "../../app.js";
import { createGame } from "../../game.js";
import { endpointFor } from "../../net/link.js";
import { Session } from "../../net/session.js";
import { Market } from "../../scenes/Market.js";
import { FEED_KEY } from "../feed.js";
import { type SyntheticQuarter, syntheticMarket } from "./synthetic.js";

declare global {
  interface Window {
    __bench?: { advance(kind: SyntheticQuarter, delist?: number): void };
  }
}

const params = new URLSearchParams(window.location.search);
const firms = Math.max(1, Math.min(40, Number(params.get("firms") ?? 40)));
const market = syntheticMarket(firms, "f1");
const app: AppContext = {
  session: new Session(endpointFor(window.location), window.sessionStorage),
  room: null,
  // Seat 1 is "yours", so the bench draws your firm's outline too.
  welcome: { playerId: "bench", firmId: "f1", host: true, token: "bench-token-0000", serverTime: Date.now() },
  inbox: null,
  linkCode: null,
  consoleCode: null,
  facilitator: null,
};
// The renderer as the game picks it here, or `?renderer=canvas|webgl` (render.ts).
const game = createGame(document.getElementById("app") as HTMLElement, [Market]);
game.registry.set(APP_KEY, app);
game.registry.set(FEED_KEY, market);
window.__bench = { advance: (kind, delist) => market.advance(kind, delist) };
// For experiments from the console or a script: hide parts, change the frame limit.
(window as unknown as { __game: Phaser.Game }).__game = game;
