/**
 * A number and its unit kept on one line. Chinese text may break between any two characters,
 * so "6 个月" could end a line at "6 个" and start the next with "月", and "14.7亿美元" split as
 * "14.7亿" / "美元". These groups (with "第 3 回合"'s ordinal) are wrapped in a `.nobreak` span
 * (style.css: `white-space: nowrap`); the text itself, and so what is copied or read aloud,
 * does not change.
 */
const UNIT_GROUP = /(?:第 ?)?[−+]?\d[\d,.]*(?: ?(?:个月|个季度|个回合|个百分点|个市场|个行业|个|家公司|家|秒|季度|回合|季|年|亿美元|万美元|美元))/gu;
/** Only text with a digit and a CJK character can hold such a group: everything else is left as one string. */
const MAY_HOLD = /\d[\s\S]*[\u4e00-\u9fff]|[\u4e00-\u9fff][\s\S]*\d/u;

/** `text` as strings and `.nobreak` spans, one around each number with its Chinese unit. */
export function keepTogether(text: string): (string | HTMLElement)[] {
  if (!MAY_HOLD.test(text)) return [text];
  const parts: (string | HTMLElement)[] = [];
  let at = 0;
  for (const match of text.matchAll(UNIT_GROUP)) {
    const start = match.index;
    if (start > at) parts.push(text.slice(at, start));
    const span = document.createElement("span");
    span.className = "nobreak";
    span.textContent = match[0];
    parts.push(span);
    at = start + match[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** Sets an element's text, its numbers kept with their Chinese units (`keepTogether`). */
export function setText(el: Element, text: string): void {
  el.replaceChildren(...keepTogether(text));
}
