/** The alternating rounds of `engine-ab.ts` (bundled with both engines by it). */
import { loadavg } from "node:os";
import type { Action, GameState } from "../../shared/index.js";
import type { RunSpec } from "../../shared/sim/run.js";

/** What both checkouts export (the other may have no in-place path). */
interface Engine {
  DEFAULT_CONFIG: GameState["config"];
  createGame: (config: GameState["config"], seed: number, seats: { id: string; name: string }[]) => GameState;
  resolveQuarter: (state: GameState, actions: Record<string, Action>) => { state: GameState };
  resolveQuarterInPlace?: (state: GameState, actions: Record<string, Action>) => unknown;
  seedRng: (seed: string) => { a: number; b: number; c: number; d: number };
  nextFloat: (rng: { a: number; b: number; c: number; d: number }) => number;
}

const FIRMS = 6;
const GAMES_PER_ROUND = 300;
const seats = Array.from({ length: FIRMS }, (_, i) => ({ id: `f${i}`, name: `Firm ${i}` }));

export function compare(before: Engine, after: Engine, rounds: number): void {
  const rng = after.seedRng("bench");
  const templates = Array.from({ length: 4096 }, () => {
    const w = Array.from({ length: 10 }, () => after.nextFloat(rng));
    const total = w.reduce((a, b) => a + b, 0);
    return {
      spendShare: after.nextFloat(rng) * 0.6,
      weights: w.map((x) => x / total),
      hardware: after.nextFloat(rng) < 0.5 ? ("flexible" as const) : ("locked" as const),
    };
  });
  const actionFor = (state: GameState, i: number, k: number): Action => {
    const firm = state.firms[i] as GameState["firms"][number];
    const t = templates[k & 4095] as (typeof templates)[number];
    const budget = Math.max(0, firm.cash) * t.spendShare;
    const w = t.weights as number[];
    const part = (j: number) => budget * (w[j] as number);
    const apps = { support: part(4), industrial: part(5), medical: part(6), finance: part(7), driving: part(8), media: part(9) };
    const lockRunning = firm.hardware === "locked" && state.quarter + 1 <= firm.lockedUntil;
    const hardware = lockRunning ? "locked" : t.hardware;
    return {
      train: part(0),
      apps,
      efficiency: part(1),
      compliance: part(2),
      marketing: part(3),
      distill: false,
      openWeights: firm.openWeights,
      hardware,
      raise: 0,
    };
  };
  const contenders: { name: string; engine: Engine; inPlace: boolean }[] = [
    { name: "before, pure API", engine: before, inPlace: false },
    ...(before.resolveQuarterInPlace ? [{ name: "before, in place", engine: before, inPlace: true }] : []),
    { name: "after, pure API", engine: after, inPlace: false },
    { name: "after, in place", engine: after, inPlace: true },
  ];
  const play = (engine: Engine, inPlace: boolean): number => {
    let quarters = 0;
    let k = 0;
    const config = engine.DEFAULT_CONFIG;
    for (let g = 0; g < GAMES_PER_ROUND; g++) {
      let state = engine.createGame(config, g, seats);
      while (state.quarter < config.quarters) {
        const actions: Record<string, Action> = {};
        for (let i = 0; i < FIRMS; i++) if (!state.firms[i]?.delisted) actions[(state.firms[i] as { id: string }).id] = actionFor(state, i, k++);
        if (inPlace && engine.resolveQuarterInPlace) engine.resolveQuarterInPlace(state, actions);
        else state = engine.resolveQuarter(state, actions).state;
        quarters++;
      }
    }
    return quarters * FIRMS;
  };
  for (const c of contenders) play(c.engine, c.inPlace); // warm up the JIT
  const rates = contenders.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    const order = contenders.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) {
      const c = contenders[i] as (typeof contenders)[number];
      const cpu = process.cpuUsage();
      const firmQuarters = play(c.engine, c.inPlace);
      const used = process.cpuUsage(cpu);
      (rates[i] as number[]).push(firmQuarters / ((used.user + used.system) / 1e6));
    }
  }
  report(
    `engine before/after: ${rounds} alternating rounds of ${GAMES_PER_ROUND} games`,
    "firm-quarters",
    contenders.map((c) => c.name),
    rates,
  );
}

function median(list: readonly number[]): number {
  return [...list].sort((a, b) => a - b)[(list.length - 1) >> 1] as number;
}

function report(title: string, unit: string, names: readonly string[], rates: readonly number[][]): void {
  const figure = (x: number) => Math.round(x).toLocaleString("en-US");
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");
  console.log(`${title}, load average ${load}`);
  const baseline = rates[0] as number[];
  names.forEach((name, i) => {
    const list = rates[i] as number[];
    const ratio = median(list.map((x, r) => x / (baseline[r] as number)));
    console.log(
      `  ${name.padEnd(17)} ${figure(median(list))} ${unit} per CPU second (median; best round ${figure(Math.max(...list))}); × ${ratio.toFixed(2)} of before`,
    );
  });
}

/** What both checkouts' simulators export. */
interface Simulator {
  DEFAULT_CONFIG: GameState["config"];
  gameSeed: (base: string, index: number) => string;
  runGame: (spec: RunSpec) => unknown;
}

const GAMES_LINEUP: RunSpec["lineup"] = [{ bot: "scaler" }, { bot: "builder" }, { bot: "balanced" }, { bot: "pivot" }, { bot: "open" }];
const SIM_GAMES_PER_ROUND = 100;

/** The simulator's games (`runGame`, what the exploit search plays), before and after, alternating. */
export function compareGames(before: Simulator, after: Simulator, rounds: number): void {
  const sims = [before, after];
  const specs = sims.map((sim) =>
    Array.from(
      { length: SIM_GAMES_PER_ROUND },
      (_, i): RunSpec => ({ run: i, seed: sim.gameSeed("ab", i), variant: "base", config: sim.DEFAULT_CONFIG, lineup: GAMES_LINEUP }),
    ),
  );
  const play = (k: number) => {
    for (const spec of specs[k] as RunSpec[]) (sims[k] as Simulator).runGame(spec);
  };
  play(0);
  play(1);
  const rates: number[][] = [[], []];
  for (let r = 0; r < rounds; r++) {
    for (const k of r % 2 ? [1, 0] : [0, 1]) {
      const cpu = process.cpuUsage();
      play(k);
      const used = process.cpuUsage(cpu);
      (rates[k] as number[]).push(SIM_GAMES_PER_ROUND / ((used.user + used.system) / 1e6));
    }
  }
  report(
    `simulator before/after (runGame, 5 bots × 16 quarters): ${rounds} alternating rounds of ${SIM_GAMES_PER_ROUND} games`,
    "games",
    ["before", "after"],
    rates,
  );
}
