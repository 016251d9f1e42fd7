import { BOT_NAMES } from "../../shared/bots/index.js";
import type { RoomSettingsInput } from "../../shared/schemas/protocol.js";
import { botName } from "../../shared/words/names.js";
import { type ClassFormValues, classSettings } from "../console/class-settings.js";
import { t } from "../i18n.js";
import { h, status } from "../ui/dom.js";
import { economyField } from "../ui/economy.js";
import { checkEconomy } from "../ui/economy-words.js";
import { lengthHint } from "../ui/length-hint.js";
import { roomTitle } from "../ui/room-title.js";
import { scenarioSelect, timerField } from "./lobby-settings.js";

const DEFAULT_BOTS = new Set(["pivot", "builder", "scaler", "balanced"]);

/**
 * The facilitator's form for a class market: name, scenario, length, timer, firms, team
 * size, bots, listing. Checked with the shared settings schema before anything is sent.
 */
export function classForm(onCreate: (settings: RoomSettingsInput) => Promise<string | null>, onBack: () => void): HTMLElement {
  const problem = status("alert");
  const name = h("input", { id: "class-name", maxlength: 24, placeholder: roomTitle("", true), autocomplete: "off" });
  const scenario = scenarioSelect("class-scenario", "ai-2025");
  const numberInput = (id: string, value: number, min: number, max: number) => h("input", { id, type: "number", min, max, value, required: true });
  const quarters = numberInput("class-quarters", 12, 4, 40);
  const seconds = timerField("class-seconds", 120, 10, 3600);
  const firms = numberInput("class-firms", 10, 2, 40);
  const team = numberInput("class-team", 1, 1, 4);
  const bots = BOT_NAMES.map((bot) => h("input", { type: "checkbox", value: bot, checked: DEFAULT_BOTS.has(bot), id: `class-bot-${bot}` }));
  const listed = h("input", { id: "class-listed", type: "checkbox" });
  const create = h("button", { type: "submit" }, t("menu.class.submit"));
  const economy = economyField(
    "class-economy",
    {},
    () => scenario.value,
    (override) => checkEconomy(scenario.value, Number(quarters.value), override),
  );
  const field = (input: HTMLElement, label: string, hint?: string, more: HTMLElement | null = null) =>
    h("div", { class: "setting" }, h("label", { for: input.id }, label), input, hint ? h("span", { class: "hint" }, hint) : null, more);

  const values = (): ClassFormValues => ({
    name: name.value,
    scenario: scenario.value,
    quarters: quarters.value,
    decisionSeconds: String(seconds.seconds()),
    firms: firms.value,
    teamSize: team.value,
    bots: bots.filter((b) => b.checked).map((b) => b.value),
    listed: listed.checked,
    economy: economy.text(),
  });

  return h(
    "form",
    {
      class: "class-form",
      "aria-labelledby": "class-title",
      novalidate: true,
      onsubmit: async (e) => {
        e.preventDefault();
        const result = classSettings(values());
        if (!result.ok) {
          // Problems with the economy JSON show next to it; the rest above the buttons.
          const onEconomy = result.problems.filter((p) => p.field === "economy");
          economy.showProblem(onEconomy.map((p) => `${p.message}.`).join(" "));
          problem.textContent = result.problems
            .filter((p) => p.field !== "economy")
            .map((p) => `${p.message}.`)
            .concat(onEconomy.length > 0 ? [t("menu.class.seeEconomy")] : [])
            .join(" ");
          return;
        }
        problem.textContent = "";
        economy.showProblem("");
        create.disabled = true;
        const failed = await onCreate(result.settings);
        create.disabled = false;
        if (failed) problem.textContent = failed;
      },
    },
    h("h2", { id: "class-title" }, t("menu.class.title")),
    h("p", { class: "lede" }, t("menu.class.lede")),
    h(
      "div",
      { class: "class-grid" },
      field(name, t("menu.class.name")),
      field(scenario, t("menu.class.scenario")),
      field(quarters, t("menu.class.quarters"), t("menu.class.range", { min: 4, max: 40 }), lengthHint(quarters)),
      seconds.element,
      field(firms, t("menu.class.firms"), t("menu.class.firmsHint", { max: 40 })),
      field(team, t("menu.class.team"), t("menu.class.teamHint", { max: 4 })),
    ),
    h("fieldset", { class: "bots" }, h("legend", {}, t("menu.class.bots")), ...bots.map((b) => h("label", { class: "check" }, b, " ", botName(b.value, t)))),
    h("label", { class: "check" }, listed, " ", t("menu.class.listed")),
    economy.element,
    problem,
    h("div", { class: "row" }, create, h("button", { type: "button", onclick: onBack }, t("common.button.back"))),
  );
}
