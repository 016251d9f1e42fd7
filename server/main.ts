/**
 * `npm start`: the game server with embedded defaults, on one port (PORT, default 2567):
 * the built client at `/`, the game over WebSocket, `/healthz` and `/api/rooms`. Games are
 * stored in SQLite under DATA_DIR (default ./data) and unfinished ones come back on start.
 * With REDIS_URL, several such processes share one game world (docs/deploy.md).
 */
import { hostname } from "node:os";
import { z } from "zod";
import { IDLE_GAME_HOURS } from "../shared/schemas/protocol.js";
import { createApp, restoreGames } from "./app.js";
import { log, loggerFromEnv, setLog } from "./log.js";
import { DEFAULT_CONNECTIONS_PER_ADDRESS } from "./ops/connections.js";
import { claimDataDir } from "./ops/datadir.js";
import { Health } from "./ops/health.js";
import { processName, setProcessName } from "./ops/identity.js";
import { LIMIT_KINDS, RATE_LIMIT_ENV, RateLimitSpecSchema, type RateLimits } from "./ops/rate-limit.js";
import { openStore, watchStore } from "./store/open.js";

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const Env = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(2567),
    RECONNECT_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(120),
    IDLE_GAME_HOURS: z.coerce
      .number()
      .min(0.01)
      .max(24 * 90)
      .default(IDLE_GAME_HOURS),
    DATA_DIR: z.string().min(1).default("./data"),
    REDIS_URL: optional(z.string().regex(/^rediss?:\/\//, "a redis:// or rediss:// URL")),
    PROCESS_ID: optional(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "letters, digits, '.', '_' or '-' (at most 64)")),
    PUBLIC_ADDRESS: optional(z.string().regex(/^[^\s/:]+(:\d+)?(\/[^\s]*)?$/, "host[:port][/path], without a scheme")),
    MONITOR_USER: z.string().min(1).default("admin"),
    MONITOR_PASSWORD: optional(z.string().min(12, "at least 12 characters")),
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(15),
    RATE_LIMIT_CREATE: optional(RateLimitSpecSchema),
    RATE_LIMIT_JOIN: optional(RateLimitSpecSchema),
    RATE_LIMIT_LOOKUP: optional(RateLimitSpecSchema),
    RATE_LIMIT_KEY: optional(RateLimitSpecSchema),
    RATE_LIMIT_TRIAL: optional(RateLimitSpecSchema),
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(0).max(1_000_000).default(DEFAULT_CONNECTIONS_PER_ADDRESS),
  })
  .refine((env) => !env.REDIS_URL || env.PROCESS_ID, { path: ["PROCESS_ID"], message: "required with REDIS_URL: a stable, unique name per process" });

const env = Env.safeParse(process.env);
if (!env.success) {
  for (const issue of env.error.issues) process.stderr.write(`${issue.path.join(".")}: ${issue.message}\n`);
  process.exit(2);
}
const config = env.data;
setProcessName(config.PROCESS_ID ?? hostname());
setLog(loggerFromEnv(process.env, config.REDIS_URL ? { process: processName() } : {}));

if (config.REDIS_URL) {
  // Each process of a cluster has its own data directory: refuse another process's.
  const claimed = claimDataDir(config.DATA_DIR, processName());
  if (!claimed.ok) {
    log.error(claimed.message, { dataDir: config.DATA_DIR });
    process.exit(2);
  }
  if (!config.PUBLIC_ADDRESS) log.warn("PUBLIC_ADDRESS is not set: clients joining through another process cannot reach this one's games");
}

const opened = openStore(config.DATA_DIR);
if (!opened.ok) {
  log.error(opened.message, { dataDir: config.DATA_DIR });
  process.exit(2);
}
const store = opened.store;
const unwatch = watchStore(store, {
  error: (message) => log.error(message, { dataDir: config.DATA_DIR }),
  info: (message) => log.warn(message, { dataDir: config.DATA_DIR }),
});
const health = new Health(Boolean(config.REDIS_URL));
const rateLimits: Partial<RateLimits> = {};
for (const kind of LIMIT_KINDS) {
  const set = config[RATE_LIMIT_ENV[kind] as `RATE_LIMIT_${Uppercase<typeof kind>}`];
  if (set !== undefined) rateLimits[kind] = set;
}
const app = createApp({
  rateLimits,
  trustProxy: config.TRUST_PROXY,
  connectionsPerAddress: config.MAX_CONNECTIONS_PER_ADDRESS,
  limits: { graceSeconds: config.RECONNECT_GRACE_SECONDS, idleSeconds: config.IDLE_GAME_HOURS * 3600 },
  store,
  health,
  cluster: { redisUrl: config.REDIS_URL, publicAddress: config.PUBLIC_ADDRESS },
  monitor: config.MONITOR_PASSWORD ? { user: config.MONITOR_USER, password: config.MONITOR_PASSWORD } : null,
});

// SIGTERM/SIGINT: Colyseus stops matchmaking (new rooms and joins get 503), every room closes
// its clients (CLOSE_CODES.SHUTDOWN, with the reason) and the process exits 0. Games are in
// the store at their last resolved quarter already; the store is closed last.
app.onBeforeShutdown(() => {
  health.stage = "stopping";
  log.info("shutting down", { timeoutSeconds: config.SHUTDOWN_TIMEOUT_SECONDS });
  setTimeout(() => {
    log.error("shutdown took too long: exiting", { timeoutSeconds: config.SHUTDOWN_TIMEOUT_SECONDS });
    process.exit(1);
  }, config.SHUTDOWN_TIMEOUT_SECONDS * 1000).unref();
});
app.onShutdown(() => {
  unwatch();
  store.close();
  log.info("stopped");
});

await app.listen(config.PORT);
const restored = await restoreGames(store, config.IDLE_GAME_HOURS * 3600);
if (restored.length > 0) log.info(`Restored ${restored.length} unfinished game(s): ${restored.join(", ")}`, { codes: restored });
health.stage = "ready";
if (config.REDIS_URL) log.info("cluster mode", { publicAddress: config.PUBLIC_ADDRESS ?? null, dataDir: config.DATA_DIR });
log.info(`Scale or Ship is running: http://localhost:${config.PORT}`);
