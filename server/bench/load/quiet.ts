import { setTimeout as sleep } from "node:timers/promises";
import { machineCpuSeconds } from "./proc.js";
import { runStep, type StepOptions, type StepResult } from "./step.js";

/**
 * On a shared machine other work skews every figure: before a step, wait (up to a limit)
 * until the rest of the machine uses less than `maxPercent` of a core over a few seconds.
 * Returns that share as last measured.
 */
export async function waitForQuiet(maxPercent: number, timeoutSeconds: number, log: (line: string) => void): Promise<number> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  const sampleSeconds = 3;
  let waited = false;
  for (;;) {
    const before = machineCpuSeconds();
    const ownBefore = process.cpuUsage();
    await sleep(sampleSeconds * 1000);
    const own = process.cpuUsage(ownBefore);
    const after = machineCpuSeconds();
    const other = (100 * (after.busy - before.busy + after.steal - before.steal - (own.user + own.system) / 1e6)) / sampleSeconds;
    if (other < maxPercent) {
      if (waited) log(`  the machine is quiet (${Math.round(other)}% of a core in use elsewhere)`);
      return other;
    }
    if (Date.now() > deadline) {
      log(`  warning: other work still uses ${Math.round(other)}% of a core; measuring anyway`);
      return other;
    }
    if (!waited) log(`  waiting for a quiet machine (other work: ${Math.round(other)}% of a core)…`);
    waited = true;
  }
}

export interface QuietPolicy {
  /** Other work (other processes and CPU stolen by the hypervisor) below this % of a core counts as quiet; 0 turns waiting off. */
  quietPercent: number;
  /** The longest wait for quiet before a step. */
  waitSeconds: number;
}

/** Runs a step once the machine is quiet (or the wait is over); the step itself repeats a window that does not hold. */
export async function runWhenQuiet(step: StepOptions, policy: QuietPolicy, log: (line: string) => void): Promise<StepResult> {
  if (policy.quietPercent > 0) await waitForQuiet(policy.quietPercent, policy.waitSeconds, log);
  return runStep(step, log);
}
