import { type Translate, translator } from "../i18n/catalog.js";
import type { GameEvent, Injection } from "../schemas/injection.js";
import { isSectorId } from "../schemas/vocabulary.js";

/**
 * The game's events and the facilitator's injections in plain words, for every place a person
 * reads them: the news ticker, the console (inject form, queue, log) and the game log the
 * server exports. Each function takes the reader's `t` last (English when left out); the words
 * are in the `events` catalog area (shared/i18n/messages/events.ts).
 */

const ENGLISH = translator("en");

/** A fraction as a whole percentage without its sign (the sentence says which way): -0.3 → 30. */
function wholePercent(fraction: number): number {
  return Math.round(Math.abs(fraction * 100));
}

/**
 * One plain sentence per market event for the news ticker: what happened and what it does
 * to the players (see shared/engine/events.ts for the rules behind each).
 */
export function eventSentence(event: GameEvent, t: Translate = ENGLISH): string {
  switch (event.kind) {
    case "gpuShock": {
      const change = wholePercent(event.factor - 1);
      if (event.scope === "all") return event.factor >= 1 ? t("events.gpuShock.all.dearer", { change }) : t("events.gpuShock.all.cheaper", { change });
      return event.factor >= 1 ? t("events.gpuShock.vendor.dearer", { change }) : t("events.gpuShock.vendor.cheaper", { change });
    }
    case "openRelease":
      return t("events.openRelease", { count: Math.round(event.jump) });
    case "scalingWall":
      return t("events.scalingWall", { change: wholePercent(1 - event.factor) });
    case "rateChange": {
      const count = Number(Math.abs(event.delta * 100).toFixed(2));
      return event.delta > 0 ? t("events.rateHike", { count }) : t("events.rateCut", { count });
    }
    case "adoptionWave":
      return t("events.adoptionWave", { sector: sectorName(event.sector, t), change: wholePercent(event.factor - 1) });
    case "provenanceScandal":
      return t("events.provenanceScandal", { sector: sectorName(event.sector, t) });
    case "mediaLaw":
      return t("events.mediaLaw");
    case "sectorRegulation":
      return t(event.regulated ? "events.sectorRegulation.on" : "events.sectorRegulation.off", { sector: sectorName(event.sector, t) });
    case "selloff":
      return t("events.selloff", { change: wholePercent(event.depth) });
  }
}

/** A regulatory regime in words ("model-level licences"); an unknown id as it is. */
export function regimeName(regime: string, t: Translate = ENGLISH): string {
  switch (regime) {
    case "application":
      return t("events.regime.application");
    case "model":
      return t("events.regime.model");
    case "none":
      return t("events.regime.none");
    default:
      return regime;
  }
}

/** A facilitator's injection in one sentence. */
export function injectionSentence(injection: Injection, t: Translate = ENGLISH): string {
  switch (injection.kind) {
    case "event":
      return eventSentence(injection.event, t);
    case "regime":
      return t("events.regimeSwitch", { regime: regimeName(injection.regime, t) });
    case "disclosure":
      return t(injection.on ? "events.disclosure.on" : "events.disclosure.off");
  }
}

/** A sector's name for the middle of a sentence ("customer support agents"); an unknown id as it is. */
export function sectorName(id: string, t: Translate = ENGLISH): string {
  return isSectorId(id) ? t(`events.sector.${id}`) : id;
}
