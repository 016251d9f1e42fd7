import { parseEconomyText } from "../../shared/config/override.js";
import type { DebriefInput } from "../../shared/debrief/input.js";
import { marketPoints, reportRows } from "../../shared/synced.js";
import type { MarketRoomStateShape } from "../net/state.js";

/** The debrief's input from the synced room state at game over (plain copies: the state may change later). */
export function debriefInputFrom(state: MarketRoomStateShape, mine?: string | null): DebriefInput {
  return {
    code: state.code,
    scenario: state.settings.scenario,
    quarters: state.settings.quarters,
    ...economyOf(state.settings.economy),
    bots: [...state.settings.bots],
    firms: state.firms.map((f) => ({
      id: f.id,
      name: f.name,
      bot: f.bot,
      human: f.controller !== "bot",
      history: reportRows(f).map((r) => ({
        quarter: r.quarter,
        operatingProfit: r.operatingProfit,
        fundamentals: r.fundamentals,
        valuation: r.valuation,
        delisted: r.delisted,
      })),
    })),
    market: marketPoints(state.market).map((p) => ({
      quarter: p.quarter,
      sentiment: p.sentiment,
      bubbleRatio: p.bubbleRatio,
      totalValuation: p.totalValuation,
      totalFundamentals: p.totalFundamentals,
      correction: p.correction,
      correctionStarted: p.correctionStarted,
    })),
    standings: state.standings.map((s) => ({
      rank: s.rank,
      firmId: s.firmId,
      name: s.name,
      score: s.score,
      valuation: s.valuation,
      valueCreated: s.valueCreated,
      delisted: s.delisted,
    })),
    ...(mine ? { mine } : {}),
  };
}

/** The synced override (compact JSON, "" for none) as the debrief's `economy`. */
function economyOf(text: string): { economy?: Record<string, unknown> } {
  const parsed = parseEconomyText(text);
  return parsed.ok && Object.keys(parsed.value).length > 0 ? { economy: parsed.value } : {};
}
