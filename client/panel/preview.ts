import { cloneFirm } from "../../shared/engine/clone.js";
import { emptyReport, resolveQuarter } from "../../shared/engine/resolve.js";
import type { FirmReport, FirmState, GameState, MarketState } from "../../shared/engine/types.js";
import { type ActionError, actionSpend, fitAction, validateAction } from "../../shared/engine/validate.js";
import type { PublicMarket } from "../../shared/engine/view.js";
import { seedRng } from "../../shared/rng.js";
import type { Action } from "../../shared/schemas/action.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import { SECTOR_IDS } from "../../shared/schemas/vocabulary.js";

/** A rival as the player knows it: its published figures. */
export interface RivalFigures {
  id: string;
  name: string;
  delisted: boolean;
  cash: number;
  capability: number;
  openWeights: boolean;
  shares: number;
  revenue: number;
  fundamentals: number;
  valuation: number;
}

export interface PreviewInput {
  config: EconomyConfig;
  /** Quarters resolved so far. */
  quarter: number;
  self: FirmState;
  market: PublicMarket;
  rivals: readonly RivalFigures[];
}

/**
 * The preview rules: the game's config without surprises (no price or sentiment noise, no
 * new correction, no incidents), so the preview shows the effect of the player's choices
 * rather than a random draw.
 */
function calm(config: EconomyConfig): EconomyConfig {
  return {
    ...config,
    compute: { ...config.compute, noise: 0 },
    sentiment: { ...config.sentiment, noise: 0 },
    correction: { ...config.correction, hazardMax: 0 },
    regulation: { ...config.regulation, incidentRate: 0 },
  };
}

/** The rival's last report: its published figures, nothing private. */
function rivalReport(quarter: number, firm: FirmState, r: RivalFigures): FirmReport {
  return {
    ...emptyReport(quarter, firm),
    revenue: r.revenue,
    fundamentals: r.fundamentals,
    narrative: Math.max(0, r.valuation - r.fundamentals),
    valuation: r.valuation,
    sharePrice: r.shares > 0 ? r.valuation / r.shares : 0,
  };
}

/** A rival rebuilt from its published figures; what it does not publish starts at nothing. */
function rivalFirm(template: FirmState, quarter: number, r: RivalFigures): FirmState {
  const firm = cloneFirm(template);
  const zeros = SECTOR_IDS.map(() => 0);
  Object.assign(firm, {
    id: r.id,
    name: r.name,
    cash: r.cash,
    shares: r.shares,
    founderShares: r.shares / 2,
    capability: r.capability,
    openWeights: r.openWeights,
    ecosystem: 0,
    efficiency: 1,
    edge: false,
    hardware: "flexible",
    lockedUntil: 0,
    lockedPrice: 0,
    integration: zeros,
    customers: zeros.slice(),
    complianceStock: 0,
    dataMoat: 0,
    hype: 0,
    trainingCredit: Math.max(0, r.valuation - r.fundamentals),
    appsBook: 0,
    delisted: r.delisted,
  });
  firm.history = [rivalReport(quarter, firm, r)];
  firm.lastAction = {
    ...firm.lastAction,
    train: 0,
    apps: {},
    efficiency: 0,
    compliance: 0,
    marketing: 0,
    raise: 0,
    distill: false,
    openWeights: r.openWeights,
  };
  return firm;
}

function byQuarter<T extends { quarter: number }>(reports: readonly T[]): T[] {
  const out: T[] = [];
  for (const report of reports) out[report.quarter] = report;
  return out;
}

/** A game state that stands for the real one from what this player may see. */
export function previewState(input: PreviewInput): GameState {
  const { market: pub, self, quarter } = input;
  const correction = {
    quartersLeft: pub.correction.active ? 1 : 0,
    stepFactor: pub.correction.active ? 1 - (input.config.correction.depth[0] + input.config.correction.depth[1]) / 4 : 1,
    cooldown: 0,
    count: pub.correction.count,
    firstQuarter: pub.correction.firstQuarter,
  };
  // The server sends recent history only; put each report back at its quarter's index,
  // where the engine looks for it.
  const market: MarketState = { ...pub, correction, history: byQuarter(pub.history) };
  const firms = [{ ...self, history: byQuarter(self.history) }, ...input.rivals.map((r) => rivalFirm(self, quarter, r))];
  firms.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
  return { engineVersion: "preview", config: calm(input.config), seed: "preview", quarter, rng: seedRng("preview"), market, firms, log: [] };
}

export interface PreviewFigures {
  revenue: number;
  operatingProfit: number;
  cash: number;
  capability: number;
  fundamentals: number;
  valuation: number;
}

export type Preview =
  | { ok: true; action: Action; spend: number; budget: number; next: PreviewFigures; repeat: PreviewFigures }
  | { ok: false; error: ActionError };

function figures(report: FirmReport): PreviewFigures {
  const { revenue, operatingProfit, cash, capability, fundamentals, valuation } = report;
  return { revenue, operatingProfit, cash, capability, fundamentals, valuation };
}

/**
 * Validates a draft exactly as the server will (same engine, same messages) and, when it is
 * legal, resolves the quarter twice on the preview state: with the draft, and with the firm
 * repeating its last action (what happens if it does not submit). Rivals repeat theirs.
 */
export function preview(state: GameState, firmId: string, draft: unknown): Preview {
  const checked = validateAction(state, firmId, draft);
  if (!checked.ok) return checked;
  const firm = state.firms.find((f) => f.id === firmId) as FirmState;
  const action = checked.value;
  const run = (a: Action) => {
    const { report } = resolveQuarter(state, { [firmId]: a });
    return figures(report.firms[state.firms.indexOf(firm)] as FirmReport);
  };
  return {
    ok: true,
    action,
    spend: actionSpend(state, firm, action),
    budget: firm.cash + action.raise,
    next: run(action),
    repeat: run(fitAction(state, firm, firm.lastAction)),
  };
}
