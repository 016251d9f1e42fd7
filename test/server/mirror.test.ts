import { describe, expect, test } from "vitest";
import { metadataOf, metadataUpdate } from "../../server/rooms/metadata.js";
import { mirrorRoster, mirrorSubmitted } from "../../server/rooms/mirror.js";
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
