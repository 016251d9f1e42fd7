import { describe, expect, test } from "vitest";
import { SettleQueue } from "../../server/rooms/settle.js";

/** A queue on a clock the test moves, whose turns run when the test says (as setImmediate's would, after the loop's I/O). */
function queueUnderTest(budgetMs: number) {
  let clock = 0;
  const turns: (() => void)[] = [];
  const queue = new SettleQueue(
    budgetMs,
    () => clock,
    (run) => turns.push(run),
  );
  const nextTurn = () => {
    const turn = turns.shift();
    if (!turn) throw new Error("no turn armed");
    turn();
  };
  return { queue, turns, nextTurn, spend: (ms: number) => (clock += ms) };
}

describe("the settle queue", () => {
  test("nothing runs where it is queued: it runs at the next turn, in order", () => {
    const { queue, turns, nextTurn } = queueUnderTest(2);
    const ran: string[] = [];
    queue.add(() => ran.push("a"));
    queue.add(() => ran.push("b"));
    expect(ran).toEqual([]);
    expect(turns).toHaveLength(1); // one turn armed for both
    nextTurn();
    expect(ran).toEqual(["a", "b"]);
    expect(turns).toHaveLength(0);
  });

  test("a turn stops once its budget is spent and goes on at the next, one at least per turn", () => {
    const { queue, turns, nextTurn, spend } = queueUnderTest(2);
    const ran: number[] = [];
    for (let i = 0; i < 5; i++)
      queue.add(() => {
        ran.push(i);
        spend(1.5); // each resolution takes 1.5 ms
      });
    nextTurn();
    expect(ran).toEqual([0, 1]); // 1.5 ms < 2: one more; 3 ms: the turn yields
    expect(queue.size).toBe(3);
    nextTurn();
    expect(ran).toEqual([0, 1, 2, 3]);
    queue.add(() => {
      ran.push(9);
      spend(10); // one resolution over the budget: the turn ends after it
    });
    queue.add(() => ran.push(10));
    nextTurn();
    expect(ran).toEqual([0, 1, 2, 3, 4, 9]);
    nextTurn();
    expect(ran).toEqual([0, 1, 2, 3, 4, 9, 10]);
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
