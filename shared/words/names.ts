import { isBotName } from "../bots/index.js";
import type { Translate } from "../i18n/catalog.js";
import { SCENARIOS, type ScenarioId } from "../schemas/vocabulary.js";

/** A bot strategy's name in `t`'s language ("scaler" / "规模派"); an unknown one as it is. */
export function botName(bot: string, t: Translate): string {
  return isBotName(bot) ? t(`common.bot.${bot}`) : bot;
}

/** A scenario's title in `t`'s language, as the lobby names it ("Dot-com, 1999"); an unknown id as it is. */
export function scenarioTitle(id: string, t: Translate): string {
  return (SCENARIOS as readonly string[]).includes(id) ? t(`lobby.scenario.${id as ScenarioId}.title`) : id;
}
