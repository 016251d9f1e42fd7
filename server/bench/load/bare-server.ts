/**
 * The bench's bare server (`npm run bench:server -- --bare`): the game's Colyseus setup (the
 * same transport, logger and `/healthz`) with `BareMarketRoom` in place of the game's room,
 * on PORT. Started by launch.ts like server/main.ts.
 */
import "../../polyfill.js";
import { Server } from "colyseus";
import { ROOM_NAME } from "../../../shared/schemas/protocol.js";
import { gameTransport } from "../../app.js";
import { colyseusLogger } from "../../log.js";
import { BareMarketRoom } from "./bare-room.js";

const server = new Server({
  greet: false,
  logger: colyseusLogger,
  transport: gameTransport(),
  express: (app) => {
    app.get("/healthz", (_req, res) => {
      res.json({ ok: true });
    });
  },
});
server.define(ROOM_NAME, BareMarketRoom);
await server.listen(Number(process.env.PORT ?? 2567));
