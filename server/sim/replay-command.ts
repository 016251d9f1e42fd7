import { readFileSync } from "node:fs";
import { isBotName } from "../../shared/bots/index.js";
import { score } from "../../shared/engine/score.js";
import type { GameState } from "../../shared/engine/types.js";
import { formatMoney } from "../../shared/format.js";
import { replay, replayWithSwap, type StoredGame, verifyReplay } from "../../shared/sim/record.js";
import { UsageError } from "./variants.js";

function readRecord(file: string): StoredGame {
  let record: StoredGame;
  try {
    record = JSON.parse(readFileSync(file, "utf8")) as StoredGame;
  } catch (error) {
    throw new UsageError(`--replay: cannot read ${file}: ${(error as Error).message}`);
  }
  if (!record || typeof record !== "object" || !record.config || !Array.isArray(record.firms) || !Array.isArray(record.quarters)) {
    throw new UsageError(`--replay: ${file} is not a game record (needs config, seed, firms, quarters)`);
  }
  return record;
}

const show = (value: unknown) => (typeof value === "number" ? String(value) : JSON.stringify(value));

/** `--replay file [--swap firm=bot --from q]`: exit 0 when the record replays identically. */
export function replayCommand(file: string, swap: string | undefined, from: number): number {
  const record = readRecord(file);
  if (swap) return swapCommand(record, swap, from);
  if (!Array.isArray(record.reports)) throw new UsageError(`--replay: ${file} has no recorded reports to verify against`);
  const check = verifyReplay(record);
  if (check.ok) {
    console.log(`replay: ${file} replays identically (${check.quarters} quarters, ${record.firms.length} firms, seed ${record.seed}).`);
    return 0;
  }
  const d = check.difference;
  console.error(`replay: ${file} differs first at quarter ${d?.quarter}, field ${d?.path}: recorded ${show(d?.expected)}, replayed ${show(d?.actual)}`);
  return 1;
}

function swapCommand(record: StoredGame, swap: string, from: number): number {
  const match = /^([^=]+)=(\w+)$/.exec(swap);
  if (!match) throw new UsageError(`--swap "${swap}": expected firmId=bot, e.g. builder-2=pivot`);
  const [, firmId, bot] = match as unknown as [string, string, string];
  if (!isBotName(bot)) throw new UsageError(`--swap: unknown bot "${bot}"`);
  if (!record.firms.some((f) => f.id === firmId))
    throw new UsageError(`--swap: no firm "${firmId}" in the record (firms: ${record.firms.map((f) => f.id).join(", ")})`);
  if (from > record.quarters.length) throw new UsageError(`--from ${from}: the record has ${record.quarters.length} quarters`);
  const original = replay(record).states.at(-1) as GameState;
  const swapped = replayWithSwap(record, firmId, bot, from);
  const after = swapped.states.at(-1) as GameState;
  const before = new Map(score(original).map((s) => [s.firmId, s]));
  console.log(
    `What if ${firmId} had played ${bot} from quarter ${from}? (other seats repeat their recorded actions${swapped.fitted ? `; ${swapped.fitted} had to be scaled to budget` : ""})\n`,
  );
  console.log(`  ${"firm".padEnd(16)}${"rank".padStart(10)}${"score".padStart(26)}${"value created".padStart(28)}`);
  for (const row of score(after)) {
    const old = before.get(row.firmId);
    const mark = row.firmId === firmId ? " ◀" : "";
    console.log(
      `  ${row.firmId.padEnd(16)}${`${old?.rank ?? "?"} → ${row.rank}`.padStart(10)}${`${formatMoney(old?.score ?? 0)} → ${formatMoney(row.score)}`.padStart(26)}${`${formatMoney(old?.valueCreated ?? 0)} → ${formatMoney(row.valueCreated)}`.padStart(28)}${row.delisted ? " (delisted)" : ""}${mark}`,
    );
  }
  return 0;
}
