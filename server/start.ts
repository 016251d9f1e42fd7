/**
 * `npm start`: builds the client if it has not been built, then starts the game server.
 * One command on a fresh clone, no other service needed.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { DEFAULT_CLIENT_DIR } from "./app.js";

if (!existsSync(path.join(DEFAULT_CLIENT_DIR, "index.html"))) {
  console.log("Building the client (first start)…");
  const { build } = await import("vite");
  await build({ configFile: path.resolve(import.meta.dirname, "../vite.config.ts"), logLevel: "warn" });
}
await import("./main.js");
