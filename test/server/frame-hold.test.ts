import { ClientState } from "colyseus";
import { describe, expect, test } from "vitest";
import { applyStep, type EffectTargets } from "../../server/rooms/effects.js";
import { type Corkable, FrameHold, socketOf } from "../../server/rooms/frame-hold.js";
import { PrivateFeed } from "../../server/rooms/private-feed.js";
import { type MarketClient, Sessions } from "../../server/rooms/sessions.js";
import { MarketRoomState } from "../../server/rooms/state.js";
import { Table } from "./flow-helpers.js";

/** A socket that writes what it is given unless corked, as a Node socket does: each uncorked burst is one write call. */
class FakeSocket implements Corkable {
  corked = 0;
  destroyed = false;
  readonly writes: string[][] = [];
  private buffer: string[] = [];
  cork(): void {
    this.corked++;
  }
  uncork(): void {
    if (this.corked > 0) this.corked--;
    if (this.corked === 0 && this.buffer.length > 0) {
      this.writes.push(this.buffer);
      this.buffer = [];
    }
  }
  write(frame: string): void {
    this.buffer.push(frame);
    if (this.corked === 0) this.uncork();
  }
}

/** A joined connection over a FakeSocket: every frame is written through a cork of its own, as `ws` writes one. */
function connection(sessionId: string, state: number = ClientState.JOINED): { client: MarketClient; socket: FakeSocket } {
  const socket = new FakeSocket();
  const frame = (name: string) => {
    socket.cork();
    socket.write(name);
    socket.uncork();
  };
  const client = { sessionId, state, ref: { _socket: socket }, send: (type: string) => frame(type), leave: () => undefined } as unknown as MarketClient;
  return { client, socket };
}

describe("frames held until the next patch", () => {
  test("a held socket's frames leave in one write at the release; a destroyed or unknown socket is left alone", () => {
    const hold = new FrameHold();
    const socket = new FakeSocket();
    hold.hold(socket);
    hold.hold(socket); // held once
    socket.write("private");
    socket.write("patch");
    expect(socket.writes).toEqual([]);
    hold.release();
    expect(socket.writes).toEqual([["private", "patch"]]);
    expect(socket.corked).toBe(0);
    const gone = new FakeSocket();
    gone.destroyed = true;
    hold.hold(gone);
    hold.hold(undefined);
    expect([gone.corked, hold.size]).toEqual([0, 0]);
    expect(socketOf({ send: () => undefined })).toBeUndefined();
  });

  test("after a resolution every joined player's private message waits for the patch and leaves with it; a joining one's and acknowledgements do not wait", () => {
    const t = new Table({ newsSeconds: 0, reportSeconds: 30, decisionSeconds: 300, firms: 2, seed: "frame-hold" });
    const ada = t.join("Ada");
    const bo = t.join("Bo");
    const frames = new FrameHold();
    const sessions = new Sessions<MarketClient>(() => undefined);
    const a = connection("sa");
    const b = connection("sb", ClientState.JOINING);
    sessions.bind(a.client, { playerId: ada, facilitator: false });
    sessions.bind(b.client, { playerId: bo, facilitator: false });
    const targets = {
      flow: t.flow,
      state: new MarketRoomState(),
      sessions,
      desk: { update: () => undefined, open: () => undefined },
      feed: new PrivateFeed(),
      timers: { start: () => undefined, cancel: () => undefined, watchIdle: () => undefined },
      room: {
        code: "TESTAB",
        persist: () => undefined,
        settle: () => undefined,
        setPrivate: () => undefined,
        keepAlive: () => undefined,
        finished: () => undefined,
        dispose: () => undefined,
      },
      frames,
    } as unknown as EffectTargets;
    applyStep(targets, t.ok(ada, "start"));
    frames.release();
    a.socket.writes.length = 0;
    applyStep(targets, t.ok(ada, "submit", { action: { train: 1 } }));
    expect(a.socket.writes).toEqual([["accepted"]]); // at once
    applyStep(targets, t.ok(bo, "submit", { action: { train: 1 } })); // the last firm in: the quarter resolves
    expect(t.quarter).toBe(1);
    expect(a.socket.writes).toEqual([["accepted"]]); // Ada's private message waits…
    expect(b.socket.writes.flat()).toContain("private"); // …a connection still joining is not held
    const patch = () => {
      a.socket.cork();
      a.socket.write("patch");
      a.socket.uncork();
      frames.release();
    };
    patch();
    expect(a.socket.writes).toEqual([["accepted"], ["private", "patch"]]); // …and leaves with the patch, in one write
  });
});
