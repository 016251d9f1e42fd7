import { setTimeout as sleep } from "node:timers/promises";
import { machineCpuSeconds } from "./proc.js";
import { notes } from "./report.js";
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
  /** Other work (other processes and CPU stolen by the hypervisor) below this % of a core counts as quiet; 0 turns waiting and repeating off. */
  quietPercent: number;
  /** The longest wait for quiet before a run. */
  waitSeconds: number;
  /** Runs repeated when other work disturbed the measured window. */
  retries: number;
}

/** Runs a step, repeating it while other work disturbed its window; the least disturbed run is kept. */
export async function quietestRun(step: StepOptions, policy: QuietPolicy, log: (line: string) => void): Promise<StepResult> {
  const noise = (r: StepResult) => r.otherCpuPercent + r.stealPercent;
  let best: StepResult | undefined;
  for (let attempt = 0; attempt <= policy.retries; attempt++) {
    if (policy.quietPercent > 0) await waitForQuiet(policy.quietPercent, policy.waitSeconds, log);
    const run = await runStep(step, log);
    log(`  ${notes(run)}`);
    if (!best || noise(run) < noise(best)) best = run;
    if (policy.quietPercent <= 0 || noise(run) < policy.quietPercent) break;
    if (attempt < policy.retries) log(`  other work used ${Math.round(noise(run))}% of a core during the window: repeating the step`);
  }
  return best as StepResult;
}
