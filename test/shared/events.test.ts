import { describe, expect, it } from "vitest";
import {
  applyEvent,
  createGame,
  drawNews,
  type EconomyConfig,
  EVENT_KINDS,
  type FirmState,
  type GameEvent,
  type GameState,
  type Injection,
  type MarketState,
  resolveQuarter,
  SECTOR_IDS,
  type SectorId,
  seedRng,
} from "../../shared/index.js";
import { configFor, seats } from "../helpers/play.js";

const config = configFor("ai-2025", {
  events: {
    probability: 0,
    scandalMoatLoss: 0.5,
    scandalTrustLoss: 0.2,
    selloffHazard: 0.3,
    rateHikeHazard: 0.1,
  },
  start: { rate: 0.04, sentiment: 1, regime: "none", disclosure: false },
  capability: { capMax: 100, alpha: 0.34 },
  compute: { floor: 0.05, modelLicenceThreshold: 150, modelLicenceRate: 0.15 },
  openBaseline: { start: 28, growth: 2 },
  sentiment: { floor: 0.3 },
  regulation: { sentimentHit: 0.03, complianceTier: 5 },
});
const game = createGame(config, 1, seats(2));
const idx = (id: SectorId) => SECTOR_IDS.indexOf(id);

/** Applies one event to fresh copies of the start market and firms. */
function apply(event: GameEvent, patch: Partial<MarketState> = {}, cfg: EconomyConfig = config) {
  const market: MarketState = { ...structuredClone(game.market), ...patch };
  const firms: FirmState[] = structuredClone(game.firms);
  const before = structuredClone(market);
  const boost = applyEvent(cfg, market, firms, event);
  return { market, firms, before, boost };
}

/** The market fields an event did change. */
function changed(before: MarketState, after: MarketState): string[] {
  return Object.keys(after).filter((k) => JSON.stringify(after[k as keyof MarketState]) !== JSON.stringify(before[k as keyof MarketState]));
}

describe("drawNews at every game length", () => {
  it("brings as many events per quarter of the story at any game length: 0.4 a turn at 16 quarters, 0.8 at 8, 0.27 at 24", () => {
    const rate = (quarters: number) => {
      const cfg = configFor("ai-2025", { quarters });
      const market = createGame(cfg, 1, seats(2)).market;
      const rng = seedRng(`news-${quarters}`);
      let events = 0;
      for (let i = 0; i < 4000; i++) events += drawNews(cfg, market, rng).length;
      return events / 4000;
    };
    expect(rate(16)).toBeCloseTo(0.4, 1);
    expect(rate(8)).toBeCloseTo(0.8, 1);
    expect(rate(24)).toBeCloseTo(0.4 / 1.5, 1);
  });
});

describe("applyEvent", () => {
  it("gpuShock on all moves spot, floored; on a vendor moves only the vendor shock", () => {
    const up = apply({ kind: "gpuShock", scope: "all", factor: 1.5 });
    expect(up.market.computePrice).toBeCloseTo(1.5, 12); // 1 × 1.5
    expect(changed(up.before, up.market)).toEqual(["computePrice"]);
    expect(up.boost).toBe(0);
    const floored = apply({ kind: "gpuShock", scope: "all", factor: 0.5 }, { computePrice: 0.06 });
    expect(floored.market.computePrice).toBe(0.05); // 0.06 × 0.5 = 0.03 < floor 0.05
    const vendor = apply({ kind: "gpuShock", scope: "vendor", factor: 1.6 }, { vendorShock: 1.25 });
    expect(vendor.market.vendorShock).toBeCloseTo(2, 12); // 1.25 × 1.6
    expect(vendor.market.computePrice).toBe(1);
    expect(changed(vendor.before, vendor.market)).toEqual(["vendorShock"]);
  });

  it("openRelease lifts the open baseline, capped at capMax", () => {
    const r = apply({ kind: "openRelease", jump: 6 });
    expect(r.market.openBaseline).toBe(34); // 28 + 6
    // An outside release lifts the open models outside the game too (what released firm models are measured against).
    expect(changed(r.before, r.market)).toEqual(["openBaseline", "outsideOpenBaseline"]);
    expect(apply({ kind: "openRelease", jump: 8 }, { openBaseline: 97 }).market.openBaseline).toBe(100);
  });

  it("scalingWall multiplies α", () => {
    const r = apply({ kind: "scalingWall", factor: 0.8 });
    expect(r.market.alpha).toBeCloseTo(0.272, 12); // 0.34 × 0.8
    expect(changed(r.before, r.market)).toEqual(["alpha"]);
  });

  it("rateChange moves the rate, clamped to [0.1%, 25%] (the config's bounds); a hike adds the rate-hike hazard", () => {
    const hike = apply({ kind: "rateChange", delta: 0.01 });
    expect(hike.market.rate).toBeCloseTo(0.05, 12);
    expect(hike.boost).toBe(0.1);
    const cut = apply({ kind: "rateChange", delta: -0.01 });
    expect(cut.market.rate).toBeCloseTo(0.03, 12);
    expect(cut.boost).toBe(0);
    expect(apply({ kind: "rateChange", delta: -0.1 }).market.rate).toBe(0.001); // 0.04 − 0.1 < 0.001
    expect(apply({ kind: "rateChange", delta: 0.1 }, { rate: 0.2 }).market.rate).toBe(0.25); // 0.3 > 0.25
    expect(changed(hike.before, hike.market)).toEqual(["rate"]);
  });

  it("adoptionWave multiplies one sector's tam", () => {
    const r = apply({ kind: "adoptionWave", sector: "finance", factor: 1.3 });
    const tam = config.sectors.finance.tam;
    expect(r.market.sectorTam[idx("finance")]).toBeCloseTo(tam * 1.3, 9);
    r.market.sectorTam.forEach((t, s) => {
      if (s !== idx("finance")) expect(t).toBe(r.before.sectorTam[s]);
    });
    expect(changed(r.before, r.market)).toEqual(["sectorTam"]);
  });

  it("provenanceScandal dents the sector's trust and sentiment, and halves non-compliant firms' moats", () => {
    const market: MarketState = structuredClone(game.market);
    market.sentiment = 2;
    const firms: FirmState[] = structuredClone(game.firms);
    for (const f of firms) f.dataMoat = 0.4;
    (firms[1] as FirmState).complianceStock = 25; // level √25 = 5 = tier: compliant
    const boost = applyEvent(config, market, firms, { kind: "provenanceScandal", sector: "media" });
    expect(boost).toBe(0);
    expect(market.sectorTrust[idx("media")]).toBeCloseTo(0.8, 12); // 1 × (1 − 0.2)
    expect(market.sectorTrust.filter((_, s) => s !== idx("media")).every((t) => t === 1)).toBe(true);
    expect(market.sentiment).toBeCloseTo(1.94, 12); // 2 × (1 − 0.03)
    expect(firms[0]?.dataMoat).toBeCloseTo(0.2, 12); // 0.4 × (1 − 0.5)
    expect(firms[1]?.dataMoat).toBe(0.4);
    // Sentiment never falls below the floor.
    expect(apply({ kind: "provenanceScandal", sector: "media" }, { sentiment: 0.3 }).market.sentiment).toBe(0.3);
  });

  it("mediaLaw turns the disclosure law on", () => {
    const r = apply({ kind: "mediaLaw" });
    expect(r.market.mediaLaw).toBe(true);
    expect(changed(r.before, r.market)).toEqual(["mediaLaw"]);
  });

  it("sectorRegulation sets one sector's regulated flag", () => {
    const on = apply({ kind: "sectorRegulation", sector: "media", regulated: true });
    expect(on.market.sectorRegulated[idx("media")]).toBe(true);
    expect(changed(on.before, on.market)).toEqual(["sectorRegulated"]);
    const off = apply({ kind: "sectorRegulation", sector: "medical", regulated: false });
    expect(off.market.sectorRegulated[idx("medical")]).toBe(false);
  });

  it("selloff cuts sentiment (floored) and returns the sell-off hazard boost", () => {
    const r = apply({ kind: "selloff", depth: 0.25 }, { sentiment: 2 });
    expect(r.market.sentiment).toBeCloseTo(1.5, 12); // 2 × (1 − 0.25)
    expect(r.boost).toBe(0.3);
    expect(changed(r.before, r.market)).toEqual(["sentiment"]);
    expect(apply({ kind: "selloff", depth: 0.9 }, { sentiment: 1 }).market.sentiment).toBe(0.3);
  });

  it("only the scandal touches firms", () => {
    const events: GameEvent[] = [
      { kind: "gpuShock", scope: "all", factor: 1.2 },
      { kind: "openRelease", jump: 5 },
      { kind: "scalingWall", factor: 0.9 },
      { kind: "rateChange", delta: 0.01 },
      { kind: "adoptionWave", sector: "support", factor: 1.2 },
      { kind: "mediaLaw" },
      { kind: "sectorRegulation", sector: "support", regulated: true },
      { kind: "selloff", depth: 0.2 },
    ];
    for (const event of events) expect(apply(event).firms).toEqual(game.firms);
  });
});

describe("drawNews", () => {
  it("draws nothing with probability 0", () => {
    for (let seed = 0; seed < 200; seed++) expect(drawNews(config, game.market, seedRng(seed))).toEqual([]);
  });

  it("draws exactly one event of a kind with weight when probability is 1, within the deck's ranges", () => {
    for (const kind of EVENT_KINDS) {
      const weights = Object.fromEntries(EVENT_KINDS.map((k) => [k, k === kind ? 1 : 0]));
      const deck = configFor("ai-2025", { events: { probability: 1, weights } });
      for (let seed = 0; seed < 20; seed++) {
        const news = drawNews(deck, game.market, seedRng(`${kind}-${seed}`));
        expect(news).toHaveLength(1);
        const event = news[0] as GameEvent;
        expect(event.kind).toBe(kind);
        const e = deck.events;
        if (event.kind === "openRelease") {
          expect(event.jump).toBeGreaterThanOrEqual(e.openReleaseJump[0]);
          expect(event.jump).toBeLessThan(e.openReleaseJump[1]);
        }
        if (event.kind === "selloff") {
          expect(event.depth).toBeGreaterThanOrEqual(e.selloffDepth[0]);
          expect(event.depth).toBeLessThan(e.selloffDepth[1]);
        }
        if (event.kind === "rateChange") expect(Math.abs(event.delta)).toBe(e.rateStep);
        // A regulation change always flips the sector's current flag.
        if (event.kind === "sectorRegulation") expect(event.regulated).toBe(!game.market.sectorRegulated[idx(event.sector)]);
      }
    }
  });

  it("draws nothing when every weight is 0", () => {
    const weights = Object.fromEntries(EVENT_KINDS.map((k) => [k, 0]));
    const deck = configFor("ai-2025", { events: { probability: 1, weights } });
    expect(drawNews(deck, game.market, seedRng(3))).toEqual([]);
  });
});

describe("news and injections in resolveQuarter", () => {
  it("logs injections as kind 'injection' in order, applies a regime and disclosure switch and injected events", () => {
    const injections: Injection[] = [
      { kind: "regime", regime: "model" },
      { kind: "event", event: { kind: "selloff", depth: 0.2 } },
      { kind: "disclosure", on: true },
    ];
    const { state, report } = resolveQuarter(game, {}, injections);
    expect(state.log.filter((e) => e.kind === "injection")).toEqual(injections.map((injection) => ({ quarter: 1, kind: "injection", injection })));
    expect(state.market.regime).toBe("model");
    expect(report.market.regime).toBe("model");
    expect(state.market.disclosure).toBe(true);
    expect(report.market.disclosure).toBe(true);
    expect(report.market.events).toEqual([{ kind: "selloff", depth: 0.2 }]);
    // The sell-off's hazard boost is in the quarter's hazard.
    expect(report.market.hazard).toBeGreaterThanOrEqual(config.events.selloffHazard);
    // The input state is untouched.
    expect(game.log).toEqual([]);
    expect(game.market.regime).toBe("none");
  });

  it("applies the news drawn before the quarter and logs it as kind 'event'", () => {
    const withNews: GameState = structuredClone(game);
    withNews.market.news = [{ kind: "openRelease", jump: 5 }];
    const { state, report } = resolveQuarter(withNews, {});
    expect(state.log).toContainEqual({ quarter: 1, kind: "event", event: { kind: "openRelease", jump: 5 } });
    // 28 + 5 (release) + 2 (growth) = 35
    expect(report.market.openBaseline).toBe(35);
    // With probability 0 no news is drawn for the next quarter.
    expect(state.market.news).toEqual([]);
  });

  it("an injected regime takes effect in the same quarter (a model-regime licence on a big run)", () => {
    const { report } = resolveQuarter(
      game,
      { f1: { train: 400, apps: {}, efficiency: 0, compliance: 0, marketing: 0, distill: false, openWeights: false, hardware: "flexible", raise: 0 } },
      [{ kind: "regime", regime: "model" }],
    );
    // 0.15 × (400 − 150) = 37.5
    expect(report.firms[0]?.licenceFees).toBeCloseTo(37.5, 9);
  });
});

describe("rate changes stay monotone at the bounds", () => {
  it("a hike never lowers the rate and a cut never raises it (start.rate 0.25 and 0.001 are valid configs)", () => {
    for (const [rate, delta] of [
      [0.25, 0.01],
      [0.001, -0.01],
    ] as const) {
      const config = configFor("ai-2025", { start: { rate }, events: { probability: 0 } });
      const market = structuredClone(createGame(config, 1, seats(2)).market);
      applyEvent(config, market, [], { kind: "rateChange", delta });
      expect(market.rate).toBe(rate);
    }
  });
});
