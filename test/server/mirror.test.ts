import { describe, expect, test } from "vitest";
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
