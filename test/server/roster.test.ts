import { describe, expect, test } from "vitest";
import { Roster } from "../../server/game/roster.js";

function seated(names: string[], teamSize = 1, firms = 4): Roster {
  const roster = new Roster(teamSize, firms, ["pivot", "builder"]);
  for (const [i, name] of names.entries()) roster.add({ id: `p${i}`, name, token: `t${i}`.padEnd(20, "x"), firmId: `f${i + 1}` });
  return roster;
}

describe("the roster", () => {
  test("a change that cannot apply is refused before anything changes", () => {
    const roster = seated(["Ada", "Bo", "Cy"]);
    expect(roster.checkResize(2)).toMatchObject({ ok: false, code: "BAD_SETTINGS" });
    expect(roster.resize(2, ["pivot"])).toMatchObject({ ok: false });
    expect(roster.size).toBe(4);
    expect(roster.checkTeamSize(2)).toEqual({ ok: true });
  });

  test("a new bot list is dealt to the seats no player holds, by position", () => {
    const roster = seated(["Ada"]);
    roster.assignBots(["scaler", "open"]);
    expect(roster.seats.map((s) => s.bot)).toEqual(["pivot", "open", "scaler", "open"]);
  });

  test("the host role passes to the next player when the host leaves the lobby", () => {
    const roster = seated(["Ada", "Bo"]);
    expect(roster.players.map((p) => p.host)).toEqual([true, false]);
    roster.remove("p0");
    expect(roster.players.map((p) => [p.name, p.host])).toEqual([["Bo", true]]);
  });

  test("names are unique whatever their case; a restored roster starts disconnected", () => {
    const roster = seated(["Ada"]);
    expect(roster.nameTaken("ADA")).toBe(true);
    const restored = Roster.restore(1, roster.seats, roster.players);
    expect(restored.players.map((p) => p.connected)).toEqual([false]);
    expect(restored.named("ada")?.id).toBe("p0");
    expect(restored.addSeat("pivot").firmId).toBe("f5");
  });
});
