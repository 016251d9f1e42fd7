/**
 * An example bot for Scale or Ship: joins a game by its code and plays its firm to the end.
 * It uses only @colyseus/sdk and Node, as a client outside this repository would; the
 * protocol is described in docs/protocol.md and the JSON Schemas next to this file.
 *
 *   npx tsx docs/protocol/example-bot.ts ws://localhost:2567 K7MXQA [name]
 *
 * Exits 0 when the game is over (after printing its rank), 1 when it cannot join or is
 * disconnected for good.
 */
import { Client, type Room } from "@colyseus/sdk";

// ---- what the bot reads ---------------------------------------------------------------------

/** The synced state's fields this bot uses (the SDK decodes the state without our classes). */
interface GameState {
  phase: "lobby" | "news" | "decide" | "report" | "over";
  /** Quarters resolved so far; while deciding, firms act for quarter + 1. */
  quarter: number;
  /** Server time (ms) at which the phase ends; 0 when untimed. */
  deadline: number;
  market: { bubbleRatio: number };
  firms: Iterable<{ id: string; name: string; delisted: boolean }>;
  standings: Iterable<{ rank: number; firmId: string; name: string; score: number }> & { length: number };
}

interface Action {
  train?: number;
  apps?: Record<string, number>;
  efficiency?: number;
  compliance?: number;
  marketing?: number;
  raise?: number;
}

interface Welcome {
  firmId: string | null;
  token: string;
  serverTime: number;
}

/** `private`: our own firm in full, after the game starts and after every quarter (the fields this bot reads). */
interface Private {
  quarter: number;
  firm: { id: string; name: string; cash: number; capability: number; delisted: boolean };
  market: { sectorRegulated: boolean[] };
}

/**
 * `private` on the wire, a list: [quarter, full, firm, firmHistory, limits, market, marketHistory,
 * pending, submittedBy, columns (whole only)]. Whole (`full`, with the field names in `columns`)
 * first, then only the fields that changed, as `[column, value, …]` pairs (and new history rows,
 * not read here).
 */
type PrivateMessage = [
  quarter: number,
  full: boolean,
  firm: unknown[],
  firmHistory: unknown[][],
  limits: [number, number],
  market: unknown[],
  marketHistory: unknown[][],
  pending: unknown[] | null,
  submittedBy: string | null,
  columns?: { firm: string[]; market: string[]; action: string[]; sector: string[] },
];

interface Rejected {
  type: string;
  code: string;
  message: string;
  engineCode?: string;
}

/** `accepted`: the action as its values in the order of `columns.action`, `apps` as `[sector, amount, …]` pairs. */
interface Accepted {
  quarter: number;
  action: unknown[];
  by: string;
}

// ---- the strategy -----------------------------------------------------------------------------

/** Sectors in the order of the engine's per-sector arrays (`market.sectorTam` etc.). */
const SECTORS = ["support", "industrial", "medical", "finance", "driving", "media"];
/** Capability a sector needs for a full fit (docs/model.md, "Sectors"); media is left out: it serves at a loss. */
const NEED: Record<string, number> = { support: 30, industrial: 48, medical: 66, finance: 50, driving: 72 };
/** Share of cash kept in the bank every quarter: spending is an investment that pays back over several quarters. */
const RESERVE = 0.7;
/** From this bubble ratio on, the market rewards training more than shipping. */
const HOT_MARKET = 1.5;

const down = (x: number) => Math.floor(x * 10) / 10; // $0.1M steps, rounded down so the sum stays within cash

/**
 * Spends what is above the reserve: mostly into training while the bubble is high, mostly
 * into apps for the sectors the model fits (and that are not regulated: no compliance needed)
 * otherwise, a little into serving efficiency.
 */
function decide(firm: Private["firm"], regulated: boolean[], bubbleRatio: number): Action {
  const budget = Math.max(0, firm.cash * (1 - RESERVE));
  const hot = bubbleRatio >= HOT_MARKET;
  const fits = SECTORS.filter((s, i) => (NEED[s] ?? Number.POSITIVE_INFINITY) <= firm.capability + 5 && !regulated[i]);
  const sectors = fits.length > 0 ? fits : ["support"];
  const perSector = down((budget * (hot ? 0.35 : 0.7)) / sectors.length);
  return {
    train: down(budget * (hot ? 0.6 : 0.2)),
    apps: Object.fromEntries(sectors.map((s) => [s, perSector])),
    efficiency: down(budget * (hot ? 0.05 : 0.1)),
  };
}

/** The same action with every amount scaled (for a retry after a rejection). */
function scaled(action: Action, k: number): Action {
  const apps = Object.fromEntries(Object.entries(action.apps ?? {}).map(([s, v]) => [s, down(v * k)]));
  return { train: down((action.train ?? 0) * k), apps, efficiency: down((action.efficiency ?? 0) * k) };
}

const money = (x: number) => x.toFixed(1);
const describeAction = (a: Action) =>
  [`train ${money(a.train ?? 0)}`, ...Object.entries(a.apps ?? {}).map(([s, v]) => `${s} ${money(v)}`), `efficiency ${money(a.efficiency ?? 0)}`].join(", ");

// ---- the connection -------------------------------------------------------------------------

const [url, rawCode, name = "Robo"] = process.argv.slice(2);
if (!url || !rawCode) {
  console.error("usage: npx tsx docs/protocol/example-bot.ts <ws-url> <CODE> [name]");
  process.exit(2);
}
const code = rawCode.trim().toUpperCase(); // join codes are upper case

let room: Room;
try {
  room = await new Client(url).joinById(code, { name });
} catch (error) {
  // Join errors carry a code: 4301 invalid options, 4302 name taken, 4303 full, 4304 started, 4305 bad token, 522 no such game.
  const e = error as { code?: number; message?: string };
  console.error(`could not join ${code}: ${e.message ?? String(error)} (${e.code ?? "no code"})`);
  process.exit(1);
}

const state = () => room.state as GameState;
let me: Welcome | null = null;
let mine: Private | null = null;
let columns: { firm: string[]; market: string[]; action: string[]; sector: string[] } | null = null;
/** Server clock minus ours, to turn `deadline` into seconds left. */
let clockOffset = 0;
/** The state.quarter we last acted in (-1: none yet). */
let actedIn = -1;
/** The submission in flight: retried smaller when refused. */
let inFlight: { quarter: number; action: Action; tries: number } | null = null;
let finished = false;

function submit(action: Action, tries: number): void {
  inFlight = { quarter: state().quarter, action, tries };
  room.send("submit", { action });
}

/** Acts once per quarter: in the decide phase, with a private view of this quarter, while listed. */
function act(): void {
  const s = state();
  if (s.phase !== "decide" || actedIn === s.quarter || !me?.firmId || mine?.quarter !== s.quarter || mine.firm.delisted) return;
  actedIn = s.quarter;
  submit(decide(mine.firm, mine.market.sectorRegulated, s.market.bubbleRatio), 0);
}

function onRejected(r: Rejected): void {
  console.log(`  refused ${r.type}: ${r.code}${r.engineCode ? ` (${r.engineCode})` : ""}: ${r.message}`);
  const retry = inFlight;
  // Only a refused submission of the quarter still being decided is worth another try.
  if (r.type !== "submit" || !retry || state().phase !== "decide" || state().quarter !== retry.quarter) return;
  if (r.code === "RATE_LIMITED") {
    setTimeout(() => submit(retry.action, retry.tries), 1000);
  } else if (r.code === "ILLEGAL_ACTION" || r.code === "INVALID_MESSAGE") {
    // Half as much, three times; then the empty action, which spends nothing.
    if (retry.tries < 3) submit(scaled(retry.action, 0.5), retry.tries + 1);
    else if (retry.tries === 3) submit({}, 4);
    else console.error(`  could not recover: quarter ${retry.quarter + 1} repeats last quarter's action`);
  }
  // WRONG_PHASE: the quarter resolved meanwhile. NO_FIRM: the firm is delisted. Nothing to retry.
}

function onAccepted(a: Accepted): void {
  inFlight = null;
  const s = state();
  const left = s.deadline > 0 ? `, ${Math.max(0, Math.round((s.deadline - (Date.now() + clockOffset)) / 1000))} s left` : "";
  const cash = mine ? money(mine.firm.cash) : "?";
  console.log(`Q${a.quarter}: cash ${cash}, bubble ${s.market.bubbleRatio.toFixed(2)} → ${describeAction(actionFrom(a.action))} (by ${a.by}${left})`);
}

/** A positional action (`accepted`) with its keys back. */
function actionFrom(values: unknown[]): Action {
  const action = fields(
    values.flatMap((v, i) => [i, v]),
    columns?.action ?? [],
  );
  return { ...action, apps: fields(Array.isArray(action.apps) ? action.apps : [], columns?.sector ?? []) } as Action;
}

async function finish(): Promise<void> {
  const s = state();
  if (finished || s.phase !== "over" || s.standings.length === 0) return;
  finished = true;
  const standings = [...s.standings];
  const row = standings.find((r) => r.firmId === me?.firmId);
  if (row) console.log(`game over: ${name} (${row.name}) ranked ${row.rank} of ${standings.length}, score ${row.score.toFixed(1)}`);
  else console.log("game over (no firm of ours in the standings)");
  await room.leave();
  process.exit(0);
}

room.onMessage("welcome", (w: Welcome) => {
  me = w;
  clockOffset = w.serverTime - Date.now();
  // Keep w.token: joinById(code, { name, token }) gets the seat back from anywhere, any time.
  console.log(`joined ${code} as ${name}, playing ${w.firmId ?? "no firm"}`);
});
/** The fields that `[column, value, …]` pairs set. */
function fields(pairs: unknown[], names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i + 1 < pairs.length; i += 2) out[names[pairs[i] as number] as string] = pairs[i + 1];
  return out;
}

room.onMessage("private", ([quarter, full, firmPairs, , , marketPairs, , , , names]: PrivateMessage) => {
  // A whole view replaces ours; a change is merged into it (history rows, which this bot does not read, would be appended).
  if (full && names) columns = names;
  if (!columns || (!full && !mine)) return;
  const firm = { ...(full ? {} : mine?.firm), ...fields(firmPairs, columns.firm) } as Private["firm"];
  const market = { ...(full ? {} : mine?.market), ...fields(marketPairs, columns.market) } as Private["market"];
  mine = { quarter, firm, market };
  act();
});
room.onMessage("accepted", onAccepted);
room.onMessage("rejected", onRejected);
room.onMessage("draft", () => {}); // teammates' drafts (team mode): not used
room.onStateChange(() => {
  act();
  void finish();
});
// The SDK reconnects by itself after a network drop; the server keeps the seat for the grace period.
room.onDrop((closeCode) => console.log(`connection lost (${closeCode}), reconnecting…`));
room.onReconnect(() => console.log("reconnected"));
room.onLeave((closeCode, reason) => {
  if (finished) return;
  // 4401: too many refused messages; 4402: the seat was reclaimed from another connection.
  console.error(`left the room (${closeCode}${reason ? `: ${reason}` : ""})`);
  process.exit(1);
});
