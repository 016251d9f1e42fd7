import { describe, expect, test } from "vitest";
import { mirror } from "../../server/rooms/effects.js";
import { metadataOf, metadataUpdate } from "../../server/rooms/metadata.js";
import { mirrorGame, mirrorRoster, mirrorSubmitted } from "../../server/rooms/mirror.js";
import { MarketRoomState } from "../../server/rooms/state.js";
import { Table } from "./flow-helpers.js";

describe("the submitted mirror", () => {
  test("after a submission, the one-flag mirror leaves the firms as the whole roster mirror does", () => {
    const t = new Table({ newsSeconds: 0, reportSeconds: 0, decisionSeconds: 30, firms: 3, seed: "mirror-submitted" });
    const ada = t.join("Ada");
    t.join("Bo");
    t.ok(ada, "start");
    const narrow = new MarketRoomState();
    mirrorRoster(narrow, t.flow.roster, t.flow.match);
    expect(narrow.firms.map((f) => f.submitted)).toEqual([false, false, true]); // f3 is a bot: in as decisions open
    t.ok(ada, "submit", { action: { train: 1 } });
    mirrorSubmitted(narrow, "f1", true);
    const whole = new MarketRoomState();
    mirrorRoster(whole, t.flow.roster, t.flow.match);
    expect(narrow.firms.map((f) => f.submitted)).toEqual([true, false, true]);
    expect(narrow.toJSON()).toEqual(whole.toJSON());
  });

  test("through a game with bots, a stand-in and timed phases, the narrow mirrors keep the roster as a whole re-sync would", () => {
    const t = new Table({ newsSeconds: 5, reportSeconds: 5, decisionSeconds: 30, firms: 4, seed: "mirror-game" });
    const ada = t.join("Ada");
    const bo = t.join("Bo");
    const synced = new MarketRoomState();
    let seen = 0;
    const check = () => {
      for (const effect of t.since(seen)) if (effect.type === "mirror") mirror(synced, t.flow, effect);
      seen = t.effects.length;
      const whole = new MarketRoomState();
      mirrorRoster(whole, t.flow.roster, t.flow.match, t.flow.asking);
      if (t.flow.match) mirrorGame(whole, t.flow.match.state);
      expect(synced.toJSON().firms).toEqual(whole.toJSON().firms);
      expect(synced.toJSON().players).toEqual(whole.toJSON().players);
    };
    check();
    t.ok(ada, "start");
    check();
    for (let q = 0; q < 4; q++) {
      while (t.phase !== "decide") {
        t.expire(); // report → news → decide: the bots' firms are in as decisions open
        check();
      }
      expect(synced.firms.map((f) => f.submitted)).toEqual([false, q >= 2, true, true]);
      t.ok(ada, "submit", { action: { train: 1 } });
      check();
      if (q === 0) t.ok(bo, "submit", { action: { train: 2 } });
      else if (q === 1) {
        t.step({ type: "drop", playerId: bo });
        t.step({ type: "leave", playerId: bo, now: t.now }); // past the grace period: a stand-in plays Bo's firm
      }
      check();
      if (t.phase === "decide") t.expire(); // the decision time runs out
      check();
      expect(t.quarter).toBe(q + 1);
    }
  });
});

describe("the lobby list's metadata", () => {
  test("set again only when something it shows changed: a join, a rename, the phase; never for a submission", () => {
    const t = new Table({ newsSeconds: 0, reportSeconds: 0, decisionSeconds: 30, firms: 2, seed: "metadata" });
    let meta = metadataUpdate(undefined, "TESTAB", t.flow);
    expect(meta).toEqual(metadataOf("TESTAB", t.flow));
    if (!meta) throw new Error("no metadata");
    expect(metadataUpdate(meta, "TESTAB", t.flow)).toBeNull();
    const ada = t.join("Ada");
    meta = metadataUpdate(meta, "TESTAB", t.flow) ?? meta;
    expect([meta.players, meta.host, meta.openSeats]).toEqual([1, "Ada", 1]);
    t.ok(ada, "configure", { name: "Friday market" });
    meta = metadataUpdate(meta, "TESTAB", t.flow) ?? meta;
    expect(meta.title).toBe("Friday market");
    t.ok(ada, "start");
    meta = metadataUpdate(meta, "TESTAB", t.flow) ?? meta;
    expect(meta.phase).toBe("decide");
    t.ok(ada, "submit", { action: { train: 1 } });
    expect(metadataUpdate(meta, "TESTAB", t.flow)).toBeNull();
  });
});
