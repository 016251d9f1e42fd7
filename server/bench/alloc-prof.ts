/**
 * `npx tsx server/bench/alloc-prof.ts [rooms] [quarters] [top] [--promoted]`: where a room-quarter's
 * allocations go. Plays `rooms` benchmark rooms in-process (inproc-room.ts) after a warm-up,
 * under V8's sampling heap profiler with collected objects included (so it counts what is
 * allocated, not what stays), and prints the bytes allocated per room-quarter by the function
 * that allocated them and by its caller chain within the project, biggest first.
 * `--promoted`: the rooms live together and play their quarters in turn, as a server's do
 * (quarters 5 to `quarters` of 40-quarter games, measured), and only what outlives a scavenge is
 * counted (what is promoted to the old generation: what a room keeps and what it keeps for a
 * while and then drops, the costly garbage), by the same sites.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { Session } from "node:inspector";
import { tmpdir } from "node:os";
import path from "node:path";
import { GameStore } from "../store/games.js";
import { openRoom, playRoom } from "./inproc-room.js";

const args = process.argv.slice(2);
const promoted = args.includes("--promoted");
const [rooms = promoted ? 300 : 60, quarters = promoted ? 12 : 24, top = 40] = args.filter((a) => !a.startsWith("--")).map(Number);

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

const session = new Session();
session.connect();
const post = <T>(method: string, params?: object) =>
  new Promise<T>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));

const dir = mkdtempSync(path.join(tmpdir(), "sos-alloc-"));
const store = new GameStore(path.join(dir, "games.sqlite"));
for (let r = 0; r < 10; r++) playRoom(-1 - r, store, quarters); // warm-up: the code is optimised
let roomQuarters = 0;
if (promoted) {
  const open = Array.from({ length: rooms }, (_, r) => openRoom(r, store, 40));
  const turn = () => open.reduce((played, room) => played + (room.playQuarter() ? 1 : 0), 0);
  for (let q = 0; q < 4; q++) turn();
  await post("HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: false });
  for (let q = 4; q < quarters; q++) roomQuarters += turn();
} else {
  await post("HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let r = 0; r < rooms; r++) roomQuarters += playRoom(r, store, quarters).resolved;
}
const { profile } = await post<{ profile: { head: ProfileNode } }>("HeapProfiler.stopSampling");

const where = (node: ProfileNode) => {
  const url = node.callFrame.url.replace(/.*node_modules\//, "").replace(/.*\/(server|shared)\//, "$1/");
  return `${node.callFrame.functionName || "(anonymous)"} ${url}`;
};
const own = (node: ProfileNode) => /(^|\/)(server|shared)\//.test(node.callFrame.url.replace(/.*node_modules\/.*/, ""));
const self = new Map<string, number>();
const chain = new Map<string, number>();
let total = 0;
function walk(node: ProfileNode, trail: string[]): void {
  const here = where(node);
  const inProject = own(node) ? [...trail, here.split(" ")[0] as string] : trail;
  if (node.selfSize > 0) {
    total += node.selfSize;
    self.set(here, (self.get(here) ?? 0) + node.selfSize);
    const key = `${inProject.slice(-3).join(" < ")}  [${here}]`;
    chain.set(key, (chain.get(key) ?? 0) + node.selfSize);
  }
  for (const child of node.children) walk(child, inProject);
}
walk(profile.head, []);
const kb = (bytes: number) => (bytes / 1024 / roomQuarters).toFixed(2).padStart(7);
console.log(
  promoted
    ? `${(total / 1024 / roomQuarters).toFixed(1)} KB per room-quarter outlived a scavenge (${rooms} rooms in turn, quarters 5–${quarters} of 40)`
    : `${(total / 1024 / roomQuarters).toFixed(1)} KB allocated per room-quarter (${rooms} rooms × ${quarters} quarters, joins and start included)`,
);
console.log("by allocating function:");
for (const [key, bytes] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${kb(bytes)} KB  ${key}`);
console.log("by project call chain (innermost last) and allocating function:");
for (const [key, bytes] of [...chain].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${kb(bytes)} KB  ${key}`);
store.close();
rmSync(dir, { recursive: true, force: true });
