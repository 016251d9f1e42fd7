import type { Room } from "@colyseus/sdk";
import { describe, expect, test } from "vitest";
import { Inbox } from "../../client/net/inbox.js";
import type { GameState } from "../../shared/engine/types.js";
import { privateMessage, privateView } from "../../shared/private.js";
import type { PrivateView } from "../../shared/schemas/protocol.js";
import { configFor, playRandomGame } from "../helpers/play.js";

/** The part of an SDK room the inbox uses: message handlers, fed by the test. */
function fakeRoom() {
  const handlers = new Map<string, (message: unknown) => void>();
  const room = { onMessage: (type: string, handler: (message: unknown) => void) => handlers.set(type, handler) } as unknown as Room;
  const deliver = (type: string, message: unknown) => handlers.get(type)?.(JSON.parse(JSON.stringify(message)));
  return { room, deliver };
}

describe("the inbox keeps the firm's whole private view", () => {
  const { states } = playRandomGame(configFor("ai-2025", { quarters: 12 }), 3, 4, 4);
  const at = (q: number) => privateView(states[q] as GameState, "f1", undefined) as PrivateView;

  test("a whole view, then each quarter's change: the panel gets the whole view every time", () => {
    const { room, deliver } = fakeRoom();
    const inbox = new Inbox(room);
    const seen: PrivateView[] = [];
    inbox.on("private", (view) => seen.push(view));
    deliver("private", privateMessage(at(0), undefined));
    for (let q = 1; q <= 12; q++) deliver("private", privateMessage(at(q), at(q - 1)));
    expect(seen).toHaveLength(13);
    const last = inbox.last("private");
    expect(last?.firm.cash).toBe(at(12).firm.cash);
    expect(last?.firm.name).toBe(at(12).firm.name);
    expect(last?.market.sectorTam).toEqual(at(12).market.sectorTam);
    expect(last?.firm.history.map((r) => r.quarter)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(last?.market.history.map((r) => r.quarter)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  test("after a reconnection the whole view replaces what was held", () => {
    const { room, deliver } = fakeRoom();
    const inbox = new Inbox(room);
    deliver("private", privateMessage(at(0), undefined));
    deliver("private", privateMessage(at(1), at(0)));
    deliver("private", privateMessage(at(5), undefined));
    expect(inbox.last("private")?.firm.history.map((r) => r.quarter)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(inbox.last("private")?.quarter).toBe(5);
  });
});
