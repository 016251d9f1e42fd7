import { describe, expect, test } from "vitest";
import { classSettings } from "../../client/console/class-settings.js";
import { buildEvent as buildIn, EVENT_SPECS, fieldLabel, initialValues, PARAM_WORDS, specFor } from "../../client/console/event-form.js";
import {
  askingAgain,
  countdownText as countdownIn,
  logStamp,
  pendingPolicy,
  presence,
  quarterLine as quarterIn,
  refusalText,
  regimeSwitchProblem,
  returnLine,
} from "../../client/console/words.js";
import { exportErrorText, exportFileName, exportPath, fetchExport } from "../../client/net/exports.js";
import { facilitatorKeyFor, forgetFacilitatorKey, MAX_STORED_KEYS, saveFacilitatorKey, storedKeys } from "../../client/net/keys.js";
import { consoleCodeFrom, consolePath } from "../../client/net/link.js";
import { translate, translator } from "../../shared/i18n/catalog.js";
import { GameEventSchema } from "../../shared/schemas/injection.js";
import { REFUSAL_REASONS, REJECTION_CODES, RoomSettingsSchema } from "../../shared/schemas/protocol.js";
import { EVENT_KINDS } from "../../shared/schemas/vocabulary.js";
import { injectionSentence } from "../../shared/words/events.js";
import { turnWordsFor } from "../../shared/words/turns.js";
import { MemoryStore } from "../helpers/memory-store.js";

const en = translator("en");
const zh = translator("zh-CN");
const buildEvent = (kind: string, values: Record<string, string>) => buildIn(kind, values, en);
const quarterLine = (phase: string, quarter: number, quarters: number) => quarterIn(phase, quarter, quarters, en, turnWordsFor(quarters));
const countdownText = (phase: string, paused: boolean, secondsLeft: number, remainingMs: number) => countdownIn(phase, paused, secondsLeft, remainingMs, en);

const KEY_A = "a".repeat(32);
const KEY_B = "b".repeat(32);

describe("facilitator keys kept in the browser", () => {
  test("a key is found again by its code (any case), newest first, and can be forgotten", () => {
    const store = new MemoryStore();
    saveFacilitatorKey(store, { code: "K7MXQA", key: KEY_A, mode: "class", savedAt: 1 });
    saveFacilitatorKey(store, { code: "HJKMNP", key: KEY_B, mode: "friends", savedAt: 2 });
    expect(facilitatorKeyFor(store, " k7mxqa ")?.key).toBe(KEY_A);
    expect(storedKeys(store).map((k) => k.code)).toEqual(["HJKMNP", "K7MXQA"]);
    expect(storedKeys(store, "class").map((k) => k.code)).toEqual(["K7MXQA"]);
    forgetFacilitatorKey(store, "k7mxqa");
    expect(facilitatorKeyFor(store, "K7MXQA")).toBeNull();
    expect(facilitatorKeyFor(store, "HJKMNP")?.key).toBe(KEY_B);
  });

  test("saving a code again replaces its key; the oldest are dropped past the limit", () => {
    const store = new MemoryStore();
    saveFacilitatorKey(store, { code: "K7MXQA", key: KEY_A, mode: "class", savedAt: 1 });
    saveFacilitatorKey(store, { code: "K7MXQA", key: KEY_B, mode: "class", savedAt: 2 });
    expect(storedKeys(store)).toEqual([{ code: "K7MXQA", key: KEY_B, mode: "class", savedAt: 2 }]);
    const alphabet = "ACDEFGHJKMNPQRTUVWXY34679";
    for (let i = 0; i < MAX_STORED_KEYS + 5; i++) {
      const code = `AAA${alphabet[Math.floor(i / 25)]}${alphabet[i % 25]}A`;
      saveFacilitatorKey(store, { code, key: KEY_A, mode: "class", savedAt: 10 + i });
    }
    const kept = storedKeys(store);
    expect(kept).toHaveLength(MAX_STORED_KEYS);
    expect(kept[0]?.savedAt).toBe(10 + MAX_STORED_KEYS + 4);
    expect(facilitatorKeyFor(store, "K7MXQA")).toBeNull();
  });

  test("damaged storage reads as no keys, and a malformed key or code is refused", () => {
    const store = new MemoryStore();
    store.setItem("scale-or-ship:facilitator-keys", "{not json");
    expect(storedKeys(store)).toEqual([]);
    store.setItem("scale-or-ship:facilitator-keys", JSON.stringify([{ code: "K7MXQA", key: "short", mode: "class", savedAt: 1 }, { code: "nope" }]));
    expect(storedKeys(store)).toEqual([]);
    expect(() => saveFacilitatorKey(store, { code: "K7MXQA", key: "short", mode: "class", savedAt: 1 })).toThrow();
    expect(() => saveFacilitatorKey(store, { code: "K7MX", key: KEY_A, mode: "class", savedAt: 1 })).toThrow();
  });

  test("the console's address round-trips", () => {
    expect(consolePath("K7MXQA")).toBe("/?console=K7MXQA");
    expect(consoleCodeFrom("?console=k7mxqa")).toBe("K7MXQA");
    expect(consoleCodeFrom("?console=K7MXQ0")).toBeNull();
    expect(consoleCodeFrom("?join=K7MXQA")).toBeNull();
  });
});

describe("the inject form's fields follow the deck", () => {
  test("every kind of the deck has a title and a labelled field for each of its parameters", () => {
    expect(EVENT_SPECS.map((s) => s.kind)).toEqual([...EVENT_KINDS]);
    for (const spec of EVENT_SPECS) {
      expect(en(spec.title)).not.toBe(spec.kind);
      expect(zh(spec.title)).toMatch(/[\u4e00-\u9fff]/);
      for (const field of spec.fields) expect(PARAM_WORDS[`${spec.kind}.${field.name}`], `${spec.kind}.${field.name}`).toBeDefined();
    }
    expect(specFor("gpuShock")?.fields.map((f) => [f.name, f.type])).toEqual([
      ["scope", "choice"],
      ["factor", "number"],
    ]);
    expect(specFor("mediaLaw")?.fields).toEqual([]);
  });

  test("every kind's starting values make a valid event", () => {
    for (const spec of EVENT_SPECS) {
      const built = buildEvent(spec.kind, initialValues(spec.kind));
      expect(built.ok, spec.kind).toBe(true);
      if (built.ok) expect(GameEventSchema.parse(built.event)).toEqual(built.event);
    }
  });

  test("percentages are shown in percent and sent as fractions", () => {
    const selloff = specFor("selloff")?.fields[0];
    expect(selloff).toMatchObject({ min: 0, max: 90 });
    expect(selloff && fieldLabel(selloff, en)).toBe("Sentiment drop (%)");
    expect(selloff && fieldLabel(selloff, zh)).toBe("市场情绪跌幅（%）");
    expect(buildEvent("selloff", { depth: "40" })).toEqual({ ok: true, event: { kind: "selloff", depth: 0.4 } });
    expect(buildEvent("rateChange", { delta: "−0.5" })).toEqual({ ok: true, event: { kind: "rateChange", delta: -0.005 } });
    expect(buildEvent("sectorRegulation", { sector: "media", regulated: "false" })).toEqual({
      ok: true,
      event: { kind: "sectorRegulation", sector: "media", regulated: false },
    });
  });

  test("a bad value is refused field by field, in the form's units", () => {
    expect(buildEvent("selloff", { depth: "95" })).toEqual({
      ok: false,
      issues: [{ field: "depth", message: "Sentiment drop (%): must be between 0 and 90." }],
    });
    expect(buildEvent("gpuShock", { scope: "all", factor: "0" })).toEqual({
      ok: false,
      issues: [{ field: "factor", message: "Compute price multiplier (×): must be between 0.5 and 2.5." }],
    });
    expect(buildEvent("openRelease", { jump: "lots" })).toEqual({
      ok: false,
      issues: [{ field: "jump", message: "Baseline jump (capability points): enter a number." }],
    });
    expect(buildEvent("adoptionWave", { sector: "mining", factor: "1.2" })).toEqual({
      ok: false,
      issues: [{ field: "sector", message: "Sector: choose one of the list." }],
    });
    expect(buildEvent("asteroid", {})).toMatchObject({ ok: false });
    expect(buildIn("selloff", { depth: "95" }, zh)).toEqual({ ok: false, issues: [{ field: "depth", message: "市场情绪跌幅（%）：必须在 0 到 90 之间。" }] });
  });
});

describe("the class form's settings", () => {
  const values = {
    name: "Econ 101",
    scenario: "ai-2025",
    quarters: "12",
    decisionSeconds: "120",
    firms: "40",
    teamSize: "4",
    bots: ["pivot", "builder"],
    listed: false,
    economy: "",
  };

  test("valid values become room settings the server's schema accepts", () => {
    const result = classSettings(values);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings).toMatchObject({
      name: "Econ 101",
      firms: 40,
      teamSize: 4,
      quarters: 12,
      decisionSeconds: 120,
      private: true,
      bots: ["pivot", "builder"],
    });
    expect(RoomSettingsSchema.safeParse(result.settings).success).toBe(true);
  });

  test("a pasted economy goes into the settings; one that sets the length itself is refused, naming the field to use", () => {
    const result = classSettings({ ...values, economy: '{\n  "sectors": { "media": { "servingCost": 0.61 } }\n}' });
    expect(result).toMatchObject({ ok: true, settings: { quarters: 12, economy: { sectors: { media: { servingCost: 0.61 } } } } });
    const withLength = classSettings({ ...values, economy: '{"quarters": 1000, "sectors": { "media": { "servingCost": 0.61 } }}' });
    expect(withLength.ok ? [] : withLength.problems).toEqual([
      { field: "economy", message: "The economy JSON cannot be used: quarters: the game's length is not part of the economy: set it with the Turns field" },
    ]);
    const inChinese = classSettings({ ...values, economy: '{"quarters": 1000}' }, zh);
    expect(inChinese.ok ? [] : inChinese.problems.map((p) => p.message)).toEqual([
      expect.stringContaining("quarters：游戏长度不属于经济参数：请在“回合数”一栏设置"),
    ]);
    // Blank: the scenario's own economy, nothing sent.
    const blank = classSettings({ ...values, economy: "  " });
    expect(blank.ok && "economy" in blank.settings).toBe(false);
  });

  test("a bad economy is refused next to its field, naming the key in plain words; other problems stay with theirs", () => {
    const problemsOf = (economy: string, more: Partial<typeof values> = {}) => {
      const result = classSettings({ ...values, ...more, economy });
      return result.ok ? [] : result.problems;
    };
    expect(problemsOf('{"sectors": {"media": {"servingCost": -1}}}')).toEqual([
      { field: "economy", message: "The economy JSON cannot be used: sectors.media.servingCost: too small: it must be at least 0" },
    ]);
    expect(problemsOf('{"sectors": {"medai": {}}}')).toEqual([
      {
        field: "economy",
        message: "The economy JSON cannot be used: sectors.medai: there is no such setting in the economy (check the spelling and the nesting)",
      },
    ]);
    expect(problemsOf('{"api": {"pool": "lots"}}')).toEqual([{ field: "economy", message: "The economy JSON cannot be used: api.pool: it must be a number" }]);
    // A JSON `__proto__` is refused by name, not dropped.
    expect(problemsOf('{"__proto__": {"api": {"pool": 1}}}')).toEqual([
      { field: "economy", message: "The economy JSON cannot be used: __proto__: a reserved name, not an economy setting: remove it" },
    ]);
    expect(problemsOf("{sectors: 1}", { firms: "41" }).map((p) => p.field)).toEqual(["firms", "economy"]);
    expect(problemsOf("{sectors: 1}")[0]?.message).toMatch(/^The economy JSON cannot be used: it is not valid JSON/);
    expect(problemsOf(`{"x": "${"a".repeat(17 * 1024)}"}`)[0]?.message).toMatch(/it is 17 KB; an economy file may have at most 16 KB/);
    expect(problemsOf(`{"sectors": {"media": {"name": "${"m".repeat(7000)}"}}}`)[0]?.message).toMatch(/may take at most 6 KB/);
  });

  test("out-of-range values are named plainly", () => {
    const result = classSettings({ ...values, firms: "41", teamSize: "5", quarters: "", bots: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.problems.map((p) => p.message);
    expect(messages.some((m) => m.startsWith("Firms:"))).toBe(true);
    expect(messages.some((m) => m.startsWith("Students per firm:"))).toBe(true);
    expect(messages).toContain("Turns: enter a number");
    expect(messages).toContain("Bot strategies: choose at least one");
    expect(messages).toContain("Firms: at most 40");
    // In Chinese, from the same issues (zod's own English never shown).
    const chinese = classSettings({ ...values, firms: "41", teamSize: "5", quarters: "", bots: [] }, zh);
    expect(chinese.ok ? [] : chinese.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining(["回合数：请输入数字", "公司数：最多为 40", "每家公司的学生数：最多为 4", "机器人策略：至少选择一项"]),
    );
  });
});

describe("the console's words", () => {
  test("the quarter shown is the one being played, or the one just reported", () => {
    expect(quarterLine("decide", 2, 16)).toBe("Quarter 3 of 16");
    expect(quarterLine("report", 3, 16)).toBe("Quarter 3 of 16");
    expect(quarterLine("over", 5, 16)).toBe("Ended after 5 of 16 quarters");
  });

  test("a turn that is not a quarter of the story is called a turn, with what it spans", () => {
    expect(quarterLine("decide", 2, 8)).toBe("Turn 3 of 8 · 6 months of the story each");
    expect(quarterLine("report", 3, 4)).toBe("Turn 3 of 4 · a year of the story each");
    expect(quarterLine("over", 5, 12)).toBe("Ended after 5 of 12 turns");
    expect(quarterLine("lobby", 0, 24)).toBe("Students are joining · 24 turns · 2 months each");
    const zh = translator("zh-CN");
    expect(quarterIn("decide", 2, 8, zh, turnWordsFor(8))).toBe("第 3 回合，共 8 回合 · 每回合相当于故事中的 6 个月");
  });

  test("a paused countdown is frozen at what was left and says so", () => {
    expect(countdownText("decide", false, 65, 0)).toBe("1:05");
    expect(countdownText("decide", true, 0, 41_200)).toBe("Paused · 0:42");
    expect(countdownText("lobby", false, 0, 0)).toBe("");
  });

  test("queued injections and log stamps read as sentences, in both languages", () => {
    expect(injectionSentence({ kind: "event", event: { kind: "selloff", depth: 0.4 } })).toMatch(/sell-off: market sentiment falls 40%/);
    expect(injectionSentence({ kind: "regime", regime: "model" })).toBe("Regime switch: model-level licences.");
    expect(injectionSentence({ kind: "disclosure", on: true })).toMatch(/^Disclosure rule on/);
    const at = Date.UTC(2026, 0, 1, 14, 2, 7);
    expect(logStamp({ at, quarter: 2, phase: "decide" }, en, "en", turnWordsFor(16), "UTC")).toBe("14:02:07 · Q3 deciding");
    expect(logStamp({ at, quarter: 0, phase: "lobby" }, en, "en", turnWordsFor(16), "UTC")).toBe("14:02:07 · lobby");
    expect(logStamp({ at, quarter: 2, phase: "decide" }, zh, "zh-CN", turnWordsFor(16), "UTC")).toBe("14:02:07 · 第 3 季决策中");
    expect(logStamp({ at, quarter: 2, phase: "report" }, en, "en", turnWordsFor(8), "UTC")).toBe("14:02:07 · T2 report");
    expect(logStamp({ at, quarter: 2, phase: "decide" }, zh, "zh-CN", turnWordsFor(8), "UTC")).toBe("14:02:07 · 第 3 回合决策中");
    expect(quarterIn("decide", 2, 16, zh, turnWordsFor(16))).toBe("第 3 季，共 16 季");
    expect(quarterIn("lobby", 0, 16, en, turnWordsFor(16))).toBe("Students are joining · 16 quarters to play");
    expect(countdownIn("decide", true, 0, 41_200, zh)).toBe("已暂停 · 0:42");
  });

  test("every refusal code and reason has words in both languages; the server's English message is never shown", () => {
    for (const code of REJECTION_CODES) {
      for (const t of [en, zh]) {
        const text = refusalText({ code }, t);
        expect(text, code).not.toContain("console.refusal");
        expect(text, code).not.toContain(code);
      }
    }
    for (const reason of REFUSAL_REASONS) {
      const params = { phase: "decide", limit: 20, name: "Ada" };
      expect(refusalText({ code: "WRONG_PHASE", reason, params }, en), reason).not.toMatch(/console\.|[{}]/);
      expect(refusalText({ code: "WRONG_PHASE", reason, params }, zh), reason).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(refusalText({ code: "WRONG_PHASE", reason: "notNow", params: { phase: "lobby" } }, en)).toBe("Not possible in this phase (Lobby).");
    expect(refusalText({ code: "LIMIT_REACHED", reason: "queueFull", params: { limit: 20 } }, zh)).toBe("每次结算最多只能排队 20 个事件。");
  });
});

describe("exports", () => {
  test("each download has its endpoint and a file name", () => {
    expect(exportPath("K7MXQA", "csv")).toBe("/api/games/K7MXQA/export.csv");
    expect(exportPath("K7MXQA", "csv-anonymised")).toBe("/api/games/K7MXQA/export.csv?anonymise=1");
    expect(exportPath("K7MXQA", "record")).toBe("/api/games/K7MXQA/record.json");
    expect(exportFileName("K7MXQA", "csv-anonymised")).toBe("scale-or-ship-K7MXQA-anonymised.csv");
    expect(exportFileName("K7MXQA", "record")).toBe("scale-or-ship-K7MXQA-record.json");
  });

  test("the key goes in the Authorization header; a refusal becomes a sentence", async () => {
    const seen: { url: string; auth: string | undefined }[] = [];
    const ok = async (url: string, init: { headers: Record<string, string> }) => {
      seen.push({ url, auth: init.headers.Authorization });
      return new Response("firm,quarter\n", { status: 200 });
    };
    const blob = await fetchExport(ok, "K7MXQA", KEY_A, "csv", translator("en"));
    expect(await blob.text()).toBe("firm,quarter\n");
    expect(seen).toEqual([{ url: "/api/games/K7MXQA/export.csv", auth: `Bearer ${KEY_A}` }]);
    const refused = async () => new Response(JSON.stringify({ error: "wrong key" }), { status: 403 });
    await expect(fetchExport(refused, "K7MXQA", KEY_B, "record", translator("en"))).rejects.toThrow(exportErrorText(translator("en"), 403, "wrong key"));
    const broken = async () => new Response("oops", { status: 500 });
    await expect(fetchExport(broken, "K7MXQA", KEY_A, "csv", translator("en"))).rejects.toThrow("The download failed (HTTP 500).");
    const offline = async (): Promise<Response> => {
      throw new TypeError("Failed to fetch");
    };
    await expect(fetchExport(offline, "K7MXQA", KEY_A, "csv", translator("en"))).rejects.toThrow(/cannot be reached/);
  });
});

describe("the console's Switch regime", () => {
  test("a switch to the regime the market already has is refused in words and sends nothing (it queued and logged a no-op 'Regime switch: no regulation')", () => {
    expect(regimeSwitchProblem("none", "none", en)).toBe("The market already has no regulation: choose another regime to switch to.");
    expect(regimeSwitchProblem("none", "none", zh)).toContain("请先选择另一种监管模式");
    expect(regimeSwitchProblem("none", "model", en)).toBeNull();
  });
});

describe("the console's policy buttons", () => {
  test("offer the change from where the queued injections leave the market: 'Turn disclosure on', once queued, becomes 'Turn disclosure off' (it kept offering the same change)", () => {
    const now = { regime: "none", disclosure: false };
    expect(pendingPolicy(now, [])).toEqual(now);
    expect(pendingPolicy(now, [{ kind: "disclosure", on: true }])).toEqual({ regime: "none", disclosure: true });
    expect(
      pendingPolicy(now, [
        { kind: "regime", regime: "model" },
        { kind: "event", event: { kind: "mediaLaw" } },
      ]),
    ).toEqual({ regime: "model", disclosure: false });
    // The last queued change of a kind wins.
    expect(
      pendingPolicy(now, [
        { kind: "disclosure", on: true },
        { kind: "disclosure", on: false },
      ]).disclosure,
    ).toBe(false);
  });
});

describe("the roster's word for a player asking to come back", () => {
  const entry = (command: string, params: Record<string, string | number>, at: number) => ({ at, quarter: 1, phase: "decide" as const, command, params });
  test("let back in, then asking from another device reads 'asks again from another device' until let in again, in both languages", () => {
    const asking = { connected: false, away: false, asking: true };
    const log = [
      entry("letBackIn", { player: "Ada", minutes: 5 }, 1),
      entry("askedAgain", { player: "Ada", playerId: "p-ada" }, 2),
      entry("pause", { phase: "decide", left: 30 }, 3),
    ];
    const again = askingAgain(log);
    expect([...again]).toEqual(["p-ada"]);
    const en = translator("en");
    const zh = translator("zh-CN");
    expect(presence(asking, en, again.has("p-ada"))).toBe("asks again from another device");
    expect(presence(asking, zh, again.has("p-ada"))).toBe("换了一台设备再次请求");
    // A first ask reads as before; so does the one after the approval moved (let in again).
    expect(presence(asking, en, askingAgain(log.slice(0, 1)).has("p-ada"))).toBe("asks to come back");
    expect(askingAgain([...log, entry("letBackIn", { player: "Ada", minutes: 5 }, 4)]).size).toBe(0);
    // Entries stored before the log spoke in codes are skipped.
    expect(askingAgain([{ at: 0, quarter: 0, phase: "lobby", command: "start", effect: "Started the game" }]).size).toBe(0);
  });
});

describe("a friends game's host notice for a player asking to come back", () => {
  test("says 'asks again from another device' as the class console does, in both languages (it said only 'asks to come back')", () => {
    const en = translator("en");
    const zh = translator("zh-CN");
    expect(returnLine(en, "Bo", false)).toBe("Bo asks to come back without their seat link.");
    expect(returnLine(en, "Bo", true)).toBe("Bo asks again from another device (you let them back in from an earlier one).");
    expect(returnLine(zh, "Bo", true)).toBe("Bo 换了一台设备再次请求重新加入（你之前允许的是另一台设备）。");
    expect(returnLine(zh, "Bo", true)).toContain(translate("zh-CN", "console.roster.presence.askingAgain"));
    expect(returnLine(en, "Bo", true)).toContain(translate("en", "console.roster.presence.askingAgain"));
  });
});
