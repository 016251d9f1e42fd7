import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GameState } from "../../shared/engine/types.js";
import { viewFor } from "../../shared/engine/view.js";
import { mergePrivate, privateFields, privateMessage, privateView } from "../../shared/private.js";
import type { Action } from "../../shared/schemas/action.js";
import { PRIVATE_COLUMNS, PRIVATE_HISTORY, type PrivateMessage, type PrivateView } from "../../shared/schemas/protocol.js";
import { ALL_SCENARIOS, configFor, playRandomGame } from "../helpers/play.js";

/** As the message travels: plain JSON. */
const wire = (message: PrivateMessage): PrivateMessage => JSON.parse(JSON.stringify(message));

/** What a firm's member should hold at `state`: the engine's firm view, with the last PRIVATE_HISTORY quarters. */
function expected(state: GameState, firmId: string): unknown {
  const view = viewFor(state, { kind: "firm", firmId });
  return JSON.parse(
    JSON.stringify({
      quarter: state.quarter,
      firm: { ...view.self, history: view.self.history.slice(-PRIVATE_HISTORY) },
      limits: view.limits,
      market: { ...view.market, history: view.market.history.slice(-PRIVATE_HISTORY) },
      pending: null,
      submittedBy: null,
    }),
  );
}

describe("the private message: whole once, then only what changed", () => {
  it("a member who merges every quarter's change holds exactly the firm's whole view, and one who joins late gets it whole", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_SCENARIOS), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 6 }), (scenario, seed, firms) => {
        const { states } = playRandomGame(configFor(scenario, { quarters: 14 }), seed, firms, seed + 1);
        const firmId = "f2";
        let sent: PrivateView | undefined;
        let held: PrivateView | undefined;
        states.forEach((state, q) => {
          const view = privateView(state, firmId, undefined) as PrivateView;
          const sentMessage = wire(privateMessage(view, sent));
          const message = privateFields(sentMessage);
          sent = view;
          expect(message.full).toBe(q === 0);
          held = mergePrivate(held, sentMessage);
          expect(held).toEqual(expected(state, firmId));
          if (q > 0) {
            // One quarter of history each, and only the figures that moved.
            expect(message.firmHistory.map((row) => row[PRIVATE_COLUMNS.firmReport.indexOf("quarter")])).toEqual([q]);
            expect(message.marketHistory.map((row) => row[PRIVATE_COLUMNS.marketReport.indexOf("quarter")])).toEqual([q]);
            const changed = message.firm.filter((_, i) => i % 2 === 0).map((column) => PRIVATE_COLUMNS.firm[column as number]);
            expect(changed).not.toContain("id");
            expect(changed).not.toContain("name");
            // The last action travels as values without keys (its keys were ~118 of a change's ~840 bytes).
            const at = changed.indexOf("lastAction");
            if (at >= 0) expect(JSON.stringify(message.firm[2 * at + 1])).not.toMatch(/train|apps|hardware|[a-z]{5}"\s*:/);
          }
          // A connection that has nothing yet gets the whole view.
          const late = wire(privateMessage(view, undefined));
          expect(privateFields(late).full).toBe(true);
          expect(mergePrivate(undefined, late)).toEqual(expected(state, firmId));
        });
      }),
      { numRuns: 25 },
    );
  });

  it("members of several firms, each from the view it last got (every quarter, every other, or none), each hold their firm's whole view", () => {
    const { states } = playRandomGame(configFor("ai-2025", { quarters: 10 }), 11, 4, 12);
    // f1's member gets every quarter, f2's and a second f1 member every other quarter, f3's only from quarter 5 (whole).
    const members = [
      { firmId: "f1", every: 1, from: 0 },
      { firmId: "f2", every: 2, from: 0 },
      { firmId: "f1", every: 2, from: 1 },
      { firmId: "f3", every: 1, from: 5 },
    ].map((m) => ({ ...m, sent: undefined as PrivateView | undefined, held: undefined as PrivateView | undefined }));
    states.forEach((state, q) => {
      for (const member of members) {
        if (q < member.from || (q - member.from) % member.every !== 0) continue;
        const view = privateView(state, member.firmId, undefined) as PrivateView;
        member.held = mergePrivate(member.held, wire(privateMessage(view, member.sent)));
        member.sent = view;
        expect(member.held).toEqual(expected(state, member.firmId));
      }
    });
  });

  it("a change is a fraction of the whole view once the game is under way", () => {
    const { states } = playRandomGame(configFor("ai-2025", { quarters: 12 }), 7, 6, 8);
    const at = (q: number) => privateView(states[q] as GameState, "f1", undefined) as PrivateView;
    const whole = JSON.stringify(privateMessage(at(10), undefined)).length;
    const change = JSON.stringify(privateMessage(at(10), at(9))).length;
    expect(change).toBeLessThan(whole / 4);
    // A list, not a map: no field names but the columns of the whole view (they were ~96 bytes a change).
    expect(JSON.stringify(privateMessage(at(10), at(9)))).not.toMatch(/"(quarter|full|firmHistory|marketHistory|limits|maxRaise|pending|submittedBy)"/);
  });

  it("a pending action and who submitted it read back as sent, in a whole message and in a change", () => {
    const { states } = playRandomGame(configFor("ai-2025", { quarters: 4 }), 5, 3, 6);
    const action = { ...(states[2] as GameState).firms[0]?.lastAction, apps: { medical: 12.5, support: 3 } } as Action;
    const view = privateView(states[2] as GameState, "f1", { action, by: "Ada" }) as PrivateView;
    const before = privateView(states[1] as GameState, "f1", undefined) as PrivateView;
    for (const message of [privateMessage(view, undefined), privateMessage(view, before)]) {
      const held = mergePrivate(before, wire(message));
      expect(held?.pending).toEqual(action);
      expect(held?.submittedBy).toBe("Ada");
    }
  });

  it("a change with nothing to apply to is not merged", () => {
    const { states } = playRandomGame(configFor("ai-2025", { quarters: 4 }), 1, 2, 2);
    const at = (q: number) => privateView(states[q] as GameState, "f1", undefined) as PrivateView;
    expect(mergePrivate(undefined, privateMessage(at(2), at(1)))).toBeUndefined();
  });
});
