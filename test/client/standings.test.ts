import { describe, expect, test } from "vitest";
import { playedByLine } from "../../client/ui/standings-words.js";
import { translator } from "../../shared/i18n/catalog.js";
import { list } from "../../shared/i18n/format.js";

const state = {
  firms: [
    { id: "f1", name: "Northwind", bot: "builder" },
    { id: "f2", name: "Helios", bot: "scaler" },
  ],
  players: [
    { id: "p1", name: "Ada", firmId: "f1" },
    { id: "p2", name: "Grace", firmId: "f1" },
  ],
} as unknown as Parameters<typeof playedByLine>[0];

describe("who played each firm, in the final standings", () => {
  test("a firm held by students names them; a firm nobody held names its bot, in both languages", () => {
    const en = translator("en");
    const zh = translator("zh-CN");
    expect(playedByLine(state, "f1", en, (names) => list("en", names))).toBe("Ada and Grace");
    expect(playedByLine(state, "f1", zh, (names) => list("zh-CN", names))).toBe("Ada 和 Grace");
    expect(playedByLine(state, "f2", en)).toBe(`${en("common.bot.scaler")} bot`);
    expect(playedByLine(state, "f2", en)).not.toContain("f2");
    expect(playedByLine(state, "f2", zh)).toContain("机器人");
  });
});
