import { matchMaker } from "colyseus";
import type { Page } from "playwright-core";
import type { MarketRoom } from "../../server/rooms/MarketRoom.js";
import { type Key, type MessageAt, type Translate, translate } from "../../shared/i18n/catalog.js";
import type { Locale, ParamsArg } from "../../shared/i18n/core.js";

/**
 * Steps of a game through the page in either language: the market's and the panel's controls
 * are found by their names in the catalogs. The menu and the lobby (converted elsewhere) are
 * driven by their elements' ids, which do not depend on the language.
 */
export function words(locale: Locale) {
  return <K extends Key>(key: K, ...args: ParamsArg<MessageAt<K>>): string => translate(locale, key, ...args);
}

/** A money field's accessible name: its label and the unit ("Train the model ($M)"). */
export function moneyLabel(locale: Locale, label: string): string {
  return `${label}${translate(locale, "panel.unit")}`.trim();
}

export interface NewGame {
  name: string;
  firms: number;
  quarters: number;
  seconds: number;
}

/** Creates a friends game from the menu with bots filling the other seats; returns its code once in the lobby. */
export async function createGame(page: Page, game: NewGame): Promise<string> {
  await page.locator("#name").fill(game.name);
  await page.locator("#firms").fill(String(game.firms));
  await page.locator("#quarters").fill(String(game.quarters));
  await page.locator("#seconds").fill(String(game.seconds));
  await page.locator("form[aria-labelledby=create-title] button[type=submit]").click();
  await page.locator("#lobby-title").waitFor();
  return (await page.locator(".code strong").textContent())?.trim() ?? "";
}

/** The host starts the game from the lobby, after shortening the pauses between quarters (the pacing is not under test). */
export async function startGame(page: Page, code: string): Promise<MarketRoom> {
  const room = matchMaker.getLocalRoomById(code) as unknown as MarketRoom;
  room.flow.settings = { ...room.flow.settings, newsSeconds: 0.2, reportSeconds: 0.5 };
  await page.locator("#screen button.primary").click();
  return room;
}

/** Fills the panel's own numbers for quarter `quarter` and submits them, by the catalogs' names. */
export async function decide(page: Page, locale: Locale, quarter: number, train: string, support: string): Promise<void> {
  const t = words(locale);
  await page.getByRole("heading", { name: panelHeading(t, quarter) }).waitFor();
  await page.getByRole("button", { name: t("panel.preset.custom"), exact: true }).click();
  await page.getByLabel(moneyLabel(locale, t("panel.field.train")), { exact: true }).fill(train);
  await page.getByLabel(moneyLabel(locale, t("sectors.support")), { exact: true }).fill(support);
  // Custom starts from the last plan; a small efficiency budget keeps every turn affordable in a short game (a turn of a four-quarter game is a year of costs).
  await page.getByLabel(moneyLabel(locale, t("panel.field.efficiency")), { exact: true }).fill("10");
  await page.getByRole("button", { name: t("panel.button.submit") }).click();
}

/** A message with one part left open (a firm's name): a pattern for the text around it. */
export function around(text: (hole: string) => string): RegExp {
  const hole = "\u0000";
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${text(hole).split(hole).map(literal).join(".+")}$`);
}

/** Either of two headings' patterns. */
function either(a: RegExp, b: RegExp): RegExp {
  return new RegExp(`(${a.source})|(${b.source})`);
}

/** The panel's heading for turn `quarter` at any game length: "Quarter 2: your decisions" (16 quarters) or "Turn 2: your decisions". */
export function panelHeading(t: Translate, quarter: number): RegExp {
  return either(
    around(() => t("panel.titleQuarter", { quarter })),
    around(() => t("panel.titleTurn", { quarter })),
  );
}

/** The personal report's heading for turn `quarter` at any game length, whatever the firm's name. */
export function reportHeading(t: Translate, quarter: number): RegExp {
  return either(
    around((firm) => t("report.title", { quarter, firm })),
    around((firm) => t("report.title.turn", { quarter, firm })),
  );
}
