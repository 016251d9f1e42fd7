/**
 * A client worker thread: opens its share of the rooms with `@colyseus/sdk`, plays them, and
 * measures. Clients run in threads so that one event loop's delay does not become the
 * latency the bench reports; each thread reports its own loop delay.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parentPort } from "node:worker_threads";
import { Client, type Room } from "@colyseus/sdk";
import type { CreateOptions } from "../../../shared/schemas/protocol.js";
import type { SetupResult, WorkerCommand, WorkerPlan, WorkerReply, WorkerWindow } from "./fleet-types.js";
import { BenchPlayer, type BenchState } from "./player.js";
import { addUp, concat } from "./stats.js";

interface OpenRoom {
  host: BenchPlayer;
  players: BenchPlayer[];
}

// `welcome` can arrive before a player's handlers are attached (the SDK resolves `create` first); the
// bench does not need it, and 1,000s of warnings about it would bury the report.
const warn = console.warn;
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === "string" && /not registered for type '(welcome|console)'/.test(args[0])) return;
  warn(...args);
};

const rooms: OpenRoom[] = [];
let startSpreadMs = 0;
const loop = monitorEventLoopDelay({ resolution: 5 });
const clients = new Map<string, Client>();
const clientFor = (endpoint: string) => {
  let client = clients.get(endpoint);
  if (!client) {
    client = new Client(endpoint);
    clients.set(endpoint, client);
  }
  return client;
};

async function withRetry<T>(attempt: () => Promise<T>, tries = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= tries) throw error;
      await new Promise((r) => setTimeout(r, 200 * i));
    }
  }
}

async function openRoom(plan: WorkerPlan, index: number, endpoint: string, joinEndpoint: string): Promise<OpenRoom> {
  const client = clientFor(endpoint);
  const joiner = clientFor(joinEndpoint);
  const options: CreateOptions = { name: "p1", settings: { ...plan.settings, name: `bench ${index}` } };
  const hostRoom = await withRetry(() => client.create<BenchState>("market", options));
  const others = await Promise.all(
    Array.from({ length: plan.playersPerRoom - 1 }, (_, i) => withRetry(() => joiner.joinById<BenchState>(hostRoom.roomId, { name: `p${i + 2}` }))),
  );
  const players = [hostRoom, ...others].map((room) => new BenchPlayer(room as Room<unknown, BenchState>, plan.thinkMs));
  return { host: players[0] as BenchPlayer, players };
}

async function setup(plan: WorkerPlan): Promise<SetupResult> {
  startSpreadMs = plan.startSpreadMs;
  const queue = [...plan.rooms];
  let failedRooms = 0;
  let firstError: string | null = null;
  const runner = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        rooms.push(await openRoom(plan, next.index, next.endpoint, next.joinEndpoint));
      } catch (error) {
        failedRooms++;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, runner));
  return { rooms: rooms.length, clients: rooms.length * plan.playersPerRoom, failedRooms, firstError };
}

function end(): WorkerWindow {
  loop.disable();
  const players = rooms.flatMap((r) => r.players);
  const samples = players.map((p) => p.end());
  // Per room and quarter, the least wait from a player's last acknowledgement to the result: the last submitter's.
  const lastAckToResult: number[] = [];
  for (let r = 0, at = 0; r < rooms.length; at += (rooms[r] as OpenRoom).players.length, r++) {
    const least = new Map<number, number>();
    for (const s of samples.slice(at, at + (rooms[r] as OpenRoom).players.length))
      for (const [quarter, ms] of Object.entries(s.ackToResult)) least.set(Number(quarter), Math.min(least.get(Number(quarter)) ?? ms, ms));
    lastAckToResult.push(...least.values());
  }
  const sum = (f: (s: (typeof samples)[number]) => number) => samples.reduce((n, s) => n + f(s), 0);
  return {
    acks: concat(samples.map((s) => s.acks)),
    ackSentAt: concat(samples.map((s) => s.ackSentAt)),
    resolveToPatch: concat(samples.map((s) => s.resolveToPatch)),
    lastAckToResult: Float64Array.from(lastAckToResult),
    quarters: sum((s) => s.quarters),
    bytes: addUp(samples.map((s) => s.bytes)),
    rejected: sum((s) => s.rejected),
    unanswered: sum((s) => s.unanswered),
    drops: players.reduce((n, p) => n + p.drops, 0),
    roomsOver: rooms.filter((r) => r.host.over).length,
    loop: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
  };
}

async function close(): Promise<void> {
  const players = rooms.flatMap((r) => r.players);
  for (const p of players) p.stop();
  // Leaving with consent frees the seats at once; a cap keeps a stuck server from hanging the bench.
  await Promise.race([Promise.allSettled(players.map((p) => p.room.leave(true))), new Promise((r) => setTimeout(r, 5000))]);
  rooms.length = 0;
}

async function run(command: WorkerCommand): Promise<unknown> {
  switch (command.cmd) {
    case "setup":
      return setup(command.plan);
    case "start":
      for (const room of rooms) setTimeout(() => room.host.room.send("start"), Math.random() * startSpreadMs);
      return null;
    case "begin":
      for (const room of rooms) for (const p of room.players) p.begin();
      loop.reset();
      loop.enable();
      return null;
    case "end":
      return end();
    case "close":
      return close();
  }
}

parentPort?.on("message", (command: WorkerCommand) => {
  run(command).then(
    (result) => parentPort?.postMessage({ id: command.id, ok: true, result } satisfies WorkerReply),
    (error: unknown) => parentPort?.postMessage({ id: command.id, ok: false, error: String((error as Error)?.stack ?? error) } satisfies WorkerReply),
  );
});
