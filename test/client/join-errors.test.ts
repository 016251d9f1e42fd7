import { afterEach, describe, expect, test } from "vitest";
import { locale, setLocale } from "../../client/i18n.js";
import { closeText, joinErrorKey, joinErrorText, nameIssueKey, nameIssueText, rejectionCodeText } from "../../client/net/errors.js";
import { openGameLine } from "../../client/net/open-games.js";
import { seatPlayers } from "../../client/scenes/lobby-words.js";
import { BOT_NAMES } from "../../shared/bots/index.js";
import { SCENARIO_LIST } from "../../shared/config/scenarios.js";
import { CATALOG, translate } from "../../shared/i18n/catalog.js";
import {
  CLOSE_CODES,
  CREATE_INVALID_OPTIONS,
  DisplayNameSchema,
  JOIN_BUSY,
  JOIN_ERRORS,
  joinRefusalMessage,
  REJECTION_CODES,
} from "../../shared/schemas/protocol.js";

/** The message at `key` as the Chinese catalog itself holds it (no English fallback), or undefined. */
function chineseAt(key: string): string | undefined {
  const [area, ...rest] = key.split(".");
  const messages = (CATALOG as unknown as Record<string, Record<string, Record<string, unknown>>>)[area ?? ""]?.["zh-CN"];
  const message = messages?.[rest.join(".")];
  return typeof message === "string" ? message : undefined;
}

const HAN = /\p{Script=Han}/u;

afterEach(() => setLocale("en"));

describe("join and create refusals in both languages, from codes alone", () => {
  const refusals: [string, unknown][] = [
    ...Object.entries(JOIN_ERRORS).map(([name, code]): [string, unknown] => [name, { code, message: "words for developers" }]),
    ["JOIN_BUSY", { code: JOIN_BUSY, message: "too many" }],
    ["CREATE_INVALID_OPTIONS", { code: CREATE_INVALID_OPTIONS, message: "invalid room options: quarters: too big" }],
    ["GAME_OFFLINE", { code: 503, message: joinRefusalMessage("GAME_OFFLINE", "game K7MXQA is not running right now") }],
    ["SHUTTING_DOWN", { code: 503, message: "Service Unavailable" }],
    ["ROOM_NOT_FOUND", { code: 4212, message: 'room "K7MXQA" not found' }],
    ["UNREACHABLE", { name: "MatchMakeError", message: "Failed to fetch" }],
  ];

  test.each(refusals)("%s has its own message in English and in Chinese", (_name, error) => {
    const key = joinErrorKey(error);
    expect(key).not.toBe("errors.join.failed");
    const zh = chineseAt(key);
    expect(zh, `${key} in Chinese`).toMatch(HAN);
    expect(translate("en", key)).not.toMatch(HAN);
    expect(joinErrorText(error)).toBe(translate("en", key));
    setLocale("zh-CN");
    expect(joinErrorText(error)).toBe(zh);
  });

  test("every join error code is worded apart: no two codes share a message", () => {
    const keys = Object.values(JOIN_ERRORS).map((code) => joinErrorKey({ code }));
    expect(new Set(keys).size).toBe(keys.length);
  });

  test("the server's English is never shown, whatever it says", () => {
    expect(joinErrorText({ code: JOIN_ERRORS.INVALID_OPTIONS, message: "invalid join options: name: too long" })).toBe(
      translate("en", "errors.join.invalidOptions"),
    );
    expect(joinErrorText({ code: 999, message: "some prose" })).toBe(translate("en", "errors.join.failed"));
    expect(joinErrorText({ code: 503, message: "game K7MXQA is not running right now" })).toBe(translate("en", "errors.join.restarting"));
  });
});

describe("names, closes and refused lobby messages in both languages", () => {
  const issueOf = (name: string) => {
    const parsed = DisplayNameSchema.safeParse(name);
    if (parsed.success) throw new Error(`"${name}" was accepted`);
    return parsed.error.issues[0];
  };

  test.each([
    ["", "errors.name.empty"],
    ["x".repeat(30), "errors.name.tooLong"],
    ["a\u200Bb", "errors.name.invisible"],
    ["\u0301x", "errors.name.loneMark"],
  ] as const)("the name %j reads as %s, with its details", (name, key) => {
    const issue = issueOf(name);
    expect(nameIssueKey(issue)).toBe(key);
    setLocale("zh-CN");
    const text = nameIssueText(issue);
    expect(text).toMatch(HAN);
    expect(text).not.toMatch(/\{\w+\}/);
    if (key === "errors.name.tooLong") expect(text).toContain("24");
    if (key === "errors.name.invisible") expect(text).toContain("U+200B");
  });

  test("every close code and every refusal code has words in both languages", () => {
    for (const code of [...Object.values(CLOSE_CODES), 1006]) {
      expect(closeText(code)).not.toMatch(HAN);
      setLocale("zh-CN");
      expect(closeText(code)).toMatch(HAN);
      setLocale("en");
    }
    for (const code of REJECTION_CODES) {
      const en = rejectionCodeText({ code });
      setLocale("zh-CN");
      expect(rejectionCodeText({ code }), code).toMatch(HAN);
      setLocale("en");
      expect(en).not.toMatch(/^errors\./);
    }
  });

  test("scenarios and bot strategies are named in both languages", () => {
    for (const s of SCENARIO_LIST) {
      expect(chineseAt(`lobby.scenario.${s.id}.title`), s.id).toMatch(HAN);
      expect(chineseAt(`lobby.scenario.${s.id}.blurb`), s.id).toMatch(HAN);
      expect(translate("en", `lobby.scenario.${s.id}.title`)).toBe(s.title);
    }
    for (const bot of BOT_NAMES) expect(chineseAt(`common.bot.${bot}`), bot).toMatch(HAN);
  });

  test("a seat's players and an open game's line read in Chinese", () => {
    setLocale("zh-CN");
    expect(locale()).toBe("zh-CN");
    expect(
      seatPlayers([
        { name: "Ada", ready: true, connected: true },
        { name: "Bo", ready: false, connected: false },
      ]),
    ).toBe("Ada（已准备）、Bo（离线）");
    expect(openGameLine({ code: "K7MXQA", title: "Econ", host: "Ada", firms: 4, players: 1, openSeats: 3, quarters: 8 })).toBe(
      "房主 Ada · 空位 3 个 · 8 个回合 · 每回合 6 个月",
    );
    setLocale("en");
    expect(openGameLine({ code: "K7MXQA", title: "Econ", host: "", firms: 4, players: 1, openSeats: 1, quarters: 8 })).toBe(
      "a class market · 1 seat free · 8 turns · 6 months each",
    );
  });
});
