import { overTurns, turnSpan } from "../engine/clock.js";
import type { FirmView } from "../engine/view.js";
import { nextFloat, type RngState } from "../rng.js";
import type { Action } from "../schemas/action.js";
import { SECTOR_IDS, type SectorId } from "../schemas/vocabulary.js";

/**
 * `random`: any legal action. It raises a random part of what the market allows, spends a
 * random part of its budget spread over random fields and sectors, sometimes distills an
 * edge model, sometimes releases its weights or switches hardware. It plays no plan at all,
 * which makes it the baseline that no strategy should lose to, and a fuzzer of the engine.
 * Its chances and its spending share are per quarter of the story: a turn of `tau` quarters
 * draws each as `1 − (1 − p)^tau`, so it plays the same story at every game length.
 */
export function randomBot(view: FirmView, rng: RngState): Action {
  const self = view.self;
  const tau = turnSpan(view.config);
  const chance = (p: number) => nextFloat(rng) < overTurns(p, tau);
  const raise = chance(0.3) ? nextFloat(rng) * view.limits.maxRaise : 0;
  let budget = Math.max(0, self.cash + raise) * overTurns(nextFloat(rng), tau) * 0.999;
  const distill = !self.edge && chance(0.1) && budget >= view.limits.edgeCost;
  if (distill) budget -= view.limits.edgeCost;
  const weights = [nextFloat(rng), nextFloat(rng), nextFloat(rng), nextFloat(rng), ...SECTOR_IDS.map(() => (nextFloat(rng) < 0.5 ? nextFloat(rng) : 0))];
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const part = (i: number) => (budget * (weights[i] as number)) / total;
  const apps: Partial<Record<SectorId, number>> = {};
  SECTOR_IDS.forEach((id, s) => {
    const spend = part(4 + s);
    if (spend > 0) apps[id] = spend;
  });
  const lockRunning = self.hardware === "locked" && view.quarter + 1 <= self.lockedUntil;
  return {
    train: part(0),
    apps,
    efficiency: part(1),
    compliance: part(2),
    marketing: part(3),
    distill,
    openWeights: self.openWeights || chance(0.03),
    hardware: lockRunning ? "locked" : chance(0.2) ? (nextFloat(rng) < 0.5 ? "locked" : "flexible") : self.hardware,
    raise,
  };
}
