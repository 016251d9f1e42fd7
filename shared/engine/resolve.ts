import { nextNormal } from "../rng.js";
import type { Action } from "../schemas/action.js";
import type { GameEvent, Injection } from "../schemas/injection.js";
import { SECTOR_IDS } from "../schemas/vocabulary.js";
import { clockOf } from "./clock.js";
import { cloneState } from "./clone.js";
import { fallsTo } from "./corrections.js";
import { applyEvent, drawNews } from "./events.js";
import type { Quarter } from "./quarter.js";
import { bankruptcy } from "./rules/bankruptcy.js";
import { income, intangibles } from "./rules/income.js";
import { efficiencyAndIntegration, financing, openBaseline, spendAndTrain } from "./rules/invest.js";
import { marketShares } from "./rules/market.js";
import { monetaryPolicy } from "./rules/policy.js";
import { regulation } from "./rules/regulation.js";
import { updateSentiment } from "./rules/sentiment.js";
import { fundamentalValue, narrativeValue, runsInProgress, valuationOf } from "./rules/valuation.js";
import { copyPerSector, perSectorInto, perSectorZeros, sectorColumns, sectorList, sumPerSector, zeroPerSector } from "./sectors.js";
import type { FirmReport, FirmState, GameState, LogEntry, MarketReport, QuarterReport } from "./types.js";
import { checkActionSpending, fitAction } from "./validate.js";

/** Actions by firm id; a firm missing here repeats its previous action, fitted to its budget. */
export type ActionsByFirm = Readonly<Record<string, Action | undefined>>;

/**
 * Actions in the order of `state.firms` (index i: the action of `state.firms[i]`); a firm whose
 * entry is missing, undefined or null repeats its previous action, fitted to its budget, as a
 * firm missing from `ActionsByFirm` does.
 */
export type ActionsInFirmOrder = readonly (Action | null | undefined)[];

/** What a resolution produces besides the next state. */
export interface Resolution {
  report: QuarterReport;
  /** The action each listed firm played (a missing one repeated and fitted), by firm id. */
  applied: Record<string, Action>;
}

/** What an in-place resolution produces: the report, and the actions played in firm order. */
export interface InPlaceResolution {
  report: QuarterReport;
  /** The action each firm played (a missing one repeated and fitted), in the order of `state.firms`; null for a delisted firm. */
  played: readonly (Action | null)[];
}

/**
 * Resolves one quarter: the only way the game state changes. Pure: `state` is not modified
 * (the quarter is resolved on a copy, by `resolveQuarterInPlace`); every random draw comes
 * from the generator inside the state. Actions must be legal (validate them with
 * `validateAction` first); an illegal one is a programming error.
 */
export function resolveQuarter(state: GameState, actions: ActionsByFirm, injections: readonly Injection[] = []): { state: GameState } & Resolution {
  if (state.quarter >= state.config.quarters) throw new Error(`the game is over (quarter ${state.quarter} of ${state.config.quarters})`);
  const next = cloneState(state);
  const { report, played } = resolveQuarterInPlace(next, actions, injections);
  return { state: next, report, applied: appliedById(next.firms, played) };
}

/** The actions played, by firm id (a delisted firm has none). */
export function appliedById(firms: readonly FirmState[], played: readonly (Action | null)[]): Record<string, Action> {
  const applied: Record<string, Action> = {};
  for (let i = 0; i < firms.length; i++) {
    const action = played[i];
    if (action) applied[(firms[i] as FirmState).id] = action;
  }
  return applied;
}

/**
 * `resolveQuarter` on a state its caller owns: `state` itself becomes the next quarter's
 * (its firms, market, generator, histories and log are updated in place) and nothing else is
 * copied. The same rules, the same results: for a simulator that keeps no earlier state, and
 * no state anyone else holds. A view's memo of published histories notices appended reports;
 * the server's private-view memo (shared/private.ts) assumes a state never changes once made,
 * so the server resolves with the pure API.
 */
export function resolveQuarterInPlace(state: GameState, actions: ActionsByFirm, injections: readonly Injection[] = []): InPlaceResolution {
  const firms = state.firms;
  const inOrder: (Action | undefined)[] = [];
  for (let i = 0; i < firms.length; i++) {
    const firm = firms[i] as FirmState;
    inOrder.push(firm.delisted === true ? undefined : actions[firm.id]);
  }
  return resolveQuarterInPlaceInOrder(state, inOrder, injections);
}

/**
 * `resolveQuarterInPlace` with the actions in firm order (a simulator that builds them firm by
 * firm hands them over as they are: no lookup by id per firm-quarter). The same resolution.
 */
export function resolveQuarterInPlaceInOrder(state: GameState, actions: ActionsInFirmOrder, injections: readonly Injection[] = []): InPlaceResolution {
  if (state.quarter >= state.config.quarters) throw new Error(`the game is over (quarter ${state.quarter} of ${state.config.quarters})`);
  const q = state.quarter + 1;
  const firms = state.firms;
  const n = firms.length;
  // Plain indexed loops and pushes (packed arrays, no closures): this runs millions of times in a search.
  // Actions are chosen and checked against the state before anything in it changes.
  const chosen: (Action | null)[] = [];
  const appSpend = scratchRows(scratch.appSpend, n);
  const fineRates = scratchRows(scratch.fineRates, n);
  const prices = scratch.prices;
  const appsTotals = scratch.appsTotals;
  for (let i = 0; i < n; i++) {
    const firm = firms[i] as FirmState;
    // Flags and nullable values are compared, not tested for truth: a field V8 has not typed as a
    // boolean is tested by its full ToBoolean (false, "", undetectable, heap number, bigint) every time.
    const delisted = firm.delisted === true;
    const submitted = delisted || i >= actions.length ? undefined : actions[i];
    const given = submitted !== undefined && submitted !== null;
    const action = delisted ? null : given ? submitted : fitAction(state, firm, firm.lastAction);
    const spend = appSpend[i] as number[];
    if (action !== null) perSectorInto(spend, action.apps);
    else zeroPerSector(spend);
    zeroPerSector(fineRates[i] as number[]);
    prices[i] = state.market.computePrice;
    const apps = sumPerSector(spend);
    appsTotals[i] = apps;
    if (given) {
      const problem = checkActionSpending(state, firm, submitted, apps);
      if (problem) throw new Error(`illegal action for ${firm.id}: ${problem.code}: ${problem.message}`);
    }
    chosen.push(action);
  }
  const reports: FirmReport[] = [];
  // Each report's customers are copied when it is closed (step 12): nothing reads them before.
  for (let i = 0; i < n; i++) reports.push(emptyReport(q, firms[i] as FirmState, OPEN_CUSTOMERS));
  const t: Quarter = {
    config: state.config,
    clock: clockOf(state.config),
    sectors: sectorList(state.config),
    columns: sectorColumns(state.config),
    q,
    market: state.market,
    firms,
    rng: state.rng,
    actions: chosen,
    appSpend,
    appsTotals,
    reports,
    prices,
    fineRates,
    hazardBoost: 0,
    openBaselineWithoutReleases: state.market.openBaseline,
    released: NO_RELEASES,
    incidents: [],
    incidentFines: [],
    log: [],
  };
  const { market } = t;

  const events = applyNewsAndInjections(t, injections);
  financing(t);
  spendAndTrain(t);
  openBaseline(t);
  efficiencyAndIntegration(t);
  regulation(t);
  marketShares(t);
  income(t);
  intangibles(t);
  const marketReport = valueAndSentiment(t, events);
  monetaryPolicy(t.config, market, marketReport);
  advanceWorld(t);

  for (let i = 0; i < n; i++) {
    const firm = firms[i] as FirmState;
    const action = chosen[i] as Action | null;
    if (action !== null) firm.lastAction = action;
    firm.history.push(reports[i] as FirmReport);
  }
  market.history.push(marketReport);
  market.news = q < state.config.quarters ? drawNews(state.config, market, t.rng) : [];
  // Named fields, not a spread (a spread copies through a slow generic path): the same entry, key for key.
  const incidents = t.incidents;
  for (let k = 0; k < incidents.length; k++) {
    const incident = incidents[k] as (typeof incidents)[number];
    t.log.push({ quarter: q, kind: "incident", firmId: incident.firmId, sector: incident.sector, fine: incident.fine });
  }

  state.quarter = q;
  for (let k = 0; k < t.log.length; k++) state.log.push(t.log[k] as LogEntry);
  return { report: { quarter: q, market: marketReport, firms: reports, log: t.log }, played: chosen };
}

/**
 * Working rows that never leave a resolution, reused by the next one (a resolution runs to its
 * end synchronously and never inside another, so one set serves every game): per firm, the
 * action's apps spend and the fine rates per sector, and the compute price it pays and its apps total; per firm,
 * the fundamentals, narrative and valuation of step 10. Rows beyond a game's firm count are
 * left as they are and never read.
 */
const scratch = {
  appSpend: [] as number[][],
  fineRates: [] as number[][],
  prices: [] as number[],
  appsTotals: [] as number[],
  fundamentals: [] as number[],
  narratives: [] as number[],
  valuations: [] as number[],
};

/** `rows` grown to at least `n` per-sector rows (their contents are whatever the last resolution left). */
function scratchRows(rows: number[][], n: number): number[][] {
  while (rows.length < n) rows.push(perSectorZeros());
  return rows;
}

/** The facilitator's injections first, then the news everyone saw before deciding. */
function applyNewsAndInjections(t: Quarter, injections: readonly Injection[]): GameEvent[] {
  const { config, market, firms, q } = t;
  const events: GameEvent[] = [];
  // Indexed loops, not for…of: the same entries in the same order without an iterator.
  for (let k = 0; k < injections.length; k++) {
    const injection = injections[k] as Injection;
    t.log.push({ quarter: q, kind: "injection", injection });
    if (injection.kind === "regime") market.regime = injection.regime;
    else if (injection.kind === "disclosure") market.disclosure = injection.on;
    else {
      t.hazardBoost += applyEvent(config, market, firms, injection.event);
      events.push(injection.event);
    }
  }
  const news = market.news;
  for (let k = 0; k < news.length; k++) {
    const event = news[k] as GameEvent;
    t.log.push({ quarter: q, kind: "event", event });
    t.hazardBoost += applyEvent(config, market, firms, event);
    events.push(event);
  }
  return events;
}

/** Steps 10–12: valuation, sentiment and correction, bankruptcy; fills in the reports. */
function valueAndSentiment(t: Quarter, events: GameEvent[]): MarketReport {
  const { config, market, firms, reports, q } = t;
  const wasInCorrection = market.correction.quartersLeft > 0;
  const previous = market.history[q - 1];
  const n = firms.length;
  const { fundamentals, narratives, valuations } = scratch;
  let totalValue = 0;
  let totalFundamentals = 0;
  let totalHype = 0;
  let totalTraining = 0;
  let totalRaised = 0;
  let totalNarrative = 0;
  for (let i = 0; i < n; i++) {
    const firm = firms[i] as FirmState;
    const report = reports[i] as FirmReport;
    if (firm.delisted === true) {
      fundamentals[i] = 0;
      narratives[i] = 0;
      continue;
    }
    const fundamental = firmFundamentals(t, firm, report);
    const narrative = narrativeValue(config, market, firm);
    fundamentals[i] = fundamental;
    narratives[i] = narrative;
    totalValue += valuationOf(fundamental, narrative, market.sentiment);
    totalFundamentals += fundamental;
    totalNarrative += narrative;
    totalHype += firm.hype;
    totalTraining += report.trainingSpend;
    totalRaised += report.raised;
  }
  const provisionalRatio = totalFundamentals > 0 ? totalValue / totalFundamentals : 1;
  const { hazard, correctionStarted } = updateSentiment(t, {
    bubbleRatio: provisionalRatio,
    neutralRatio: totalFundamentals > 0 ? (totalFundamentals + totalNarrative) / totalFundamentals : 1,
    totalHype,
    previousTotalHype: previous?.totalHype ?? 0,
    totalTraining,
  });

  for (let i = 0; i < n; i++) {
    valuations[i] = (firms[i] as FirmState).delisted === true ? 0 : valuationOf(fundamentals[i] as number, narratives[i] as number, market.sentiment);
  }
  bankruptcy(t, valuations);
  totalValue = 0;
  totalFundamentals = 0;
  let bestClosed = 0;
  for (let i = 0; i < n; i++) {
    const firm = firms[i] as FirmState;
    const report = reports[i] as FirmReport;
    if (report.emergencyRaised > 0) {
      totalRaised += report.emergencyRaised;
      fundamentals[i] = firmFundamentals(t, firm, report);
    }
    const listed = firm.delisted !== true;
    const valuation = listed ? valuationOf(fundamentals[i] as number, narratives[i] as number, market.sentiment) : 0;
    report.cash = firm.cash;
    report.capability = firm.capability;
    report.customers = copyPerSector(firm.customers);
    report.openWeights = firm.openWeights;
    report.fundamentals = listed ? (fundamentals[i] as number) : 0;
    report.narrative = listed ? (narratives[i] as number) : 0;
    report.valuation = valuation;
    report.shares = firm.shares;
    report.sharePrice = valuation / firm.shares;
    report.founderStake = (firm.founderShares / firm.shares) * valuation;
    report.delisted = firm.delisted;
    totalValue += valuation;
    totalFundamentals += report.fundamentals;
    if (listed && firm.openWeights !== true) bestClosed = Math.max(bestClosed, firm.capability);
  }

  return {
    quarter: q,
    sentiment: market.sentiment,
    bubbleRatio: totalFundamentals > 0 ? totalValue / totalFundamentals : 1,
    totalValuation: totalValue,
    totalFundamentals,
    totalRaised,
    totalTraining,
    totalHype,
    bestClosedCapability: bestClosed,
    computePrice: market.computePrice,
    openBaseline: market.openBaseline,
    apiPool: market.apiPool,
    rate: market.rate,
    regime: market.regime,
    disclosure: market.disclosure,
    correction: wasInCorrection || correctionStarted || fallsTo(market.history, totalValue),
    correctionStarted,
    hazard,
    events,
    incidents: t.incidents,
    delisted: delistedIn(t),
  };
}

function delistedIn(t: Quarter): string[] {
  const ids: string[] = [];
  const log = t.log;
  for (let k = 0; k < log.length; k++) {
    const entry = log[k] as LogEntry;
    if (entry.kind === "delisted") ids.push(entry.firmId);
  }
  return ids;
}

function firmFundamentals(t: Quarter, firm: FirmState, report: FirmReport): number {
  const length = firm.history.length;
  const last = firm.history[length - 1];
  // Not history[-1] in the first quarter: a negative index is a property name, and one such load turns the site megamorphic for good.
  const earlier = length >= 2 ? firm.history[length - 2] : undefined;
  const earliest = length >= 3 ? firm.history[length - 3] : undefined;
  // Runs in training count only with a weight (0 by default): without one `runsInProgress` is 0, and its call (not inlined here) is skipped.
  const runsWeight = t.config.valuation.capitaliseRuns;
  return fundamentalValue(t.config, t.market, firm.cash, {
    book: firm.appsBook + (runsWeight === 0 ? 0 : runsInProgress(runsWeight, t.clock.trainingShipShares, report, firm.history)),
    operatingProfit: report.operatingProfit,
    previousOperatingProfit: last?.operatingProfit ?? 0,
    revenue: report.revenue,
    previousRevenue: last?.revenue ?? 0,
    earlierRevenue: earlier?.revenue ?? 0,
    earliestRevenue: earliest?.revenue ?? 0,
    tau: t.clock.tau,
    oneOffCosts: report.rampCost + (last?.rampCost ?? 0),
  });
}

/** The world moves on for next quarter: compute price, vendor shocks, API market, sectors. */
function advanceWorld(t: Quarter): void {
  const { config, market, rng, clock } = t;
  market.computePrice = Math.max(config.compute.floor, market.computePrice * (1 + clock.computeDrift + clock.computeNoise * nextNormal(rng)));
  market.vendorShock = 1 + (market.vendorShock - 1) * clock.vendorShockDecay;
  market.apiPool *= (1 - clock.apiPriceDecline) * Math.max(0, 1 + clock.apiVolumeGrowth + clock.apiHypeElasticity * (market.sentiment - 1));
  const { sectorTam, sectorTrust } = market;
  const { sectorGrowth, trustRecovery } = clock;
  const S = SECTOR_IDS.length;
  for (let s = 0; s < S; s++) {
    sectorTam[s] = (sectorTam[s] as number) * (1 + (sectorGrowth[s] as number));
    sectorTrust[s] = (sectorTrust[s] as number) + trustRecovery * (1 - (sectorTrust[s] as number));
  }
}

/** What an open report holds as its customers until it is closed (never read, never kept). */
const OPEN_CUSTOMERS: number[] = perSectorZeros();
/** `Quarter.released` until the open-baseline step sets it (nothing reads it before). */
const NO_RELEASES: readonly number[] = [];

/** A report with the firm's standing figures and every flow at zero (filled in by the rules); `customers` a copy of the firm's unless given. */
export function emptyReport(quarter: number, firm: FirmState, customers: number[] = firm.customers.slice()): FirmReport {
  return {
    quarter,
    revenue: 0,
    apiRevenue: 0,
    sectorRevenue: perSectorZeros(),
    servingCost: 0,
    opex: 0,
    licenceFees: 0,
    rampCost: 0,
    spanSectors: 0,
    spanFactor: 1,
    fines: 0,
    operatingProfit: 0,
    raised: 0,
    emergencyRaised: 0,
    spent: 0,
    trainingSpend: 0,
    cash: firm.cash,
    capability: firm.capability,
    capabilityInTraining: 0,
    lead: 0,
    sectorsServed: [],
    customers,
    incidents: 0,
    openWeights: firm.openWeights,
    fundamentals: 0,
    narrative: 0,
    valuation: 0,
    sharePrice: 0,
    shares: firm.shares,
    founderStake: 0,
    delisted: firm.delisted,
  };
}
