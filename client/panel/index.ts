import { loadConfig } from "../../shared/config/load.js";
import type { GameState } from "../../shared/engine/types.js";
import { formatMoney } from "../../shared/format.js";
import type { ActionInput } from "../../shared/schemas/action.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import type { PrivateView } from "../../shared/schemas/protocol.js";
import { SECTOR_IDS, type SectorId } from "../../shared/schemas/vocabulary.js";
import type { AppContext } from "../app.js";
import type { Inbox } from "../net/inbox.js";
import { fill, h, status } from "../ui/dom.js";
import { choiceField, type MoneyField, moneyField, toggleField } from "./fields.js";
import { type Preview, preview, previewState, type RivalFigures } from "./preview.js";
import { previewTable } from "./table.js";
import "./panel.css";

/** The decision panel (DOM, keyboard-first), mounted by the Market scene in its right column. */
export interface DecisionPanel {
  element: HTMLElement;
  destroy(): void;
}

export const PANEL_WIDTH = 380; // px at the 1280×720 design size
const DRAFT_SHARE_MS = 400;

export function createDecisionPanel(app: AppContext): DecisionPanel {
  const room = app.room;
  const inbox = app.inbox;
  const element = h("section", { class: "panel decision", "aria-labelledby": "decision-title" });
  if (!room || !inbox) {
    element.textContent = "Not in a game.";
    return { element, destroy: () => element.remove() };
  }
  return build(element, room, inbox, app.welcome?.firmId ?? "");
}

function build(element: HTMLElement, room: NonNullable<AppContext["room"]>, inbox: Inbox, firmId: string): DecisionPanel {
  let config: EconomyConfig | null = null;
  let state: GameState | null = null;
  let result: Preview | null = null;
  let shareTimer: ReturnType<typeof setTimeout> | null = null;

  const heading = h("h2", { id: "decision-title" }, "Your decisions");
  const budget = h("p", { class: "budget", "aria-live": "polite" });
  const error = status("alert");
  const note = status();
  const teammate = h("div", { class: "teammate" });
  const results = h("div", { class: "preview" });
  const changed = () => update();

  const money = (label: string, hint: string) => moneyField(label, hint, changed);
  const train = money("Train the model", "Compute for a bigger frontier model.");
  const efficiency = money("Serving efficiency", "Cheaper to serve every customer.");
  const apps = Object.fromEntries(SECTOR_IDS.map((id) => [id, money(id, "")])) as Record<SectorId, MoneyField>;
  const compliance = money("Compliance", "Fewer incidents and fines in regulated sectors.");
  const marketing = money("Marketing", "Hype: narrative value, for a while.");
  const raise = money("Raise equity", "Sell new shares; dilutes the founders.");
  const distill = toggleField("Distil an edge model", "One-time cost; needed where latency matters.", changed);
  const openWeights = toggleField("Release open weights", "Irreversible: builds an ecosystem, gives up API revenue.", changed);
  const hardware = choiceField(
    "Compute contract",
    [
      { value: "flexible", label: "Flexible (spot price)" },
      { value: "locked", label: "Locked (cheaper, 4 quarters)" },
    ],
    changed,
  );
  const submit = h("button", { type: "submit", class: "primary" }, "Submit decisions");
  const reset = h("button", { type: "button", onclick: () => loadAction(true) }, "Repeat last quarter");

  const form = h(
    "form",
    {
      novalidate: true,
      onsubmit: (e) => {
        e.preventDefault();
        if (room.state.phase !== "decide" || !result?.ok) return;
        note.textContent = "Submitting…";
        room.send("submit", { action: draft() });
      },
    },
    h("fieldset", {}, h("legend", {}, "Model"), train.element, efficiency.element, distill.element, openWeights.element, hardware.element),
    h("fieldset", {}, h("legend", {}, "Applications by sector"), ...SECTOR_IDS.map((id) => apps[id].element)),
    h("fieldset", {}, h("legend", {}, "Market and money"), marketing.element, compliance.element, raise.element),
    results,
    error,
    h("div", { class: "actions" }, submit, reset),
    note,
  );
  fill(element, heading, budget, teammate, form);

  function draft(): ActionInput {
    const a: ActionInput = {
      train: train.value,
      efficiency: efficiency.value,
      compliance: compliance.value,
      marketing: marketing.value,
      raise: raise.value,
      distill: distill.input.checked,
      openWeights: openWeights.input.checked,
      hardware: hardware.value,
      apps: {},
    };
    for (const id of SECTOR_IDS) if (apps[id].value !== 0) (a.apps as Record<string, number>)[id] = apps[id].value;
    return a;
  }

  function rivals(): RivalFigures[] {
    return room.state.firms
      .filter((f) => f.id !== firmId)
      .flatMap((f) => {
        const last = f.history.at(-1);
        return last
          ? [
              {
                id: f.id,
                name: f.name,
                delisted: f.delisted,
                cash: last.cash,
                capability: last.capability,
                openWeights: last.openWeights,
                shares: last.shares,
                revenue: last.revenue,
                fundamentals: last.fundamentals,
                valuation: last.valuation,
              },
            ]
          : [];
      });
  }

  /** Rebuilds the preview state from the latest private message. */
  function refresh(message: PrivateView | undefined): void {
    if (!message) return;
    if (!config) {
      const loaded = loadConfig(room.state.settings.scenario, { quarters: room.state.settings.quarters });
      if (!loaded.ok) throw new Error(loaded.error.message);
      config = loaded.value;
      for (const id of SECTOR_IDS) apps[id].element.querySelector("label")?.replaceChildren(config.sectors[id].name, h("span", { class: "unit" }, " ($M)"));
    }
    state = previewState({ config, quarter: message.quarter, self: message.firm, market: message.market, rivals: rivals() });
    const firm = message.firm;
    for (const field of [train, efficiency, compliance, marketing, ...SECTOR_IDS.map((id) => apps[id])]) field.setMax(firm.cash);
    raise.setMax(message.limits.maxRaise);
    raise.input.max = String(Math.floor(message.limits.maxRaise));
    distill.input.disabled = firm.edge;
    distill.element
      .querySelector(".hint")
      ?.replaceChildren(firm.edge ? "You already have an edge model." : `One-time ${formatMoney(message.limits.edgeCost)}; needed where latency matters.`);
    openWeights.input.disabled = firm.openWeights;
    hardware.disable(firm.hardware === "locked" && firm.lockedUntil > message.quarter);
    heading.textContent = firm.delisted ? `${firm.name} is delisted` : `Quarter ${message.quarter + 1}: your decisions`;
    form.hidden = firm.delisted;
    loadAction(false, message);
  }

  /** Fills the form with the submitted action, or else the one that repeats if nothing is submitted. */
  function loadAction(forceRepeat: boolean, message = inbox.last("private")): void {
    if (!message) return;
    const a = (!forceRepeat && message.pending) || message.firm.lastAction;
    train.set(a.train);
    efficiency.set(a.efficiency);
    compliance.set(a.compliance);
    marketing.set(a.marketing);
    raise.set(forceRepeat ? 0 : a.raise);
    for (const id of SECTOR_IDS) apps[id].set(a.apps[id] ?? 0);
    distill.input.checked = !message.firm.edge && a.distill;
    openWeights.input.checked = message.firm.openWeights || a.openWeights;
    hardware.set(a.hardware);
    note.textContent = message.pending
      ? `Submitted by ${message.submittedBy}. You can change it until the timer ends.`
      : "Not submitted yet: if no one submits, last quarter's decisions repeat.";
    update(false);
  }

  function update(share = true): void {
    if (!state) return;
    const a = draft();
    result = preview(state, firmId, a);
    for (const input of form.querySelectorAll("input")) input.removeAttribute("aria-invalid");
    if (result.ok) {
      error.textContent = "";
      budget.textContent = `Budget left: ${formatMoney(result.budget - result.spend)} of ${formatMoney(result.budget)}`;
      fill(results, previewTable(result));
    } else {
      error.textContent = result.error.message;
      const field = result.error.field?.split(".")[0];
      const bad =
        field === "apps"
          ? apps[result.error.field?.split(".")[1] as SectorId]?.input
          : ({ train, efficiency, compliance, marketing, raise } as Record<string, MoneyField>)[field ?? ""]?.input;
      bad?.setAttribute("aria-invalid", "true");
      budget.textContent = "";
      fill(results);
    }
    submit.disabled = !result.ok || room.state.phase !== "decide";
    if (share && room.state.settings.teamSize > 1) {
      if (shareTimer) clearTimeout(shareTimer);
      shareTimer = setTimeout(() => room.send("draft", { action: a }), DRAFT_SHARE_MS);
    }
  }

  const stops = [
    inbox.on("private", refresh),
    inbox.on("accepted", (m) => {
      note.textContent = `Submitted by ${m.by}. You can change it until the timer ends.`;
    }),
    inbox.on("rejected", (r) => {
      if (r.type === "submit") {
        note.textContent = "";
        error.textContent = r.message;
      }
    }),
    inbox.on("draft", (d) => {
      fill(
        teammate,
        h("p", {}, `${d.by} is drafting. `),
        h(
          "button",
          {
            type: "button",
            onclick: () => {
              inbox.last("private") && loadFrom(d.action);
            },
          },
          `Use ${d.by}'s draft`,
        ),
      );
    }),
  ];
  const onPhase = () => {
    submit.disabled = !result?.ok || room.state.phase !== "decide";
  };
  room.onStateChange(onPhase);

  function loadFrom(a: ActionInput): void {
    train.set(a.train ?? 0);
    efficiency.set(a.efficiency ?? 0);
    compliance.set(a.compliance ?? 0);
    marketing.set(a.marketing ?? 0);
    raise.set(a.raise ?? 0);
    for (const id of SECTOR_IDS) apps[id].set(a.apps?.[id] ?? 0);
    distill.input.checked = a.distill ?? false;
    if (a.openWeights !== undefined) openWeights.input.checked = a.openWeights;
    if (a.hardware) hardware.set(a.hardware);
    update(false);
  }

  refresh(inbox.last("private"));
  return {
    element,
    destroy() {
      for (const stop of stops) stop();
      room.onStateChange.remove(onPhase);
      if (shareTimer) clearTimeout(shareTimer);
      element.remove();
    },
  };
}
