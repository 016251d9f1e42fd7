import { t } from "../i18n.js";

/**
 * The title rooms made before the schema stored "" for an unnamed room carry: the schema's
 * English default then. Compared, never shown.
 */
const LEGACY_UNNAMED = "Market"; // i18n-ignore: a stored value compared against, not shown

/**
 * A room's title for the reader: the one its creator chose, or, when nobody named the room,
 * a title in the reader's language ("Market" / "市场", "Class market" / "课堂市场").
 */
export function roomTitle(title: string, classMarket: boolean): string {
  const named = title !== LEGACY_UNNAMED ? title : "";
  return named || t(classMarket ? "market.join.classTitle" : "market.join.title");
}
