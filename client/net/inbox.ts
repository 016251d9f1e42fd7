import type { Room } from "@colyseus/sdk";
import { actionOf } from "../../shared/positional.js";
import { mergePrivate } from "../../shared/private.js";
import type { Action } from "../../shared/schemas/action.js";
import { applyConsoleUpdate, type PrivateView, type ServerMessages } from "../../shared/schemas/protocol.js";

/** The messages as the inbox hands them out: `private` merged into the firm's whole view, `accepted`'s action keyed. */
export type InboxMessages = Omit<ServerMessages, "private" | "accepted"> & {
  private: PrivateView;
  accepted: Omit<ServerMessages["accepted"], "action"> & { action: Action };
};

type Listener<K extends keyof InboxMessages> = (message: InboxMessages[K]) => void;

/**
 * The server's messages to this player, with the latest of each kept: a scene that starts
 * after a message arrived (the panel after `private`) still finds it. `private` arrives whole
 * first and then as changes; the inbox keeps and hands out the whole view. A `consoleUpdate`
 * is applied to the last `console`, and listeners of `console` get the whole console.
 */
export class Inbox {
  private readonly latest: Partial<InboxMessages> = {};
  private readonly listeners = new Map<keyof InboxMessages, Set<Listener<never>>>();

  constructor(room: Room) {
    room.onMessage("private", (message: ServerMessages["private"]) => {
      const view = mergePrivate(this.latest.private, message);
      if (view) this.deliver("private", view);
    });
    room.onMessage("accepted", (message: ServerMessages["accepted"]) => {
      const action = actionOf(message.action);
      if (action) this.deliver("accepted", { ...message, action });
    });
    for (const type of ["draft", "rejected", "console"] as const) {
      room.onMessage(type, (message: ServerMessages[typeof type]) => this.deliver(type, message));
    }
    room.onMessage("consoleUpdate", (update: ServerMessages["consoleUpdate"]) => {
      const console = this.latest.console;
      if (console) this.deliver("console", applyConsoleUpdate(console, update));
    });
  }

  private deliver<K extends keyof InboxMessages>(type: K, message: InboxMessages[K]): void {
    this.latest[type] = message;
    for (const listener of this.listeners.get(type) ?? []) (listener as Listener<K>)(message);
  }

  last<K extends keyof InboxMessages>(type: K): InboxMessages[K] | undefined {
    return this.latest[type];
  }

  /** Calls `listener` on every message of `type`; returns the function that stops it. */
  on<K extends keyof InboxMessages>(type: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
    }
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }
}
