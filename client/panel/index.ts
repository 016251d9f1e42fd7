import type { FirmState, GameState } from "../../shared/engine/types.js";
import { actionSpend, fitAction } from "../../shared/engine/validate.js";
import { formatMoney } from "../../shared/format.js";
import { floorAction, type OwnView, presetAction } from "../../shared/plans/presets.js";
import type { Action, ActionInput } from "../../shared/schemas/action.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import type { PrivateView } from "../../shared/schemas/protocol.js";
import { SECTOR_IDS, type SectorId } from "../../shared/schemas/vocabulary.js";
import type { AppContext } from "../app.js";
import { roomConfig } from "../net/economy.js";
import type { Inbox } from "../net/inbox.js";
import { actionErrorText, rejectionText } from "../ui/action-error.js";
import { fill, h, status } from "../ui/dom.js";
import { choiceField, type MoneyField, moneyField, toggleField } from "./fields.js";
import { firstQuarterGuide } from "./guide.js";
import { type Choice, presetPicker } from "./presets.js";
import { type Preview, preview, previewState, rivalsFrom } from "./preview.js";
import { previewTable } from "./table.js";
import { draftProblem } from "./words.js";
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

/** The spending fields of an action, as they add up (non-numbers count as nothing). */
function sanitized(a: ActionInput): Action {
  const n = (v: number | undefined) => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : 0);
  const apps: Action["apps"] = {};
  for (const id of SECTOR_IDS) apps[id] = n(a.apps?.[id]);
  return {
    train: n(a.train),
    efficiency: n(a.efficiency),
    compliance: n(a.compliance),
    marketing: n(a.marketing),
    raise: n(a.raise),
    distill: a.distill ?? false,
    openWeights: a.openWeights ?? false,
    hardware: a.hardware ?? "flexible",
    apps,
  };
}

/** Spending of an action as a share of another's (1 when nothing was spent). */
function spendRatio(state: GameState, firm: FirmState, fitted: Action, original: Action): number {
  const before = actionSpend(state, firm, original);
  return before > 0 ? actionSpend(state, firm, fitted) / before : 1;
}

/** What happens without a submission: the last plan repeats, cut down when it no longer fits. */
function repeatWarning(state: GameState, firm: FirmState): string {
  const fitted = fitAction(state, firm, firm.lastAction);
  const ratio = spendRatio(state, firm, fitted, firm.lastAction);
  const raiseCut = fitted.raise < firm.lastAction.raise - 1e-9;
  if (ratio < 0.999 || raiseCut)
    return `Not submitted yet. Without a submission, last quarter's plan no longer fits: it would repeat cut to ${Math.round(ratio * 100)}% of its spending${raiseCut ? ` and a raise of ${formatMoney(fitted.raise)}` : ""}.`;
  return "Not submitted yet: without a submission, last quarter's plan repeats.";
}

function build(element: HTMLElement, room: NonNullable<AppContext["room"]>, inbox: Inbox, firmId: string): DecisionPanel {
  let config: EconomyConfig | null = null;
  let state: GameState | null = null;
  let own: OwnView | null = null;
  let result: Preview | null = null;
  let shareTimer: ReturnType<typeof setTimeout> | null = null;
  /** The player pressed Submit before decisions opened: it goes when they do. */
  let queued = false;
  /** The player has typed since the panel was last filled: only then is a refusal shown. */
  let edited = false;

  const heading = h("h2", { id: "decision-title" }, "Your decisions");
  const budget = h("p", { class: "budget", "aria-live": "polite" });
  const phaseNote = h("p", { class: "phase-note" });
  const origin = h("p", { class: "origin" });
  const error = status("alert");
  const note = status();
  const teammate = h("div", { class: "teammate" });
  const results = h("div", { class: "preview" });
  const changed = () => {
    edited = true;
    picker.show("custom");
    origin.textContent = "";
    update();
  };

  const money = (label: string, hint: string) => moneyField(label, hint, changed);
  const train = money("Train the model", "Compute for a bigger frontier model.");
  const efficiency = money("Serving efficiency", "Cheaper to serve every customer.");
  const apps = Object.fromEntries(SECTOR_IDS.map((id) => [id, money(id, "")])) as Record<SectorId, MoneyField>;
  const compliance = money("Compliance", "Fewer incidents and fines in regulated sectors.");
  const marketing = money("Marketing", "Hype: narrative value, for a while.");
  const raise = money("Raise equity", "Sell new shares; dilutes the founders.");
  const raiseMax = h("button", { type: "button", class: "link max", onclick: () => raiseToMax() }, "Raise the most");
  raise.element.append(raiseMax);
  const distill = toggleField("Distil an edge model", "One-time cost; needed where latency matters.", changed);
  const openWeights = toggleField(
    "Release open weights",
    "Irreversible: an ecosystem grows if your model leads the open ones; rivals get your model.",
    changed,
  );
  const hardware = choiceField(
    "Compute contract",
    [
      { value: "flexible", label: "Flexible (spot price)" },
      { value: "locked", label: "Locked (cheaper, a fixed price for its term)" },
    ],
    changed,
  );
  const picker = presetPicker((choice) => pick(choice));
  const submit = h("button", { type: "submit", class: "primary" }, "Submit decisions");
  const reset = h("button", { type: "button", onclick: () => loadRepeat() }, "Repeat last quarter");

  const moneyFields: Record<string, MoneyField> = { train, efficiency, compliance, marketing, raise };
  const labelOf = (field: string): string => {
    const [head, sector] = field.split(".");
    if (head === "apps" && sector) return apps[sector as SectorId]?.element.querySelector("label")?.firstChild?.textContent ?? "An application";
    return moneyFields[head ?? ""]?.element.querySelector("label")?.firstChild?.textContent ?? "This amount";
  };

  const group = (title: string, fields: MoneyField[], ...rest: HTMLElement[]) => {
    const total = h("span", { class: "total" });
    const details = h("details", { class: "group" }, h("summary", {}, h("span", {}, title), total), ...fields.map((f) => f.element), ...rest);
    return { details, total, fields };
  };
  const groups = [
    group("Model", [train, efficiency], distill.element, openWeights.element, hardware.element),
    group(
      "Applications by sector",
      SECTOR_IDS.map((id) => apps[id]),
    ),
    group("Market and money", [marketing, compliance, raise]),
  ];

  const guide = firstQuarterGuide();
  const form = h(
    "form",
    {
      novalidate: true,
      onsubmit: (e) => {
        e.preventDefault();
        if (!result?.ok) return;
        if (room.state.phase === "decide") send();
        else {
          queued = true;
          note.textContent = "Ready: it will be submitted as soon as decisions open.";
          showPhase();
        }
      },
    },
    h("div", { class: "scroll" }, picker.element, origin, guide, ...groups.map((g) => g.details), results, teammate),
    h("div", { class: "actions" }, error, note, h("div", { class: "buttons" }, submit, reset)),
  );
  // Phaser sets `display` on the element it places: the column layout lives in a box inside it.
  fill(element, h("div", { class: "frame" }, h("div", { class: "top" }, heading, budget, phaseNote), form));

  function send(): void {
    queued = false;
    note.textContent = "Submitting…";
    room.send("submit", { action: draft() });
  }

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

  /** Rebuilds the preview state from the latest private message. */
  function refresh(message: PrivateView | undefined): void {
    if (!message) return;
    if (!config) {
      const loaded = roomConfig(room.state.settings);
      if (!loaded.ok) throw new Error(loaded.error.message);
      config = loaded.value;
      for (const id of SECTOR_IDS) apps[id].element.querySelector("label")?.replaceChildren(config.sectors[id].name, h("span", { class: "unit" }, " ($M)"));
    }
    state = previewState({ config, quarter: message.quarter, self: message.firm, market: message.market, rivals: rivalsFrom(room.state.firms, firmId) });
    own = { config, quarter: message.quarter, self: message.firm, market: message.market, limits: message.limits };
    const firm = message.firm;
    for (const field of [train, efficiency, compliance, marketing, ...SECTOR_IDS.map((id) => apps[id])]) field.setMax(firm.cash);
    raise.setMax(message.limits.maxRaise);
    raise.input.max = String(Math.floor(message.limits.maxRaise));
    raise.element
      .querySelector(".hint")
      ?.replaceChildren(
        message.limits.maxRaise > 0
          ? `The most the market takes now: ${formatMoney(message.limits.maxRaise)}. Dilutes the founders.`
          : "The market takes no new shares now.",
      );
    raiseMax.hidden = message.limits.maxRaise <= 0;
    distill.input.disabled = firm.edge;
    distill.element
      .querySelector(".hint")
      ?.replaceChildren(firm.edge ? "You already have an edge model." : `One-time ${formatMoney(message.limits.edgeCost)}; needed where latency matters.`);
    openWeights.input.disabled = firm.openWeights;
    hardware.disable(firm.hardware === "locked" && firm.lockedUntil > message.quarter);
    heading.textContent = firm.delisted ? `${firm.name} is delisted` : `Quarter ${message.quarter + 1}: your decisions`;
    form.hidden = firm.delisted;
    queued = false;
    if (message.pending) {
      loadFrom(message.pending);
      picker.show("custom");
      origin.textContent = `Submitted by ${message.submittedBy}. You can change it until the quarter resolves.`;
    } else if (actionSpend(state, firm, firm.lastAction) === 0 && firm.lastAction.raise === 0) pick("balanced");
    else loadRepeat();
    note.textContent = message.pending ? "" : repeatWarning(state, firm);
    showPhase();
  }

  /** Fills the panel with a preset's plan for the firm now. */
  function pick(choice: Choice): void {
    picker.show(choice);
    if (choice === "custom") {
      for (const g of groups) g.details.open = true;
      origin.textContent = "";
      return;
    }
    if (!own) return;
    loadFrom(presetAction(own, choice));
    origin.textContent = "A plan for your firm now, within your cash and the market's appetite. Open a group to change it.";
  }

  /** Last quarter's plan, fitted to this quarter's cash and appetite: what repeats if nobody submits. */
  function loadRepeat(): void {
    if (!state) return;
    const firm = state.firms.find((f) => f.id === firmId);
    if (!firm) return;
    const fitted = floorAction(fitAction(state, firm, firm.lastAction));
    loadFrom(fitted);
    picker.show("custom");
    const ratio = spendRatio(state, firm, fitted, firm.lastAction);
    const raiseCut = fitted.raise < firm.lastAction.raise - 1e-9;
    origin.textContent =
      ratio < 0.999 || raiseCut
        ? `Last quarter's plan, fitted to your cash${raiseCut ? " and the market's appetite" : ""}: spending cut to ${Math.round(ratio * 100)}%${raiseCut ? `, raise cut to ${formatMoney(fitted.raise)}` : ""}.`
        : "Last quarter's plan, repeated.";
  }

  function raiseToMax(): void {
    const message = inbox.last("private");
    if (!message) return;
    raise.set(Math.floor(message.limits.maxRaise * 10) / 10);
    changed();
  }

  function showPhase(): void {
    const phase = room.state.phase;
    const untimed = room.state.deadline === 0 && !room.state.paused;
    if (phase === "decide") {
      phaseNote.textContent = untimed ? "No timer: the quarter resolves when every firm has submitted." : "Decisions are open.";
      submit.textContent = "Submit decisions";
    } else if (phase === "news" || phase === "report") {
      phaseNote.textContent =
        phase === "news" ? "Read the news: you can fill this in now; decisions open in a moment." : "The quarter is in: you can plan the next one now.";
      submit.textContent = queued ? "Will submit when decisions open" : "Submit when decisions open";
    } else phaseNote.textContent = "";
    submit.disabled = !result?.ok || (phase !== "decide" && phase !== "news" && phase !== "report");
  }

  function update(share = true): void {
    if (!state || !own) return;
    const firm = state.firms.find((f) => f.id === firmId);
    if (!firm) return;
    const a = draft();
    result = preview(state, firmId, a);
    const money = sanitized(a);
    const spend = actionSpend(state, firm, money);
    const cashAfterRaise = firm.cash + money.raise;
    const left = cashAfterRaise - spend;
    budget.textContent = `Budget left: ${formatMoney(left)} of ${formatMoney(cashAfterRaise)}`;
    budget.classList.toggle("over", left < -1e-9);
    for (const input of form.querySelectorAll("input")) input.removeAttribute("aria-invalid");
    for (const g of groups) {
      const sum = g.fields.filter((f) => f !== raise).reduce((s, f) => s + (Number.isFinite(f.value) && f.value > 0 ? f.value : 0), 0);
      g.total.textContent = g.fields.includes(raise) && money.raise > 0 ? `${formatMoney(sum)} · raise ${formatMoney(money.raise)}` : formatMoney(sum);
    }
    if (result.ok) {
      error.textContent = "";
      const short = result.next.cash < 0;
      fill(
        results,
        short
          ? h(
              "p",
              { class: "warning" },
              `This plan leaves you ${formatMoney(-result.next.cash)} short at the end of the quarter: an emergency sale of shares, or delisting.`,
            )
          : null,
        previewTable(result),
      );
    } else {
      const bad = marked(result.error.code, result.error.field);
      for (const field of bad) {
        field.input.setAttribute("aria-invalid", "true");
        field.element.closest("details")?.setAttribute("open", "");
      }
      error.textContent = edited || result.error.code !== "OVER_BUDGET" ? draftProblem(result.error, labelOf, own.limits, -left) : "";
      fill(results);
    }
    showPhase();
    if (share && room.state.settings.teamSize > 1) {
      if (shareTimer) clearTimeout(shareTimer);
      shareTimer = setTimeout(() => room.send("draft", { action: a }), DRAFT_SHARE_MS);
    }
  }

  /** The fields to mark for a refusal: the one named, or every amount that adds to an overspend. */
  function marked(code: string, field: string | undefined): MoneyField[] {
    if (code === "OVER_BUDGET") return [train, efficiency, compliance, marketing, ...SECTOR_IDS.map((id) => apps[id])].filter((f) => f.value > 0);
    const [head, sector] = (field ?? "").split(".");
    const one = head === "apps" ? apps[sector as SectorId] : moneyFields[head ?? ""];
    return one ? [one] : [];
  }

  const stops = [
    inbox.on("private", (m) => {
      edited = false;
      refresh(m);
    }),
    inbox.on("accepted", (m) => {
      note.textContent = `Submitted by ${m.by}. You can change it until the quarter resolves.`;
    }),
    inbox.on("rejected", (r) => {
      if (r.type === "submit") {
        note.textContent = "";
        error.textContent = rejectionText(r);
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
              if (inbox.last("private")) {
                loadFrom(d.action);
                picker.show("custom");
                origin.textContent = `${d.by}'s draft.`;
              }
            },
          },
          `Use ${d.by}'s draft`,
        ),
      );
    }),
  ];
  let phaseSeen = room.state.phase;
  const onPhase = () => {
    if (room.state.phase !== phaseSeen) {
      phaseSeen = room.state.phase;
      if (phaseSeen === "decide" && queued && result?.ok) send();
    }
    showPhase();
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
    edited = false;
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
