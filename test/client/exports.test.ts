import { describe, expect, test } from "vitest";
import { downloadsAbout, EXPORT_KINDS, exportErrorText, exportLabel, fetchExport } from "../../client/net/exports.js";
import { translate, translator } from "../../shared/i18n/catalog.js";
import { EXPORT_REFUSALS } from "../../shared/schemas/export.js";
import { turnWordsFor } from "../../shared/words/turns.js";

const EN = translator("en");
const ZH = translator("zh-CN");

describe("the downloads' words", () => {
  test("what a CSV row is, said for the game's length (an 8-turn game's note said 'a turn is a quarter in a 16-quarter game')", () => {
    expect(downloadsAbout(EN, turnWordsFor(16))).toMatch(/^CSV: one row per firm and quarter, with/);
    expect(downloadsAbout(EN, turnWordsFor(8))).toMatch(/^CSV: one row per firm and turn \(a turn is 6 months of the story in this game\), with/);
    expect(downloadsAbout(EN, turnWordsFor(4))).toContain("(a turn is a year of the story in this game)");
    expect(downloadsAbout(ZH, turnWordsFor(8))).toMatch(/^CSV：每家公司每个回合一行（本局每回合相当于故事中的 6 个月）/);
    expect(downloadsAbout(ZH, turnWordsFor(16))).toMatch(/^CSV：每家公司每个季度一行，/);
    for (const quarters of [4, 8, 12, 16, 24]) for (const tr of [EN, ZH]) expect(downloadsAbout(tr, turnWordsFor(quarters))).not.toMatch(/16/);
  });
  test("every refusal code the server sends has its own sentence in both languages, whatever the status", () => {
    for (const lang of ["en", "zh-CN"] as const) {
      const texts = EXPORT_REFUSALS.map((code) => exportErrorText(translator(lang), 409, code));
      expect(new Set(texts).size, lang).toBe(EXPORT_REFUSALS.length);
      for (const [i, code] of EXPORT_REFUSALS.entries()) expect(texts[i]).toBe(translate(lang, `exports.error.${code}`));
    }
    expect(exportErrorText(ZH, 409, "notOver")).toBe("游戏尚未结束：主持人也在经营公司时，须等游戏结束后才能下载数据。");
  });

  test("without a code (an older server, a proxy) the status chooses the sentence; an unknown status gives the HTTP code", () => {
    expect(exportErrorText(EN, 403, undefined)).toBe(translate("en", "exports.error.wrongKey"));
    expect(exportErrorText(EN, 403, "that is not this game's facilitator key")).toBe(translate("en", "exports.error.wrongKey"));
    expect(exportErrorText(EN, 502, undefined)).toBe("The download failed (HTTP 502).");
    expect(exportErrorText(ZH, 502, undefined)).toBe("下载失败（HTTP 502）。");
  });

  test("too many key attempts from one network (430, as the gate answers it) says when to try again", async () => {
    const limited = async () =>
      new Response(JSON.stringify({ code: 430, error: "too many key attempts from your address: try again in 41 s", retryAfter: 41 }), { status: 430 });
    await expect(fetchExport(limited, "K7MXQA", "key", "csv", EN)).rejects.toThrow(
      "Too many attempts with a facilitator key from your network. Try again in 41 seconds.",
    );
    await expect(fetchExport(limited, "K7MXQA", "key", "csv", ZH)).rejects.toThrow("你所在网络使用主持人密钥的尝试次数过多，请在 41 秒后重试。");
    expect(exportErrorText(EN, 430, undefined)).toBe(translate("en", "exports.error.rateLimitedLater"));
  });

  test("the buttons are named in the page's language", () => {
    expect(EXPORT_KINDS.map((kind) => exportLabel(EN, kind))).toEqual(["Download CSV", "Download CSV (anonymised)", "Download game record (JSON)"]);
    expect(EXPORT_KINDS.map((kind) => exportLabel(ZH, kind))).toEqual(["下载 CSV", "下载 CSV（匿名）", "下载游戏记录（JSON）"]);
  });

  test("a refusal from the server is worded from its code, not its English message", async () => {
    const refused = async () => new Response(JSON.stringify({ error: "the game is not over: …", code: "notOver" }), { status: 409 });
    await expect(fetchExport(refused, "K7MXQA", "key", "csv", ZH)).rejects.toThrow(translate("zh-CN", "exports.error.notOver"));
  });
});
