/**
 * `npx tsx server/bench/ticks.ts [rooms] [seconds] [repeats]`: what a market room costs the
 * server while nothing happens in it, per room and second: its patch ticks (20 a second) and
 * its clock, which every room pays whatever its players do (at the bench's pace, a quarter
 * every ~9 s: ~180 ticks per room-quarter). Boots the game server in this process (no
 * store), opens `rooms` lobbies of one SDK client each, lets them settle, then reports the
 * process CPU (user + system) per room-second over `seconds`, `repeats` times. The clients
 * receive nothing while the rooms are idle, so the figure is the server's.
 */
import { boot } from "@colyseus/testing";
import { createApp } from "../app.js";
import { freePort } from "./load/launch.js";

const [rooms = 400, seconds = 5, repeats = 3] = process.argv.slice(2).map(Number);

const app = createApp({ limits: { graceSeconds: 1 }, rateLimits: { create: null, join: null, lookup: null, key: null } });
const colyseus = await boot(app, await freePort()); // not the test servers' fixed port
const joined = [];
for (let i = 0; i < rooms; i++) joined.push(await colyseus.sdk.create("market", { name: `p${i}`, settings: { name: `idle ${i}` } }));
await new Promise((resolve) => setTimeout(resolve, 2000));

const samples: number[] = [];
for (let r = 0; r < repeats; r++) {
  const before = process.cpuUsage();
  const start = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const used = process.cpuUsage(before);
  const wall = (performance.now() - start) / 1000;
  samples.push((used.user + used.system) / (rooms * wall));
}
samples.sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)] ?? 0;
console.log(
  `idle market rooms: ${median.toFixed(2)} µs CPU per room-second (median of ${repeats} × ${seconds} s, ${rooms} rooms; min ${samples[0]?.toFixed(2)}, max ${samples.at(-1)?.toFixed(2)}); ≈ ${((median * 9) / 1000).toFixed(3)} ms per room over a 9 s bench quarter`,
);
await Promise.all(joined.map((room) => room.leave()));
await colyseus.shutdown();
process.exit(0);
