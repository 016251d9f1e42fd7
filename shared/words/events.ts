import { DEFAULT_CONFIG } from "../config/scenarios.js";
import type { GameEvent, Injection } from "../schemas/injection.js";
import { isSectorId } from "../schemas/vocabulary.js";

/**
 * The game's events and the facilitator's injections in plain words, for every place a person
 * reads them: the news ticker, the console, and the game log the server writes (and exports).
 */

/**
 * One plain sentence per market event for the news ticker: what happened and what it does
 * to the players (see shared/engine/events.ts for the rules behind each).
 */
export function eventSentence(event: GameEvent): string {
  switch (event.kind) {
    case "gpuShock": {
      const change = percent(event.factor - 1);
      const direction = event.factor >= 1 ? `${change} dearer` : `${change} cheaper`;
      return event.scope === "all"
        ? `GPU shock: compute is ${direction} for everyone.`
        : `GPU shock at a chip vendor: compute on locked contracts is ${direction}.`;
    }
    case "openRelease":
      return `Open-model release: the free baseline jumps ${event.jump.toFixed(0)} capability points, and anyone may build apps on it.`;
    case "scalingWall":
      return `"Scaling wall" paper: every extra unit of training compute now buys ${percent(1 - event.factor)} less capability.`;
    case "rateChange": {
      const points = Number(Math.abs(event.delta * 100).toFixed(2));
      const size = `${points} percentage point${points === 1 ? "" : "s"}`;
      return event.delta > 0
        ? `Rate hike of ${size}: future profits are worth less today, and a correction grows likelier.`
        : `Rate cut of ${size}: future profits are worth more today.`;
    }
    case "adoptionWave":
      return `Enterprise adoption wave: the ${sectorName(event.sector)} market grows ${percent(event.factor - 1)}.`;
    case "provenanceScandal":
      return `Data-provenance scandal in ${sectorName(event.sector)}: trust in the sector falls, sentiment dips, and firms without compliance lose data moat.`;
    case "mediaLaw":
      return "Synthetic-media disclosure law: media apps now need disclosure compliance.";
    case "sectorRegulation":
      return event.regulated
        ? `${capitalised(sectorName(event.sector))} is now regulated: incidents and fines become possible.`
        : `${capitalised(sectorName(event.sector))} is deregulated.`;
    case "selloff":
      return `Trillion-dollar sell-off: market sentiment falls ${percent(event.depth)}, and a correction grows likelier.`;
  }
}

/** The regulatory regimes in words. */
export const REGIME_WORDS: Record<string, string> = {
  application: "application-level regulation",
  model: "model-level licences",
  none: "no regulation",
};

/** A facilitator's injection in one sentence. */
export function injectionSentence(injection: Injection): string {
  switch (injection.kind) {
    case "event":
      return eventSentence(injection.event);
    case "regime":
      return `Regime switch: ${REGIME_WORDS[injection.regime] ?? injection.regime}.`;
    case "disclosure":
      return injection.on ? "Disclosure rule on: investors weigh unit economics over narrative." : "Disclosure rule off: investors go back to narrative.";
  }
}

/** A sector's name for the middle of a sentence ("customer support agents"). */
export function sectorName(id: string): string {
  const name = isSectorId(id) ? DEFAULT_CONFIG.sectors[id].name : id;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function percent(fraction: number): string {
  return `${Math.abs(fraction * 100).toFixed(0)}%`;
}
