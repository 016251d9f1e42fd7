/** Policy files for the simulator: `--firms …,policy:best.json` reads them, `--search` writes them. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import { type Policy, parsePolicy } from "../../shared/bots/policy.js";
import type { PolicySeat } from "../../shared/sim/play.js";
import { UsageError } from "./variants.js";

/** A line-up entry `policy:<file>` → the seat it plays; errors name the file and the field. */
export function readPolicySeat(path: string): PolicySeat {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`--firms: cannot read policy file ${path}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--firms: policy file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = parsePolicy(raw);
  if (!parsed.ok) throw new UsageError(`--firms: policy file ${path}: ${parsed.message}`);
  return { policy: parsed.value, label: basename(path) };
}

export function writePolicy(path: string, policy: Policy): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(policy, null, 2)}\n`);
}
