/**
 * `npm run dev`: the game server (restarted on change by tsx watch) and Vite's dev server
 * with hot reload, which proxies the game's HTTP and WebSocket traffic to it. Open the URL
 * Vite prints.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { createServer } from "vite";

const root = path.resolve(import.meta.dirname, "..");
const game = spawn(process.execPath, ["--import", "tsx", "--watch", "server/main.ts"], { cwd: root, stdio: "inherit", env: process.env });
const vite = await createServer({ configFile: path.join(root, "vite.config.ts") });
await vite.listen();
vite.printUrls();

const stop = () => {
  game.kill("SIGTERM");
  void vite.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
game.on("exit", (code) => {
  if (code !== null && code !== 0) console.error(`game server exited with code ${code}`);
});
