import type { Room } from "@colyseus/sdk";
import { applyConsoleUpdate, type ServerMessages } from "../../shared/schemas/protocol.js";

type Listener<K extends keyof ServerMessages> = (message: ServerMessages[K]) => void;

/**
 * The server's messages to this player, with the latest of each kept: a scene that starts
 * after a message arrived (the panel after `private`) still finds it. A `consoleUpdate` is
 * applied to the last `console`, and listeners of `console` get the whole console.
 */
export class Inbox {
  private readonly latest: Partial<ServerMessages> = {};
  private readonly listeners = new Map<keyof ServerMessages, Set<Listener<never>>>();

  constructor(room: Room) {
    for (const type of ["private", "accepted", "draft", "rejected", "console"] as const) {
      room.onMessage(type, (message: ServerMessages[typeof type]) => this.deliver(type, message));
    }
    room.onMessage("consoleUpdate", (update: ServerMessages["consoleUpdate"]) => {
      const console = this.latest.console;
      if (console) this.deliver("console", applyConsoleUpdate(console, update));
    });
  }

  private deliver<K extends keyof ServerMessages>(type: K, message: ServerMessages[K]): void {
    this.latest[type] = message;
    for (const listener of this.listeners.get(type) ?? []) (listener as Listener<K>)(message);
  }

  last<K extends keyof ServerMessages>(type: K): ServerMessages[K] | undefined {
    return this.latest[type];
  }

  /** Calls `listener` on every message of `type`; returns the function that stops it. */
  on<K extends keyof ServerMessages>(type: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
    }
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }
}
