import { describe, expect, test } from "vitest";
import { Roster } from "../../server/game/roster.js";
import { DisplayNameSchema } from "../../shared/schemas/protocol.js";

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
    // Compared by nameKey: full-width letters make the same name.
    expect(restored.named("ＡＤＡ")?.id).toBe("p0");
    expect(restored.addSeat("pivot").firmId).toBe("f5");
  });
});

describe("names", () => {
  const parse = (raw: string) => DisplayNameSchema.safeParse(raw);
  const accepted = (raw: string) => {
    const result = parse(raw);
    if (!result.success) throw new Error(`refused ${JSON.stringify(raw)}: ${result.error.issues[0]?.message}`);
    return result.data;
  };
  const refusal = (raw: string) => {
    const result = parse(raw);
    return result.success ? null : (result.error.issues[0]?.message ?? "");
  };

  test('"Ada L" with a non-breaking space (or an ideographic one, or two spaces) is "Ada L": one player, not two', () => {
    for (const spelling of ["Ada\u00A0L", "Ada\u3000L", "Ada  L", " Ada L ", "Ada\u2009L"]) expect(accepted(spelling)).toBe("Ada L");
    const roster = seated(["Ada L"]);
    expect(roster.nameTaken(accepted("ada\u00A0l"))).toBe(true);
    // A name stored before normalisation matches too.
    const old = seated(["Bo\u00A0K"]);
    expect(old.nameTaken("bo k")).toBe(true);
  });

  test("invisible and filler characters are refused, with the character named", () => {
    for (const [raw, point] of [
      ["\u3164", "U+1160"], // Hangul filler (NFKC makes it U+1160, the jungseong filler)
      ["\u2800", "U+2800"], // blank braille pattern
      ["\u115F\u1160", "U+115F"], // Hangul choseong and jungseong fillers
      ["A\u200Bda", "U+200B"], // zero-width space
      ["Ada\u200E", "U+200E"], // left-to-right mark
      ["\uFEFFAda", "U+FEFF"],
      ["A\u00ADda", "U+00AD"], // soft hyphen
      ["Ada\u2060", "U+2060"], // word joiner
      ["Ad\u200Da", "U+200D"], // a joiner between letters
      ["\uFFA0", "U+1160"], // halfwidth Hangul filler, likewise
    ] as const) {
      expect(refusal(raw), JSON.stringify(raw)).toContain(point);
    }
    expect(refusal("\u0301")).toContain("combining mark");
    expect(refusal("Ada \u0301")).toContain("U+0301");
    expect(refusal("   ")).toContain("at least 1 character");
  });

  test("emoji with joiners, modifiers and variation selectors are fine, as are accents and other scripts", () => {
    for (const name of ["👩‍💻", "Ada 👩‍💻", "👨‍👩‍👧‍👦", "❤️", "👍🏽 Bo", "🏳️‍🌈", "🇫🇷 Zoé", "José", "Zoe\u0301", "李雷", "नमस्ते", "می\u200Cخواهم", "Ωmega"]) {
      expect(refusal(name), name).toBeNull();
    }
    expect(accepted("Zoe\u0301")).toBe("Zoé");
    expect(accepted("Ｆｕｌｌ")).toBe("Full");
  });
});
