import { eventsText, joinIds, marketFigures, marketPoints, reportFigures, reportRows } from "../../../shared/synced.js";
import type { FirmSlotShape, MarketPointShape, MarketRoomStateShape, ReportRowShape } from "../../net/state.js";
import type { MarketFeed } from "../feed.js";

/** What the next synthetic quarter does to every firm. */
export type SyntheticQuarter = "boom" | "correction";

export interface SyntheticMarket extends MarketFeed {
  /**
   * Publishes one more quarter for every listed firm and tells the listeners; `delist` firms
   * (the smallest listed ones) run out of cash that quarter.
   */
  advance(kind: SyntheticQuarter, delist?: number): void;
}

/**
 * A market of `count` made-up firms in the shape of the synced room state, for the
 * frame-rate benchmark and tests: no server, no engine, seeded so every run draws the same.
 */
export function syntheticMarket(count: number, myFirmId: string | null = null, seed = 1): SyntheticMarket {
  let s = seed >>> 0 || 1;
  const random = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  /** The synced columns as plain arrays, written as the server writes them. */
  type Firm = FirmSlotShape & { reports: number[] };
  const publish = (firm: Firm, report: ReportRowShape) => firm.reports.push(...reportFigures(report));
  const firms: Firm[] = Array.from({ length: count }, (_, i) => {
    const valuation = between(600, 3000);
    const firm: Firm = {
      id: `f${i + 1}`,
      name: NAMES[i % NAMES.length] + (i >= NAMES.length ? ` ${Math.floor(i / NAMES.length) + 1}` : ""),
      bot: "balanced",
      controller: `f${i + 1}` === myFirmId ? "human" : "bot",
      submitted: random() < 0.5,
      delisted: false,
      reports: [],
    };
    publish(firm, row(0, valuation, valuation * between(0.4, 0.8)));
    return firm;
  });
  const market = { points: [] as number[], pointRegimes: [] as string[], pointEvents: [] as string[], pointDelisted: [] as string[] };
  const record = (p: MarketPointShape) => {
    market.points.push(...marketFigures(p));
    market.pointRegimes.push(p.regime);
    market.pointEvents.push(eventsText([]));
    market.pointDelisted.push(joinIds(p.delisted));
  };
  record(point(0, false, firms));
  const state: MarketRoomStateShape = {
    code: "BENCH1",
    title: "Frame-rate bench",
    phase: "decide",
    quarter: 0,
    deadline: 0,
    mode: "friends",
    paused: false,
    remaining: 0,
    resolvedAt: 0,
    settings: { scenario: "ai-2025", quarters: 40, teamSize: 1, decisionSeconds: 90, newsSeconds: 4, reportSeconds: 5, private: true, bots: [], economy: "" },
    market: {
      sentiment: 1,
      bubbleRatio: marketPoints(market)[0]?.bubbleRatio ?? 1,
      computePrice: 1,
      openBaseline: 28,
      rate: 0.04,
      regime: "application",
      disclosure: false,
      mediaLaw: false,
      correction: false,
      corrections: 0,
      news: [],
      ...market,
    },
    firms,
    players: [],
    standings: [],
  };
  const listeners = new Set<() => void>();
  return {
    state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    advance(kind, delist = 0) {
      state.quarter += 1;
      const listed = firms.filter((f) => !f.delisted);
      const latest = (f: Firm) => reportRows(f).at(-1)?.valuation ?? 0;
      const failing = [...listed].sort((a, b) => latest(a) - latest(b)).slice(0, delist);
      // As the engine: every firm reports every quarter, a delisted one with nothing left.
      for (const firm of failing) firm.delisted = true;
      for (const firm of firms.filter((f) => f.delisted)) publish(firm, { ...row(state.quarter, 0, 0), delisted: true });
      for (const firm of listed.filter((f) => !f.delisted)) {
        const last = reportRows(firm).at(-1) as ReportRowShape;
        let valuation = last.valuation;
        let fundamentals = last.fundamentals;
        if (kind === "boom") {
          fundamentals *= between(1, 1.1);
          valuation = Math.max(fundamentals, valuation * between(1.1, 1.35));
        } else {
          fundamentals *= between(0.95, 1.02);
          valuation = fundamentals + Math.max(0, valuation - fundamentals) * between(0.2, 0.5);
        }
        publish(firm, row(state.quarter, valuation, fundamentals));
        firm.submitted = random() < 0.5;
      }
      const now = { ...point(state.quarter, kind === "correction", firms), delisted: failing.map((f) => f.id) };
      record(now);
      state.market.bubbleRatio = now.bubbleRatio;
      state.market.sentiment = now.sentiment;
      state.market.correction = kind === "correction";
      for (const listener of listeners) listener();
    },
  };
}

const NAMES = ["Northwind", "Helios", "Cobalt", "Meridian", "Lumen", "Arbor", "Quill", "Vantage", "Kestrel", "Tessera"];
const SHARES = 100; // millions

function row(quarter: number, valuation: number, fundamentals: number): ReportRowShape {
  return {
    quarter,
    revenue: fundamentals * 0.05,
    operatingProfit: fundamentals * 0.01,
    cash: fundamentals * 0.5,
    trainingSpend: 100,
    capability: 40 + quarter,
    sectorsServed: [],
    openWeights: false,
    fundamentals,
    valuation,
    sharePrice: valuation / SHARES,
    shares: SHARES,
    delisted: false,
  };
}

function point(quarter: number, correction: boolean, firms: readonly FirmSlotShape[]): MarketPointShape {
  const totalValuation = firms.reduce((sum, f) => sum + (reportRows(f).at(-1)?.valuation ?? 0), 0);
  const totalFundamentals = firms.reduce((sum, f) => sum + (reportRows(f).at(-1)?.fundamentals ?? 0), 0);
  const bubbleRatio = totalFundamentals > 0 ? totalValuation / totalFundamentals : 1;
  return {
    quarter,
    sentiment: correction ? 0.7 : Math.min(2.5, bubbleRatio * 0.8),
    bubbleRatio,
    totalValuation,
    totalFundamentals,
    rate: 0.04,
    regime: "application",
    disclosure: false,
    correction,
    correctionStarted: correction,
    events: [],
    delisted: [],
  };
}
