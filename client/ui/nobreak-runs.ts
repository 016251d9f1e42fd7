/**
 * Runs of text a line must not break inside (pure: no DOM, so tests run it in Node); `keepTogether` in
 * nobreak.ts wraps each in a span. A number and its unit kept on one line. Chinese text may break between any two characters,
 * so "6 个月" could end a line at "6 个" and start the next with "月", and "14.7亿美元" split as
 * "14.7亿" / "美元". These groups (with "第 3 回合"'s ordinal) are wrapped in a `.nobreak` span
 * (style.css: `white-space: nowrap`); the text itself, and so what is copied or read aloud,
 * does not change. So is a signed dollar amount ("−$109M"), which may otherwise break after its sign.
 */
const UNIT_GROUP = /(?:第 ?)?[−+]?\d[\d,.]*(?: ?(?:个月|个季度|个回合|个百分点|个市场|个行业|个|家公司|家|秒|季度|回合|季|年|亿美元|万美元|美元))/gu;
/** Only text with a digit and a CJK character can hold such a group. */
const MAY_HOLD = /\d[\s\S]*[\u4e00-\u9fff]|[\u4e00-\u9fff][\s\S]*\d/u;
/**
 * A signed amount of dollars, kept whole in any language: a line may break between a sign and
 * "$", and a phone's report card read "$2,114M → $2,005M (−" over "$109M)".
 */
const SIGNED_MONEY = /[−+]\$\d[\d,.]*[MBT]?/gu;
const BOTH = new RegExp(`${SIGNED_MONEY.source}|${UNIT_GROUP.source}`, "gu");

/** `text` cut into runs, `keep` on each that must not break across lines (`keepTogether`). */
export function nobreakRuns(text: string): { text: string; keep: boolean }[] {
  const groups = MAY_HOLD.test(text) ? BOTH : SIGNED_MONEY;
  const runs: { text: string; keep: boolean }[] = [];
  let at = 0;
  for (const match of text.matchAll(groups)) {
    const start = match.index;
    if (start > at) runs.push({ text: text.slice(at, start), keep: false });
    runs.push({ text: match[0], keep: true });
    at = start + match[0].length;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), keep: false });
  return runs;
}
