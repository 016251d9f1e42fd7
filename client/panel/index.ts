import type { GameState } from "../../shared/engine/types.js";
import { actionSpend, fitAction } from "../../shared/engine/validate.js";
import { DEFAULT_PRESET, floorAction, type OwnView, presetAction } from "../../shared/plans/presets.js";
import type { Action, ActionInput } from "../../shared/schemas/action.js";
import type { EconomyConfig } from "../../shared/schemas/config.js";
import type { PrivateView } from "../../shared/schemas/protocol.js";
import { SECTOR_IDS, type SectorId } from "../../shared/schemas/vocabulary.js";
import { reportRows } from "../../shared/synced.js";
import { turnKey } from "../../shared/words/turns.js";
import type { AppContext } from "../app.js";
import { money as formatMoney, percent, t } from "../i18n.js";
import { roomConfig } from "../net/economy.js";
import type { Inbox } from "../net/inbox.js";
import { fieldLabel, rejectionText } from "../ui/action-error.js";
import { fill, h, status } from "../ui/dom.js";
import { roomTurns } from "../ui/turns.js";
import { clearDraft, type DraftMemo, loadDraft, saveDraft, sessionDrafts } from "./draft-memory.js";
import { choiceField, type MoneyField, moneyField, toggleField } from "./fields.js";
import { rampWarning, spanWarning } from "./growth.js";
import { firstQuarterGuide } from "./guide.js";
import { type Choice, presetPicker } from "./presets.js";
import { type Preview, preview, previewState, rivalsFrom } from "./preview.js";
import { previewTable } from "./table.js";
import { draftProblem, idlePlan, repeatWarning, spendRatio, trainHint, trainingNote } from "./words.js";
import "./panel.css";

/** The decision panel (DOM, keyboard-first), mounted by the Market scene in its right column. */
export interface DecisionPanel {
  element: HTMLElement;
  /** What the panel holds now (the amounts as typed, the plan's origin), to carry it into a redrawn panel. */
  snapshot(): DraftMemo | null;
  destroy(): void;
}

export const PANEL_WIDTH = 380; // px at the 1280×720 design size
const DRAFT_SHARE_MS = 400;

/**
 * `carried`: the draft of the panel this one replaces (a language switch redraws the screen):
 * shown instead of the default plan when it is for the same quarter.
 */
export function createDecisionPanel(app: AppContext, carried: DraftMemo | null = null): DecisionPanel {
  const room = app.room;
  const inbox = app.inbox;
  const element = h("section", { class: "panel decision", "aria-labelledby": "decision-title" });
  if (!room || !inbox) {
    element.textContent = t("panel.notInGame");
    return { element, snapshot: () => null, destroy: () => element.remove() };
  }
  return build(element, room, inbox, app.welcome?.firmId ?? "", carried);
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

function build(element: HTMLElement, room: NonNullable<AppContext["room"]>, inbox: Inbox, firmId: string, carried: DraftMemo | null): DecisionPanel {
  const drafts = sessionDrafts();
  /** How this game's turns read: "Quarter 3" or "Turn 3" (shared/words/turns.ts). */
  const turns = roomTurns(room.state.settings);
  /** The plan on screen was submitted (by whom), until the player changes it or a new quarter opens. */
  let submittedBy: string | null = null;
  /** The quarter the panel is filled for (the private view's `quarter`). */
  let quarterShown = -1;
  let config: EconomyConfig | null = null;
  let state: GameState | null = null;
  let own: OwnView | null = null;
  let result: Preview | null = null;
  let shareTimer: ReturnType<typeof setTimeout> | null = null;
  /** The player pressed Submit before decisions opened: it goes when they do. */
  let queued = false;

  const heading = h("h2", { id: "decision-title" }, t("panel.title"));
  const budget = h("p", { class: "budget", "aria-live": "polite" });
  const phaseNote = h("p", { class: "phase-note" });
  const origin = h("p", { class: "origin" });
  const error = status("alert");
  const note = status();
  const teammate = h("div", { class: "teammate" });
  const results = h("div", { class: "preview" });
  const changed = () => {
    picker.show("custom");
    origin.textContent = "";
    update();
    remember();
  };

  const money = (label: string, hint: string) => moneyField(label, hint, changed);
  const train = money(fieldLabel("train"), t("panel.hint.train"));
  const efficiency = money(fieldLabel("efficiency"), t("panel.hint.efficiency"));
  const apps = Object.fromEntries(SECTOR_IDS.map((id) => [id, money(t(`sectors.${id}`), "")])) as Record<SectorId, MoneyField>;
  const compliance = money(fieldLabel("compliance"), t("panel.hint.compliance"));
  const marketing = money(fieldLabel("marketing"), t("panel.hint.marketing"));
  const raise = money(fieldLabel("raise"), t("panel.hint.raise"));
  const raiseMax = h("button", { type: "button", class: "link max", onclick: () => raiseToMax() }, t("panel.raiseMost"));
  raise.element.append(raiseMax);
  const distill = toggleField(fieldLabel("distill"), t("panel.hint.distill"), changed);
  const openWeights = toggleField(fieldLabel("openWeights"), t("panel.hint.openWeights"), changed);
  const hardware = choiceField(
    fieldLabel("hardware"),
    [
      { value: "flexible", label: t("panel.hardware.flexible") },
      { value: "locked", label: t("panel.hardware.locked") },
    ],
    changed,
  );
  const picker = presetPicker((choice) => {
    pick(choice);
    remember();
  });
  const submit = h("button", { type: "submit", class: "primary" }, t("panel.button.submit"));
  const reset = h(
    "button",
    {
      type: "button",
      onclick: () => {
        loadRepeat();
        remember();
      },
    },
    t(turnKey(turns, "panel.button.repeat")),
  );

  const moneyFields: Record<string, MoneyField> = { train, efficiency, compliance, marketing, raise };
  /** The amounts that spend the budget (every money field but the raise). */
  const spending: MoneyField[] = [train, efficiency, compliance, marketing, ...SECTOR_IDS.map((id) => apps[id])];
  /** Every amount by its field path, as the engine names them ("train", "apps.support"). */
  const amounts: [string, MoneyField][] = [...Object.entries(moneyFields), ...SECTOR_IDS.map((id): [string, MoneyField] => [`apps.${id}`, apps[id]])];

  const group = (title: string, fields: MoneyField[], ...rest: HTMLElement[]) => {
    const total = h("span", { class: "total" });
    const details = h("details", { class: "group" }, h("summary", {}, h("span", {}, title), total), ...fields.map((f) => f.element), ...rest);
    return { details, total, fields };
  };
  const groups = [
    group(t("panel.group.model"), [train, efficiency], distill.element, openWeights.element, hardware.element),
    group(
      t("panel.group.apps"),
      SECTOR_IDS.map((id) => apps[id]),
    ),
    group(t("panel.group.money"), [marketing, compliance, raise]),
  ];

  // A delisted firm's panel says why it is out and what its players can still do, in place of the form.
  const out = h("div", { class: "out", hidden: true }, h("p", {}, t("panel.delisted.why")), h("p", {}, t("panel.delisted.still")));
  const guide = firstQuarterGuide(turns);
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
          note.textContent = t("panel.note.queued");
          showPhase();
        }
      },
    },
    h("div", { class: "scroll" }, picker.element, origin, guide?.element, ...groups.map((g) => g.details), results, teammate),
    h("div", { class: "actions" }, error, note, h("div", { class: "buttons" }, submit, reset)),
  );
  // Phaser sets `display` on the element it places: the column layout lives in a box inside it.
  fill(element, h("div", { class: "frame" }, h("div", { class: "top" }, heading, budget, phaseNote), out, form));

  function send(): void {
    queued = false;
    note.textContent = t("panel.note.submitting");
    clearDraft(drafts, room.roomId, firmId);
    // The quarter it is for: a submit that crosses the resolution is refused, not played next quarter.
    room.send("submit", quarterShown < 0 ? { action: draft() } : { action: draft(), quarter: quarterShown + 1 });
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
      train.element.querySelector(".hint")?.replaceChildren(trainHint(config.capability.lagQuarters));
      guide?.showLag(config.capability.lagQuarters);
    }
    state = previewState({
      config,
      quarter: message.quarter,
      self: message.firm,
      market: message.market,
      rivals: rivalsFrom(
        room.state.firms.map((f) => ({ id: f.id, name: f.name, delisted: f.delisted, history: reportRows(f) })),
        firmId,
      ),
    });
    own = { config, quarter: message.quarter, self: message.firm, market: message.market, limits: message.limits };
    const firm = message.firm;
    raise.setMax(message.limits.maxRaise);
    raise.input.max = String(Math.floor(message.limits.maxRaise));
    raise.element
      .querySelector(".hint")
      ?.replaceChildren(message.limits.maxRaise > 0 ? t("panel.hint.raiseMost", { amount: formatMoney(message.limits.maxRaise) }) : t("panel.hint.raiseNone"));
    raiseMax.hidden = message.limits.maxRaise <= 0;
    distill.input.disabled = firm.edge;
    distill.element
      .querySelector(".hint")
      ?.replaceChildren(firm.edge ? t("panel.hint.distilled") : t("panel.hint.distillCost", { cost: formatMoney(message.limits.edgeCost) }));
    openWeights.input.disabled = firm.openWeights;
    hardware.disable(firm.hardware === "locked" && firm.lockedUntil > message.quarter);
    heading.textContent = firm.delisted
      ? t("panel.titleDelisted", { firm: firm.name })
      : t(turns.quarterly ? "panel.titleQuarter" : "panel.titleTurn", { quarter: message.quarter + 1 });
    form.hidden = firm.delisted;
    out.hidden = !firm.delisted;
    budget.hidden = firm.delisted;
    phaseNote.hidden = firm.delisted;
    queued = false;
    if (message.quarter !== quarterShown) submittedBy = null;
    quarterShown = message.quarter;
    guide?.showQuarter(message.quarter);
    // What the player had on screen comes back first: a redrawn panel's draft, else the
    // plan already submitted, else what they were typing before a reload.
    const memo = carried?.quarter === message.quarter ? carried : null;
    carried = null;
    const typed = memo ?? (message.pending ? null : loadDraft(drafts, room.roomId, firmId, message.quarter));
    if (typed) {
      restore(typed);
      if (memo) submittedBy = memo.submittedBy ?? null;
    } else if (message.pending) {
      loadFrom(message.pending);
      picker.show("custom");
      submittedBy = message.submittedBy ?? null;
      origin.textContent = t(turnKey(turns, "panel.note.submittedBy"), { name: submittedBy ?? "" });
    } else {
      // Every turn starts from the default preset (Balanced), which keeps cash for the fixed costs ahead: last
      // turn's plan repeated unread spends the firm into delisting (shared/plans/presets.ts defaultAction).
      pick(DEFAULT_PRESET);
    }
    note.textContent =
      submittedBy !== null
        ? message.pending && !typed
          ? ""
          : t(turnKey(turns, "panel.note.submittedBy"), { name: submittedBy })
        : repeatWarning(state, firm, turns);
    // Before the first quarter there is no plan to repeat.
    reset.hidden = idlePlan(state, firm);
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
    origin.textContent = t("panel.origin.preset");
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
    origin.textContent = raiseCut
      ? t(turnKey(turns, "panel.origin.fittedRaise"), { share: percent(ratio), raise: formatMoney(fitted.raise) })
      : ratio < 0.999
        ? t(turnKey(turns, "panel.origin.fitted"), { share: percent(ratio) })
        : t(turnKey(turns, "panel.origin.repeated"));
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
      phaseNote.textContent = untimed ? t(turnKey(turns, "panel.phase.untimed")) : t("panel.phase.open");
      submit.textContent = t("panel.button.submit");
    } else if (phase === "news" || phase === "report") {
      phaseNote.textContent = phase === "news" ? t("panel.phase.news") : t(turnKey(turns, "panel.phase.report"));
      submit.textContent = queued ? t("panel.button.submitQueued") : t("panel.button.submitLater");
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
    budget.textContent = t("panel.budget", { left: formatMoney(left), total: formatMoney(cashAfterRaise) });
    // A spending slider reaches the whole budget, cash plus the raise, as the server counts it:
    // a preset that spends part of its raise on one field shows that field inside its slider.
    for (const field of spending) field.setMax(Math.max(0, cashAfterRaise));
    budget.classList.toggle("over", left < -1e-9);
    for (const input of form.querySelectorAll("input")) input.removeAttribute("aria-invalid");
    for (const g of groups) {
      const sum = g.fields.filter((f) => f !== raise).reduce((s, f) => s + (Number.isFinite(f.value) && f.value > 0 ? f.value : 0), 0);
      g.total.textContent =
        g.fields.includes(raise) && money.raise > 0
          ? t("panel.group.totalRaise", { spent: formatMoney(sum), raise: formatMoney(money.raise) })
          : formatMoney(sum);
    }
    if (result.ok) {
      error.textContent = "";
      const short = result.next.cash < 0;
      const ramp = rampWarning(state, firm, result.action, turns);
      const span = spanWarning(state.config, result.action);
      const training = trainingNote(result.training, state.config.capability.lagQuarters);
      fill(
        results,
        short ? h("p", { class: "warning" }, t(turnKey(turns, "panel.short"), { amount: formatMoney(-result.next.cash) })) : null,
        ramp ? h("p", { class: "warning growth" }, ramp) : null,
        span ? h("p", { class: "warning growth" }, span) : null,
        previewTable(result, turns),
        training ? h("p", { class: "hint in-training-note" }, training) : null,
      );
    } else {
      const bad = marked(result.error.code, result.error.field);
      for (const field of bad) {
        field.input.setAttribute("aria-invalid", "true");
        field.element.closest("details")?.setAttribute("open", "");
      }
      // Whatever the panel holds (typed, a preset, a teammate's draft), a plan the server would refuse says what to lower.
      error.textContent = draftProblem(result.error, fieldLabel, own.limits, -left, turns);
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
    if (code === "OVER_BUDGET") return spending.filter((f) => f.value > 0);
    const [head, sector] = (field ?? "").split(".");
    const one = head === "apps" ? apps[sector as SectorId] : moneyFields[head ?? ""];
    return one ? [one] : [];
  }

  const stops = [
    inbox.on("private", (m) => refresh(m)),
    inbox.on("accepted", (m) => {
      submittedBy = m.by;
      note.textContent = t(turnKey(turns, "panel.note.submittedBy"), { name: m.by });
    }),
    inbox.on("rejected", (r) => {
      if (r.type === "submit") {
        note.textContent = "";
        error.textContent = rejectionText(r, turns);
      }
    }),
    inbox.on("draft", (d) => {
      fill(
        teammate,
        h("p", {}, t("panel.teammate.drafting", { name: d.by })),
        h(
          "button",
          {
            type: "button",
            onclick: () => {
              if (inbox.last("private")) {
                loadFrom(d.action);
                picker.show("custom");
                origin.textContent = t("panel.origin.teammate", { name: d.by });
                remember();
              }
            },
          },
          t("panel.teammate.use", { name: d.by }),
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
    update(false);
  }

  /** The panel's amounts as typed, its toggles and where the plan came from. */
  function snapshot(): DraftMemo | null {
    if (quarterShown < 0) return null;
    return {
      quarter: quarterShown,
      choice: picker.chosen,
      amounts: Object.fromEntries(amounts.map(([path, field]) => [path, field.input.value])),
      distill: distill.input.checked,
      openWeights: openWeights.input.checked,
      hardware: hardware.value,
      submittedBy,
    };
  }

  /** Keeps what the player is typing for this quarter (see draft-memory.ts). */
  function remember(): void {
    const memo = snapshot();
    if (memo) saveDraft(drafts, room.roomId, firmId, memo);
  }

  /** Puts a remembered draft back as it was typed. */
  function restore(memo: DraftMemo): void {
    for (const [path, field] of amounts) field.restore(memo.amounts[path] ?? "0");
    distill.input.checked = memo.distill && !distill.input.disabled;
    if (!openWeights.input.disabled) openWeights.input.checked = memo.openWeights;
    if (memo.hardware === "flexible" || memo.hardware === "locked") hardware.set(memo.hardware);
    picker.show(memo.choice);
    origin.textContent = t("panel.origin.restored");
    if (memo.choice === "custom") for (const g of groups) g.details.open = true;
    update(false);
  }

  refresh(inbox.last("private"));
  return {
    element,
    snapshot,
    destroy() {
      for (const stop of stops) stop();
      room.onStateChange.remove(onPhase);
      if (shareTimer) clearTimeout(shareTimer);
      element.remove();
    },
  };
}
