import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { nextFloat, seedRng } from "../../../shared/rng.js";
import type { ActionInput } from "../../../shared/schemas/action.js";
import type { RejectedMessage, RoomSettingsInput, ServerMessages } from "../../../shared/schemas/protocol.js";
import { replay } from "../../../shared/sim/record.js";
import { reportRows } from "../../../shared/synced.js";
import type { MarketRoomState } from "../../rooms/state.js";
import { GameStore } from "../../store/games.js";
import { freePort } from "../load/launch.js";
import { ServerProcess } from "./server.js";

export interface ChaosOptions {
  /** Games played at once (even: friends games, whose host plays; odd: class markets run by a facilitator). */
  games: number;
  /** Quarters per game. */
  quarters: number;
  /** SIGKILLs of the server, each followed by a restart. */
  kills: number;
  /** Disk-full episodes (the server's writes fail until the episode ends). */
  diskFaults: number;
  /** Seeds the games and the moments of the kills and faults. */
  seed: string;
  /** The server's port (default: a free one). */
  port?: number;
  /** Where the server keeps its games (default: a fresh temporary folder). */
  dataDir?: string;
  /** A file that gets every line the server prints (default: none). */
  serverLog?: string;
  /** Progress lines (default: none). */
  say?: (line: string) => void;
  /** Longest wait for any one thing (a start, a rejoin, a game's end), ms. */
  timeoutMs?: number;
}

export interface ChaosResult {
  games: number;
  /** Games that reached "over". */
  ended: number;
  kills: number;
  diskFaults: number;
  /** Rooms that paused because a write failed during the disk-full episodes. */
  pausedRooms: number;
  /** Quarters players had seen resolved that a restart did not bring back. */
  quartersLost: number;
  /** Player rejoins refused, or given another player's or firm's seat. */
  seatProblems: string[];
  /** Games whose final state differs from the engine's replay of their stored record. */
  replayMismatches: string[];
  /** Quarters each game came back at after each kill ("code@quarter"). */
  restored: string[];
  seconds: number;
}

type MarketRoom = Room<unknown, MarketRoomState>;

/** The server's grace period: far longer than a restart and the rejoins take, so no stand-in bot ever plays for a player here. */
const GRACE_SECONDS = 300;

/** A settled promise, and its resolve: a one-time event. */
function signal<T = void>(): { promise: Promise<T>; fire(value: T): void } {
  let fire!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    fire = resolve;
  });
  return { promise, fire };
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A player's action for a quarter: small, legal for any firm's cash, different by player and quarter. */
const ACTIONS: ActionInput[] = [
  { train: 2, apps: { support: 1 } },
  { efficiency: 1, marketing: 1 },
  { train: 1, marketing: 2 },
  { compliance: 1, apps: { media: 1 } },
  {},
];

/** One SDK connection that keeps its seat (or console) through kills: it rejoins with its token (key). */
class Seat {
  room: MarketRoom | null = null;
  playerId = "";
  firmId: string | null = null;
  token = "";
  key = "";
  /** The quarter this connection last submitted for (-1: none since it joined). */
  private submitted = -1;
  /** Firm histories (valuations) and standings as this player saw them at game over. */
  final: { valuations: number[][]; seenEnd: boolean } | null = null;
  /** The room's state when this connection last had one (it stays readable after the server goes). */
  private lastState: MarketRoomState | null = null;
  left = signal();

  constructor(
    readonly game: Game,
    readonly name: string,
    readonly facilitator: boolean,
    private readonly index: number,
  ) {}

  /** Takes the room a create or join gave: waits for its welcome (its console), and plays from then on. */
  async enter(joining: Promise<Room>, timeoutMs: number): Promise<void> {
    const room = (await joining) as MarketRoom;
    room.reconnection.enabled = false;
    const welcomed = signal<ServerMessages["welcome"] | null>();
    const consoled = signal<ServerMessages["console"]>();
    this.left = signal();
    room.onMessage("welcome", (w: ServerMessages["welcome"]) => welcomed.fire(w));
    room.onMessage("console", (c: ServerMessages["console"]) => consoled.fire(c));
    room.onMessage("rejected", (r: RejectedMessage) => {
      // An action the firm cannot afford this quarter: it does nothing instead.
      if (r.type === "submit" && r.code === "ILLEGAL_ACTION") room.send("submit", { action: {} });
    });
    room.onMessage("*", () => {});
    room.onLeave(() => {
      if (this.room === room) this.room = null;
      this.left.fire();
    });
    if (this.facilitator) {
      const console = await within(consoled.promise, timeoutMs, `${this.name}'s console`);
      if (console.key) this.key = console.key;
    } else {
      const welcome = await within(welcomed.promise, timeoutMs, `${this.name}'s welcome`);
      if (this.playerId && (welcome?.playerId !== this.playerId || welcome.firmId !== this.firmId)) {
        this.game.run.seatProblems.push(
          `${this.game.code}: ${this.name} came back as ${welcome?.playerId}/${welcome?.firmId}, not ${this.playerId}/${this.firmId}`,
        );
      }
      this.playerId = welcome?.playerId ?? "";
      this.firmId = welcome?.firmId ?? null;
      this.token = welcome?.token ?? this.token;
    }
    this.room = room;
    this.submitted = -1;
    room.onStateChange(() => this.watch(room));
    this.watch(room);
  }

  /** Comes back after a restart: with the seat token, or the facilitator key. */
  async rejoin(sdk: Client, timeoutMs: number): Promise<void> {
    if (this.final) return;
    const options = this.facilitator ? { facilitatorKey: this.key } : { name: this.name, token: this.token };
    try {
      await this.enter(sdk.joinById(this.game.code, options), timeoutMs);
    } catch (error) {
      this.game.run.seatProblems.push(`${this.game.code}: ${this.name} could not rejoin: ${(error as Error).message}`);
    }
  }

  /** Keeps what this player saw of the firms as its last view: at the end (`seenEnd`), or when its game ended unseen. */
  finish(seenEnd: boolean): void {
    const state = this.room?.state ?? this.lastState;
    if (this.final || !state) return;
    this.final = { valuations: [...state.firms].map((firm) => reportRows(firm).map((row) => row.valuation)), seenEnd };
    this.game.seatOver();
  }

  private watch(room: MarketRoom): void {
    const state = room.state;
    if (!state?.phase) return;
    this.lastState = state;
    if (state.phase !== "lobby") this.game.started.fire();
    this.game.saw(state.quarter);
    if (state.phase === "over") {
      this.finish(true);
      return;
    }
    if (this.facilitator || state.phase !== "decide" || this.submitted === state.quarter) return;
    // While the server restarts and everyone rejoins, no one plays: the kills fall where the seed puts them.
    if (this.game.run.holding) {
      this.game.run.afterHold(() => {
        if (this.room === room) this.watch(room);
      });
      return;
    }
    this.submitted = state.quarter;
    room.send("submit", { action: ACTIONS[(state.quarter + this.index) % ACTIONS.length] });
    this.game.run.submitted();
  }
}

/** One game and its seats. */
class Game {
  code = "";
  readonly seats: Seat[];
  /** The most quarters any of its players has seen resolved. */
  seen = 0;
  readonly over = signal();
  /** Its players have seen it leave the lobby (a game still in its lobby comes back as a lobby). */
  readonly started = signal();

  constructor(
    readonly run: Run,
    readonly index: number,
    readonly settings: RoomSettingsInput,
  ) {
    const names = ["Ada", "Bo", "Cy"];
    this.seats = this.hostPlays
      ? names.slice(0, 2).map((name, i) => new Seat(this, `${name} ${index}`, false, i))
      : [new Seat(this, `Facilitator ${index}`, true, 0), ...names.slice(0, 2).map((name, i) => new Seat(this, `${name} ${index}`, false, i + 1))];
  }

  get hostPlays(): boolean {
    return this.index % 2 === 0;
  }

  get players(): Seat[] {
    return this.seats.filter((s) => !s.facilitator);
  }

  saw(quarter: number): void {
    this.seen = Math.max(this.seen, quarter);
  }

  /** A seat saw the end. The game is over once every player has (a class game's facilitator seat sees it too, but does not count). */
  seatOver(): void {
    if (this.ended) this.over.fire();
  }

  get ended(): boolean {
    return this.players.every((p) => p.final !== null);
  }

  async setUp(sdk: Client, timeoutMs: number): Promise<void> {
    const [first, ...rest] = this.seats as [Seat, ...Seat[]];
    const created = this.hostPlays
      ? sdk.create("market", { name: first.name, settings: this.settings })
      : sdk.create("market", { facilitator: true, settings: this.settings });
    const room = await created;
    this.code = room.roomId;
    await first.enter(Promise.resolve(room), timeoutMs);
    for (const seat of rest) await seat.enter(sdk.joinById(this.code, { name: seat.name }), timeoutMs);
  }

  start(): void {
    this.seats[0]?.room?.send("start");
  }
}

/** The whole run: its server, games, and the counter that times the kills and faults. */
class Run {
  readonly seatProblems: string[] = [];
  private submissions = 0;
  private readonly waiting: { at: number; fire(): void }[] = [];

  submitted(): void {
    this.submissions += 1;
    for (const w of this.waiting.filter((w) => w.at <= this.submissions)) {
      this.waiting.splice(this.waiting.indexOf(w), 1);
      w.fire();
    }
  }

  /** Players make no move until `release` (set while the server restarts and they rejoin). */
  holding = false;
  private readonly held: (() => void)[] = [];

  afterHold(move: () => void): void {
    this.held.push(move);
  }

  release(): void {
    this.holding = false;
    for (const move of this.held.splice(0)) move();
  }

  /** Submissions made so far, by every player of every game. */
  get count(): number {
    return this.submissions;
  }

  /** Resolves once `count` submissions have been made in all (the moment of a kill or a fault). */
  after(count: number): Promise<void> {
    if (this.submissions >= count) return Promise.resolve();
    const done = signal();
    this.waiting.push({ at: count, fire: () => done.fire() });
    return done.promise;
  }
}

/**
 * Plays `games` games with SDK players (and the games' own bots) against a real server
 * process, SIGKILLs and restarts it `kills` times and starves its writes `diskFaults` times,
 * at seeded moments (counted in submissions, so a busy machine changes nothing but the pace),
 * then checks every game: it ended, its final state is the engine's replay of its stored
 * record, no seat was lost or taken, no quarter its players saw was lost.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const began = Date.now();
  const say = options.say ?? (() => {});
  const timeoutMs = options.timeoutMs ?? 60_000;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "sos-chaos-"));
  const rng = seedRng(`chaos/${options.seed}`);
  ServerProcess.logTo = options.serverLog ?? null;
  const run = new Run();
  const port = options.port ?? (await freePort());
  const sdk = new Client(`ws://127.0.0.1:${port}`);
  const bots = ["pivot", "builder", "scaler", "balanced"] as const;
  const games = Array.from(
    { length: options.games },
    (_, i) =>
      new Game(run, i, {
        firms: 4,
        quarters: options.quarters,
        bots: [bots[i % bots.length] as (typeof bots)[number]],
        seed: `${options.seed}-${i}`,
        newsSeconds: 0,
        reportSeconds: 0,
        decisionSeconds: 120,
      }),
  );
  const result: ChaosResult = {
    games: options.games,
    ended: 0,
    kills: 0,
    diskFaults: 0,
    pausedRooms: 0,
    quartersLost: 0,
    seatProblems: run.seatProblems,
    replayMismatches: [],
    restored: [],
    seconds: 0,
  };

  /** Games a restart did not bring back, with the quarters their players had seen. */
  const unrestored = new Map<string, number>();
  let server = await ServerProcess.start(port, dataDir, GRACE_SECONDS, timeoutMs);
  try {
    say(`server up (pid ${server.pid}, data in ${dataDir}); setting up ${options.games} games`);
    for (const game of games) await game.setUp(sdk, timeoutMs);
    for (const game of games) game.start();
    await within(Promise.all(games.map((g) => g.started.promise)), timeoutMs, "every game to start");

    // The moments, in submissions since the previous kill or fault ended: seeded gaps that add
    // up to a seventh of the least a run makes (the games run on between reaching a moment and
    // the kill, and replay the quarter a kill cut short), so most kills fall while games are in
    // play, spread over them; a moment that comes after every game has ended is skipped. The
    // disk-full episodes fall at seeded places among the first half of the kills.
    const budget = options.games * 2 * options.quarters * 0.15;
    const kinds: ("kill" | "fault")[] = Array.from({ length: options.kills }, () => "kill");
    // In the first half: near the end, the games may all be over before a late moment comes.
    for (let i = 0; i < options.diskFaults; i++) kinds.splice(Math.floor(nextFloat(rng) * (Math.floor(kinds.length / 2) + 1)), 0, "fault");
    const weights = kinds.map(() => 0.2 + nextFloat(rng));
    const total = weights.reduce((sum, w) => sum + w, 0);
    const events = kinds.map((kind, i) => ({
      kind,
      gap: Math.max(1, Math.round(((weights[i] ?? 1) / total) * budget)),
      delayMs: Math.floor(nextFloat(rng) * 40),
    }));

    // Every game over, as its players saw it (or ended unseen, or lost in a restart): no more moments come.
    const allOver = Promise.all(games.map((g) => g.over.promise));
    for (const event of events) {
      const at = run.count + event.gap;
      await within(Promise.race([run.after(at), allOver]), timeoutMs * 4, `submission ${at}`);
      if (games.every((g) => g.ended)) break;
      if (event.kind === "fault") {
        const paused = await diskFault(server, run, timeoutMs);
        result.diskFaults += 1;
        result.pausedRooms += paused;
        say(`disk-full episode ${result.diskFaults}: ${paused} room(s) paused and carried on`);
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, event.delayMs));
      const seenAtKill = new Map(games.map((g) => [g.code, g.seen]));
      const endedAtKill = new Set(games.filter((g) => g.ended).map((g) => g.code));
      run.holding = true;
      await server.kill();
      result.kills += 1;
      const restored = new Map<string, number>();
      server = await ServerProcess.start(port, dataDir, GRACE_SECONDS, timeoutMs, (line) => {
        if (line.msg === "game restored" && line.code) restored.set(line.code, line.quarter ?? 0);
      });
      for (const game of games) {
        if (endedAtKill.has(game.code)) continue;
        const back = restored.get(game.code);
        if (back === undefined) {
          // Not brought back: it ended in the store just before the kill, before its players saw
          // the end (the replay check below says whether it was stored whole), or it was lost.
          for (const seat of game.players) seat.finish(false);
          unrestored.set(game.code, seenAtKill.get(game.code) ?? 0);
          continue;
        }
        result.restored.push(`${game.code}@${back}`);
        result.quartersLost += Math.max(0, (seenAtKill.get(game.code) ?? 0) - back);
      }
      say(`kill ${result.kills}: restarted; games back at ${[...restored].map(([c, q]) => `${c}@${q}`).join(", ") || "(none)"}`);
      await Promise.all(
        games.flatMap((g) =>
          g.seats.map(async (seat) => {
            if (seat.final) return;
            await within(seat.left.promise, timeoutMs, `${seat.name} to see the server go`);
            if (restored.has(g.code)) await seat.rejoin(sdk, timeoutMs);
          }),
        ),
      );
      run.release();
    }

    await within(allOver, timeoutMs * 4, "every game to end").catch((error: Error) => say(error.message));
    result.ended = games.filter((g) => g.ended).length;
    for (const game of games) for (const seat of game.seats) await seat.room?.leave().catch(() => {});
  } finally {
    await server.stop();
  }

  // Every game, as stored, replayed by the engine: what its players saw at the end.
  const store = new GameStore(path.join(dataDir, "games.sqlite"));
  try {
    for (const game of games) {
      // A game a restart did not bring back must have been over in the store; else what its players saw is lost.
      const stored = store.load(game.code);
      if (unrestored.has(game.code) && stored?.status !== "over") {
        result.quartersLost += Math.max(0, (unrestored.get(game.code) ?? 0) - (stored?.record.quarters.length ?? 0));
      }
      const problem = replayProblem(store, game, options.quarters);
      if (problem) result.replayMismatches.push(`${game.code}: ${problem}`);
    }
  } finally {
    store.close();
  }
  result.seconds = Math.round((Date.now() - began) / 100) / 10;
  return result;
}

/**
 * One disk-full episode: the server may write no more than 4 KB per file until a write fails
 * (a room pauses), then the limit is lifted and every paused room must carry on. Returns how
 * many rooms paused.
 */
async function diskFault(server: ServerProcess, run: Run, timeoutMs: number): Promise<number> {
  const failed = new Set<string>();
  const recovered = new Set<string>();
  const off = server.onLog((line) => {
    if (!line.code) return;
    if (line.msg.startsWith("store write failed")) failed.add(line.code);
    if (line.msg.startsWith("store writes succeed again")) recovered.add(line.code);
  });
  try {
    server.limitFileSize(4096);
    await server.next((line) => line.msg.startsWith("store write failed"), timeoutMs, "a store write to fail");
    // The other rooms would race on meanwhile: players hold until every paused room carries on.
    run.holding = true;
    server.limitFileSize(null);
    await within(
      new Promise<void>((resolve) => {
        const check = () => [...failed].every((code) => recovered.has(code));
        if (check()) return resolve();
        const stop = server.onLog(() => {
          if (!check()) return;
          stop();
          resolve();
        });
      }),
      timeoutMs,
      "every paused room to save again",
    );
    return failed.size;
  } finally {
    off();
    run.release();
  }
}

/** Why a game's stored record and what its players saw at the end disagree; null when they agree. */
function replayProblem(store: GameStore, game: Game, quarters: number): string | null {
  const saved = store.load(game.code);
  if (!saved) return "not in the store";
  if (saved.status !== "over") return `stored as ${saved.status}`;
  if (saved.record.quarters.length !== quarters) return `${saved.record.quarters.length} quarters stored, not ${quarters}`;
  const { reports, states } = replay(saved.record);
  const last = states[states.length - 1];
  for (const seat of game.players) {
    const final = seat.final;
    if (!final) return `${seat.name} did not see the end`;
    for (const [i, seen] of final.valuations.entries()) {
      // The first row is the firm before any quarter; a player who did not see the end saw a prefix. The state carries float32.
      const replayed = reports.map((r) => Math.fround(r.firms[i]?.valuation ?? Number.NaN)).slice(0, final.seenEnd ? undefined : seen.length - 1);
      if (JSON.stringify(seen.slice(1)) !== JSON.stringify(replayed))
        return `${seat.name} saw firm ${i + 1}'s valuations ${seen.slice(1)}, the replay has ${replayed}`;
    }
    const owner = saved.players.find((p) => p.id === seat.playerId);
    if (!owner || owner.firmId !== seat.firmId || owner.name !== seat.name) return `${seat.name}'s seat is held by ${owner?.name}/${owner?.firmId}`;
  }
  if (saved.players.length !== game.players.length) return `${saved.players.length} players stored, not ${game.players.length}`;
  if (!last || last.quarter !== quarters) return `the replay ends at quarter ${last?.quarter}`;
  return null;
}
