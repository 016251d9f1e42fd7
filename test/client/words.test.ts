import { describe, expect, test } from "vitest";
import { loadMenuChoices, saveMenuChoices } from "../../client/net/menu-memory.js";
import { joinableGames, openGameLine } from "../../client/net/open-games.js";
import { seatBot, seatFirmName, seatPlayers } from "../../client/scenes/lobby-words.js";
import { actionErrorText, rejectionText } from "../../client/ui/action-error.js";
import { DEFAULT_CONFIG } from "../../shared/config/scenarios.js";
import { createGame } from "../../shared/engine/create.js";
import { validateAction } from "../../shared/engine/validate.js";
import { translator } from "../../shared/i18n/catalog.js";
import { MemoryStore } from "../helpers/memory-store.js";

/** What a person must never read: firm ids, field paths, camelCase names, raw event kinds. */
const LEAK = /\bf\d+\b|\bapps\.\w+|\b[a-z]+[A-Z]\w*\b|\bselloff\b/;

describe("an illegal action in a player's words", () => {
  const game = createGame(DEFAULT_CONFIG, "words", [
    { id: "f1", name: "Northwind" },
    { id: "f2", name: "Helios" },
  ]);
  const wordsFor = (raw: unknown) => {
    const result = validateAction(game, "f1", raw);
    if (result.ok) throw new Error("expected a rejection");
    return actionErrorText(result.error);
  };

  test("a negative amount names the sector by its label, not apps.support", () => {
    const text = wordsFor({ apps: { support: -100 } });
    expect(text).toBe(`${DEFAULT_CONFIG.sectors.support.name} cannot be below $0 (you typed −100).`);
    expect(text).not.toMatch(LEAK);
  });

  test("every rejection the engine can make reads without ids or field paths", () => {
    for (const raw of [{ train: -1 }, { raise: 1e9 }, { train: 1e9 }, { marketing: Number.NaN }, { apps: { moon: 1 } }, { bribe: 1 }]) {
      const text = wordsFor(raw);
      expect(text, JSON.stringify(raw)).not.toMatch(LEAK);
    }
    expect(wordsFor({ raise: 1e9 })).toMatch(/^Investors take at most \$\S+ of new shares this quarter: lower Raise equity by/);
    expect(wordsFor({ train: 1e9 })).toMatch(/^This plan spends \$\S+, but you have \$1,000M \(cash plus what you raise\)/);
  });

  test("a server refusal of a submission is worded from its engine code", () => {
    const text = rejectionText({
      code: "ILLEGAL_ACTION",
      message: "apps.support must be ≥ 0, got -100",
      engineCode: "NEGATIVE",
      issues: [{ path: "apps.support", message: "" }],
    });
    expect(text).toBe(`${DEFAULT_CONFIG.sectors.support.name} cannot be below $0.`);
  });
});

describe("the lobby and the menu", () => {
  test("the host sees who is ready", () => {
    expect(
      seatPlayers([
        { name: "Ada", ready: true, connected: true },
        { name: "Bo", ready: false, connected: true },
        { name: "Cy", ready: true, connected: false },
      ]),
    ).toBe("Ada (ready), Bo (not ready), Cy (offline)");
  });

  test("Play again starts from the last name and settings; damaged memory is ignored", () => {
    const store = new MemoryStore();
    expect(loadMenuChoices(store)).toEqual({});
    saveMenuChoices(store, { firms: 4, quarters: 8, decisionSeconds: 60, listed: true });
    saveMenuChoices(store, { name: "Ada" });
    expect(loadMenuChoices(store)).toEqual({ name: "Ada", firms: 4, quarters: 8, decisionSeconds: 60, listed: true });
    store.setItem("scale-or-ship:menu", '{"name":3,"firms":"x"');
    expect(loadMenuChoices(store)).toEqual({});
  });

  test("open games: lobbies with a free seat, described in words", () => {
    const games = joinableGames([
      { code: "K7MXQA", title: "Open table", host: "Ada", phase: "lobby", firms: 6, players: 1, openSeats: 5, quarters: 12 },
      { code: "HJKMNP", title: "Full", host: "Bo", phase: "lobby", firms: 2, players: 2, openSeats: 0, quarters: 8 },
      { code: "QWERTY", title: "Playing", host: "Cy", phase: "decide", firms: 2, players: 1, openSeats: 1, quarters: 8 },
      "junk",
    ]);
    expect(games.map((g) => g.code)).toEqual(["K7MXQA"]);
    expect(openGameLine(games[0] as (typeof games)[number])).toBe("hosted by Ada · 5 seats free · 12 turns · 4 months each");
    expect(joinableGames({ error: "x" })).toEqual([]);
  });
});

describe("the lobby's seats", () => {
  test("the player's own firm is marked (you), in both languages; others are not", () => {
    expect(seatFirmName("Northwind", true, translator("en"))).toBe("Northwind (you)");
    expect(seatFirmName("Northwind", true, translator("zh-CN"))).toBe("Northwind（你）");
    expect(seatFirmName("Helios", false, translator("en"))).toBe("Helios");
  });

  test("a bot's seat names its strategy once: the host's picker shows it, so the line beside it does not", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const tr = translator(locale);
      const strategy = tr("common.bot.scaler");
      expect(seatBot(strategy, false, tr)).toContain(strategy);
      expect(seatBot(strategy, true, tr)).not.toContain(strategy);
    }
    expect(seatBot("scaler", false, translator("en"))).toBe("scaler bot");
    expect(seatBot("scaler", true, translator("en"))).toBe("bot");
    expect(seatBot(translator("zh-CN")("common.bot.scaler"), true, translator("zh-CN"))).toBe("机器人玩家");
  });
});
