import type { MarketFlow } from "../flow/flow.js";
import type { Persist } from "../flow/types.js";
import type { GameStore } from "./games.js";

/** Writes what the flow asked for (a `persist` effect) from the flow's state as it stands. */
export function writeToStore(store: GameStore, code: string, flow: MarketFlow, write: Persist): void {
  const { roster } = flow;
  if (write.op === "lobby") {
    if (flow.phaseName === "lobby") {
      store.lobby({ code, mode: flow.mode, settings: flow.settings, seats: roster.seats, players: roster.players, keyHash: flow.keyHash, log: flow.log });
    }
    return;
  }
  const match = flow.match;
  if (!match) return;
  switch (write.op) {
    case "started":
      store.started(code, flow.settings, match.record, roster.seats, roster.players, {
        mode: flow.mode,
        keyHash: flow.keyHash ?? "",
        log: flow.log,
        queued: match.injections,
      });
      return;
    case "resolved":
      store.resolved(code, write.quarter, write.actions, write.injections, roster.players, write.over);
      return;
    case "logged":
      store.logged(code, flow.log, match.injections);
      return;
    case "rostered":
      store.rostered(code, roster.seats, roster.players);
      return;
    case "ended":
      store.ended(code);
      return;
    case "paused":
      store.pausedAs(code, write.paused);
      return;
  }
}
