import type { MarketFlow } from "../flow/flow.js";
import type { Persist } from "../flow/types.js";
import type { GameStore } from "./games.js";

/** A store write, ready to run now or to be retried later. */
export type StoreWrite = (store: GameStore) => void;

/**
 * The write a `persist` effect asks for, with the flow's state as it stands now copied into
 * it, so a write retried after a store failure stores what was true when it was asked for
 * (writes are retried in order). Null: nothing to write.
 */
export function writeFor(code: string, flow: MarketFlow, write: Persist): StoreWrite | null {
  if (write.op === "dropLobby") return (store) => store.dropLobby(code);
  // Copied only for the writes that store them (a quarter's write stores the players, not the seats).
  const seats = () => structuredClone(flow.roster.seats);
  const players = () => structuredClone(flow.roster.players);
  if (write.op === "lobby") {
    if (flow.phaseName !== "lobby") return null;
    const lobby = {
      code,
      mode: flow.mode,
      settings: structuredClone(flow.settings),
      seats: seats(),
      players: players(),
      keyHash: flow.keyHash,
      log: [...flow.log],
    };
    return (store) => store.lobby(lobby);
  }
  const match = flow.match;
  if (!match) return null;
  switch (write.op) {
    case "started": {
      const { settings, mode, keyHash } = flow;
      const extras = { mode, keyHash: keyHash ?? "", log: write.log, queued: [...match.injections] };
      const [record, seated, joined] = [match.record, seats(), players()];
      return (store) => store.started(code, settings, record, seated, joined, extras);
    }
    case "resolved": {
      const { quarter, recorded, over } = write;
      // The roster as JSON is the copy (a structured clone of the players cost ~84,000 instructions a quarter, more than SQLite's own work).
      const joined = JSON.stringify(flow.roster.players);
      return (store) => store.resolved(code, quarter, recorded, joined, over);
    }
    case "logged": {
      const { entries } = write;
      const queued = [...match.injections];
      return (store) => store.appendLog(code, entries, queued);
    }
    case "rostered": {
      const [seated, joined] = [seats(), players()];
      return (store) => store.rostered(code, seated, joined);
    }
    case "ended":
      return (store) => store.ended(code);
    case "expired":
      return (store) => store.expired(code);
    case "paused": {
      const { paused } = write;
      return (store) => store.pausedAs(code, paused);
    }
  }
}
