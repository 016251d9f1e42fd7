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
