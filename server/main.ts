/**
 * `npm start`: the game server with embedded defaults, on one port (PORT, default 2567):
 * the built client at `/`, the game over WebSocket, `/healthz` and `/api/rooms`.
 */
import { z } from "zod";
import { createApp } from "./app.js";

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(2567),
  RECONNECT_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(120),
});

const env = Env.safeParse(process.env);
if (!env.success) {
  for (const issue of env.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
  process.exit(2);
}

const app = createApp({ limits: { graceSeconds: env.data.RECONNECT_GRACE_SECONDS } });
await app.listen(env.data.PORT);
console.log(`Scale or Ship is running: http://localhost:${env.data.PORT}`);
