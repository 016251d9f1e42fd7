import { seedRng } from "../rng.js";
import type { EconomyConfig, SectorConfig } from "../schemas/config.js";
import { clockOf } from "./clock.js";
import { drawNews } from "./events.js";
import { capabilityFromCompute } from "./rules/capability.js";
import { narrativeValue, valuationOf } from "./rules/valuation.js";
import { copyPerSector, perSectorZeros, sectorList } from "./sectors.js";
import type { FirmReport, FirmSeat, FirmState, GameState, MarketReport, MarketState } from "./types.js";
import { idleAction } from "./validate.js";

/** Bumped whenever a rule change alters outcomes (the golden replay pins it). */
export const ENGINE_VERSION = "2.15.0";

export const MIN_FIRMS = 2;
export const MAX_FIRMS = 40;

/**
 * A new game at quarter 0: every firm starts equal; the first quarter's news is drawn.
 * `config` must come from `loadConfig`; seats need unique ids.
 */
export function createGame(config: EconomyConfig, seed: string | number, seats: readonly FirmSeat[]): GameState {
  if (seats.length < MIN_FIRMS || seats.length > MAX_FIRMS) throw new Error(`a game needs ${MIN_FIRMS}–${MAX_FIRMS} firms, got ${seats.length}`);
  // Plain loops, no closures or spreads (a simulator makes a game per evaluation; the same values as before).
  const ids = new Set<string>();
  for (const seat of seats) ids.add(seat.id);
  if (ids.size !== seats.length) throw new Error("firm ids must be unique");
  // The config's sectors in SECTOR_IDS order (memoised): read by name, not `config.sectors[id]`, a keyed load on objects of many shapes.
  const sectors = sectorList(config);
  const sectorTam: number[] = [];
  const sectorTrust: number[] = [];
  const sectorRegulated: boolean[] = [];
  for (let s = 0; s < sectors.length; s++) {
    const sector = sectors[s] as SectorConfig;
    sectorTam.push(sector.tam);
    sectorTrust.push(1);
    sectorRegulated.push(sector.regulated);
  }

  const market: MarketState = {
    computePrice: 1,
    vendorShock: 1,
    openBaseline: config.openBaseline.start,
    outsideOpenBaseline: config.openBaseline.start,
    alpha: config.capability.alpha,
    rate: config.start.rate,
    regime: config.start.regime,
    disclosure: config.start.disclosure,
    mediaLaw: false,
    sentiment: config.start.sentiment,
    sentimentPeak: config.start.sentiment,
    apiPool: config.api.pool,
    sectorTam,
    sectorTrust,
    sectorRegulated,
    correction: { quartersLeft: 0, stepFactor: 1, cooldown: 0, count: 0, firstQuarter: null },
    news: [],
    history: [],
  };
  // Every firm starts with the same compute, hence the same capability: one power for all.
  const capability = capabilityFromCompute(config, config.start.compute);
  // Pushed, not `seats.map`: a packed array whatever tier runs this (see perSectorOf).
  const firms: FirmState[] = [];
  const pendingRuns = clockOf(config).trainingShipShares.length - 1;
  for (const seat of seats) firms.push(startingFirm(config, market, seat, capability, pendingRuns));
  // Summed and compared in firm order from 0 and -Infinity, as the reductions and Math.max over the list did.
  let totalValuation = 0;
  let totalFundamentals = 0;
  let bestClosedCapability = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < firms.length; i++) {
    const firm = firms[i] as FirmState;
    const first = firm.history[0] as FirmReport;
    totalValuation += first.valuation;
    totalFundamentals += first.fundamentals;
    bestClosedCapability = Math.max(bestClosedCapability, firm.capability);
  }
  const start: MarketReport = {
    quarter: 0,
    sentiment: market.sentiment,
    bubbleRatio: totalValuation / totalFundamentals,
    totalValuation,
    totalFundamentals,
    totalRaised: 0,
    totalTraining: 0,
    totalHype: 0,
    bestClosedCapability,
    computePrice: market.computePrice,
    openBaseline: market.openBaseline,
    apiPool: market.apiPool,
    rate: market.rate,
    regime: market.regime,
    disclosure: market.disclosure,
    correction: false,
    correctionStarted: false,
    hazard: 0,
    events: [],
    incidents: [],
    delisted: [],
  };
  market.history = [start];
  const rng = seedRng(seed);
  market.news = drawNews(config, market, rng);
  return { engineVersion: ENGINE_VERSION, config, seed: String(seed), quarter: 0, rng, market, firms, log: [] };
}

/** A firm at quarter 0; `pendingRuns`: the clock's turns a run still ships over after its first (`capabilityInTraining`'s length). */
function startingFirm(config: EconomyConfig, market: MarketState, seat: FirmSeat, capability: number, pendingRuns: number): FirmState {
  const s = config.start;
  const capabilityInTraining: number[] = [];
  for (let k = 0; k < pendingRuns; k++) capabilityInTraining.push(0);
  const firm: FirmState = {
    id: seat.id,
    name: seat.name,
    cash: s.cash,
    shares: s.shares,
    founderShares: s.founderShares,
    capability,
    capabilityInTraining,
    compute: s.compute,
    trainingSpendTotal: 0,
    openWeights: false,
    ecosystem: 0,
    efficiencySpendTotal: 0,
    efficiency: 1,
    edge: false,
    hardware: "flexible",
    lockedUntil: 0,
    lockedPrice: 0,
    integration: perSectorZeros(),
    customers: perSectorZeros(),
    productFit: perSectorZeros(),
    complianceStock: 0,
    incidents: 0,
    dataMoat: 0,
    hype: 0,
    trainingCredit: 0,
    appsBook: 0,
    valueCreated: 0,
    delisted: false,
    lastAction: idleAction({ openWeights: false, hardware: "flexible" }),
    history: [],
  };
  const narrative = narrativeValue(config, market, firm);
  const valuation = valuationOf(firm.cash, narrative, market.sentiment);
  firm.history = [
    {
      quarter: 0,
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
      lead: Math.max(0, firm.capability - market.openBaseline),
      sectorsServed: [],
      customers: copyPerSector(firm.customers),
      incidents: 0,
      openWeights: false,
      fundamentals: firm.cash,
      narrative,
      valuation,
      sharePrice: valuation / firm.shares,
      shares: firm.shares,
      founderStake: (firm.founderShares / firm.shares) * valuation,
      delisted: false,
    },
  ];
  return firm;
}
