import type { Translate } from "../../shared/i18n/catalog.js";

/** Text measured for the charts' layout, without a page: label widths and the bar chart's name column. */

/** The charts' text size in their own units (debrief.css): 13, and 14 in the small multiples. */
export const FONT_SIZE = 13;
export const COMPACT_FONT_SIZE = 14;

/** About how wide `text` is drawn at `fontSize` (CJK characters are a full em, others about 0.6 em), for laying out labels. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  let width = 0;
  for (const ch of text) width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? fontSize : fontSize * 0.6;
  return width;
}

/**
 * A firm's name in the bar chart's name column, one line or two: "Northwind (you)" where it fits,
 * else the name with "(you)" on a line below it (on a phone it read "Nor… (you)"). A name still
 * too wide is cut (by drawn width); the full name is in the row's title.
 */
export function barNameLines(t: Translate, name: string, mine: boolean, room: number): string[] {
  if (!mine) return [shortName(name, room)];
  const whole = t("debrief.firm.you", { name });
  if (textWidth(whole) <= room) return [whole];
  return [shortName(name, room), t("debrief.firm.you", { name: "" }).trim()];
}

/** Firm names in the bar chart are cut to fit their column (by drawn width); the full name is in the row's title. */
function shortName(name: string, room: number): string {
  if (textWidth(name) <= room) return name;
  const chars = [...name];
  while (chars.length > 1 && textWidth(`${chars.join("")}…`) > room) chars.pop();
  return `${chars.join("")}…`;
}
