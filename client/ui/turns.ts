import type { Key } from "../../shared/i18n/catalog.js";
import { type TurnWords, turnWords, turnWordsFor } from "../../shared/words/turns.js";
import { roomConfig } from "../net/economy.js";

const memo = new Map<string, TurnWords>();

/**
 * How a room's turns read ("Quarter 3 of 16" or "Turn 3 of 8", shared/words/turns.ts), from its
 * synced settings: the scenario and length with the designer's override, whose clock may differ.
 */
export function roomTurns(settings: { scenario: string; quarters: number; economy: string }): TurnWords {
  const key = `${settings.scenario}|${settings.quarters}|${settings.economy}`;
  let words = memo.get(key);
  if (!words) {
    const config = roomConfig(settings);
    words = config.ok ? turnWords(config.value) : turnWordsFor(settings.quarters);
    memo.set(key, words);
  }
  return words;
}

/** Catalog keys that have a ".turn" variant: the same line for a game whose turn is not a quarter. */
type Turned = { [K in Key]: `${K}.turn` extends Key ? K : never }[Key];

/** `key`, or its ".turn" variant when this game's turns are not quarters of the story. */
export function turnKey<K extends Turned>(turns: TurnWords, key: K): K | `${K}.turn` {
  return turns.quarterly ? key : (`${key}.turn` as `${K}.turn`);
}
