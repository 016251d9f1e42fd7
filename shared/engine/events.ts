import { nextFloat, nextInt, nextRange, pickWeighted, type RngState } from "../rng.js";
import { type EconomyConfig, RATE_BOUNDS } from "../schemas/config.js";
import type { GameEvent } from "../schemas/injection.js";
import { EVENT_KINDS, SECTOR_IDS } from "../schemas/vocabulary.js";
import { clockOf } from "./clock.js";
import { clamp } from "./math.js";
import { complianceLevel } from "./rules/compliance.js";
import type { FirmState, MarketState } from "./types.js";

const weightsByDeck = new WeakMap<EconomyConfig["events"], readonly number[] | null>();

/** The last deck asked for and its weights (a simulator draws from the same deck every quarter: no weak-map lookup then). */
let lastDeck: EconomyConfig["events"] | null = null;
let lastWeights: readonly number[] | null = null;

/** The deck's weights in `EVENT_KINDS` order, or null when none is positive (memoised per config). */
function deckWeights(deck: EconomyConfig["events"]): readonly number[] | null {
  if (deck === lastDeck) return lastWeights;
  let weights = weightsByDeck.get(deck);
  if (weights === undefined) {
    const list = EVENT_KINDS.map((kind) => deck.weights[kind]);
    weights = list.every((w) => w <= 0) ? null : list;
    weightsByDeck.set(deck, weights);
  }
  lastDeck = deck;
  lastWeights = weights;
  return weights;
}

/** A sector drawn uniformly (one draw). */
function drawSector(rng: RngState): (typeof SECTOR_IDS)[number] {
  return SECTOR_IDS[nextInt(rng, 0, SECTOR_IDS.length - 1)] as (typeof SECTOR_IDS)[number];
}

/** Draws the coming quarter's news from the seeded deck: at most one event, as often per quarter of the story at any game length. */
export function drawNews(config: EconomyConfig, market: MarketState, rng: RngState): GameEvent[] {
  const deck = config.events;
  if (nextFloat(rng) >= clockOf(config).eventProbability) return [];
  const weights = deckWeights(deck);
  if (weights === null) return [];
  const kind = EVENT_KINDS[pickWeighted(rng, weights)] as GameEvent["kind"];
  switch (kind) {
    case "gpuShock": {
      const scope = nextFloat(rng) < deck.vendorShare ? "vendor" : "all";
      const range = nextFloat(rng) < 0.5 ? deck.gpuShockUp : deck.gpuShockDown;
      return [{ kind, scope, factor: nextRange(rng, range[0], range[1]) }];
    }
    case "openRelease":
      return [{ kind, jump: nextRange(rng, deck.openReleaseJump[0], deck.openReleaseJump[1]) }];
    case "scalingWall":
      return [{ kind, factor: nextRange(rng, deck.scalingWallFactor[0], deck.scalingWallFactor[1]) }];
    case "rateChange":
      return [{ kind, delta: nextFloat(rng) < 0.5 ? deck.rateStep : -deck.rateStep }];
    case "adoptionWave":
      return [{ kind, sector: drawSector(rng), factor: nextRange(rng, deck.adoptionWaveFactor[0], deck.adoptionWaveFactor[1]) }];
    case "provenanceScandal":
      return [{ kind, sector: drawSector(rng) }];
    case "mediaLaw":
      return [{ kind }];
    case "sectorRegulation": {
      const id = drawSector(rng);
      return [{ kind, sector: id, regulated: !market.sectorRegulated[SECTOR_IDS.indexOf(id)] }];
    }
    case "selloff":
      return [{ kind, depth: nextRange(rng, deck.selloffDepth[0], deck.selloffDepth[1]) }];
  }
}

/**
 * Applies one event to the market (and firms, for a scandal). Returns the extra correction
 * hazard it brings this quarter.
 */
export function applyEvent(config: EconomyConfig, market: MarketState, firms: FirmState[], event: GameEvent): number {
  const deck = config.events;
  switch (event.kind) {
    case "gpuShock":
      if (event.scope === "all") market.computePrice = Math.max(config.compute.floor, market.computePrice * event.factor);
      else market.vendorShock *= event.factor;
      return 0;
    case "openRelease":
      market.openBaseline = Math.min(config.capability.capMax, market.openBaseline + event.jump);
      market.outsideOpenBaseline = Math.min(config.capability.capMax, market.outsideOpenBaseline + event.jump);
      return 0;
    case "scalingWall":
      market.alpha *= event.factor;
      return 0;
    case "rateChange":
      // Same bounds as the config's start rate, so a hike never lowers the rate nor a cut raises it.
      market.rate = clamp(market.rate + event.delta, RATE_BOUNDS[0], RATE_BOUNDS[1]);
      return event.delta > 0 ? deck.rateHikeHazard : 0;
    case "adoptionWave": {
      const s = SECTOR_IDS.indexOf(event.sector);
      market.sectorTam[s] = (market.sectorTam[s] as number) * event.factor;
      return 0;
    }
    case "provenanceScandal": {
      const s = SECTOR_IDS.indexOf(event.sector);
      market.sectorTrust[s] = (market.sectorTrust[s] as number) * (1 - deck.scandalTrustLoss);
      market.sentiment = Math.max(config.sentiment.floor, market.sentiment * (1 - config.regulation.sentimentHit));
      for (const firm of firms) {
        if (!firm.delisted && complianceLevel(firm) < config.regulation.complianceTier) firm.dataMoat *= 1 - deck.scandalMoatLoss;
      }
      return 0;
    }
    case "mediaLaw":
      market.mediaLaw = true;
      return 0;
    case "sectorRegulation":
      market.sectorRegulated[SECTOR_IDS.indexOf(event.sector)] = event.regulated;
      return 0;
    case "selloff":
      market.sentiment = Math.max(config.sentiment.floor, market.sentiment * (1 - event.depth));
      return deck.selloffHazard;
  }
}
