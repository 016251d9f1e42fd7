import { describe, expect, test } from "vitest";
import { SettleQueue } from "../../server/rooms/settle.js";

/** A queue whose turns run when the test says (as setImmediate's would, after the loop's I/O). */
function queueUnderTest() {
  const turns: (() => void)[] = [];
  const queue = new SettleQueue((run) => turns.push(run));
  const nextTurn = () => {
    const turn = turns.shift();
    if (!turn) throw new Error("no turn armed");
    turn();
  };
  return { queue, turns, nextTurn };
}

describe("the settle queue", () => {
  test("nothing runs where it is queued: it runs at the next turn, in order, however many", () => {
    const { queue, turns, nextTurn } = queueUnderTest();
    const ran: number[] = [];
    for (let i = 0; i < 50; i++) queue.add(() => ran.push(i));
    expect(ran).toEqual([]);
    expect(turns).toHaveLength(1); // one turn armed for all
    nextTurn();
    expect(ran).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(turns).toHaveLength(0);
  });

  test("one queued during a turn waits for the next turn", () => {
    const { queue, turns, nextTurn } = queueUnderTest();
    const ran: string[] = [];
    queue.add(() => {
      ran.push("a");
      queue.add(() => ran.push("c"));
    });
    queue.add(() => ran.push("b"));
    nextTurn();
    expect(ran).toEqual(["a", "b"]);
    expect(queue.size).toBe(1);
    nextTurn();
    expect(ran).toEqual(["a", "b", "c"]);
    expect(turns).toHaveLength(0);
  });

  test("on the real loop, frames already waiting are handled before a queued resolution", async () => {
    const queue = new SettleQueue();
    const order: string[] = [];
    await new Promise<void>((done) => {
      // A frame handler that completes a quarter queues the resolution; the frame read in the same turn goes first.
      setTimeout(() => {
        queue.add(() => {
          order.push("resolution");
          done();
        });
        order.push("ack 1");
      });
      setTimeout(() => order.push("ack 2"));
    });
    expect(order).toEqual(["ack 1", "ack 2", "resolution"]);
  });
});
