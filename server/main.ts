/**
 * `npm start`: the game server with embedded defaults, on one port (PORT, default 2567):
 * the built client at `/`, the game over WebSocket, `/healthz` and `/api/rooms`. Games are
 * stored in SQLite under DATA_DIR (default ./data) and unfinished ones come back on start.
 */
import { z } from "zod";
import { createApp, restoreGames } from "./app.js";
import { GameStore } from "./store/games.js";

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(2567),
  RECONNECT_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(120),
  DATA_DIR: z.string().min(1).default("./data"),
});

const env = Env.safeParse(process.env);
if (!env.success) {
  for (const issue of env.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
  process.exit(2);
}

const store = GameStore.inDirectory(env.data.DATA_DIR);
const app = createApp({ limits: { graceSeconds: env.data.RECONNECT_GRACE_SECONDS }, store });
await app.listen(env.data.PORT);
const restored = await restoreGames(store);
if (restored.length > 0) console.log(`Restored ${restored.length} unfinished game(s): ${restored.join(", ")}`);
console.log(`Scale or Ship is running: http://localhost:${env.data.PORT}`);
