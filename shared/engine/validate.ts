import { formatMoney } from "../format.js";
import { err, ok, type Result } from "../result.js";
import { type Action, ActionInputSchema, type ParsedActionInput } from "../schemas/action.js";
import { isSectorId, SECTOR_IDS, type SectorId } from "../schemas/vocabulary.js";
import { raiseCapacityBeforeNews } from "./rules/financing.js";
import type { FirmState, GameState } from "./types.js";

export const ACTION_ERROR_CODES = [
  "BAD_SHAPE",
  "UNKNOWN_FIELD",
  "UNKNOWN_SECTOR",
  "NOT_FINITE",
  "NEGATIVE",
  "UNKNOWN_FIRM",
  "GAME_OVER",
  "DELISTED",
  "OPEN_WEIGHTS_IRREVERSIBLE",
  "HARDWARE_LOCKED",
  "ALREADY_DISTILLED",
  "RAISE_OVER_APPETITE",
  "OVER_BUDGET",
] as const;
export type ActionErrorCode = (typeof ACTION_ERROR_CODES)[number];

export interface ActionError {
  code: ActionErrorCode;
  /** Names the field and the number, e.g. "spending $1,250M exceeds cash after raise $1,000M by $250M". */
  message: string;
  /** Dotted path of the offending field, when there is one. */
  field?: string;
  /** The offending number ($M for money), for clients that word the error themselves. */
  value?: number;
  /**
   * The bound it broke: the appetite ($M) for RAISE_OVER_APPETITE, cash after raise ($M) for
   * OVER_BUDGET, the last quarter of the lock for HARDWARE_LOCKED, the game's quarters for GAME_OVER.
   */
  limit?: number;
}

const fail = (code: ActionErrorCode, message: string, field?: string, value?: number) =>
  err<ActionError>({ code, message, ...(field ? { field } : {}), ...(value === undefined ? {} : { value }) });

/** Edge-model cost charged by an action, given what the firm owns. */
function edgeSpend(state: GameState, firm: FirmState, action: Action): number {
  return action.distill && !firm.edge ? state.config.apps.edgeCost : 0;
}

/** Total $M an action spends this quarter. */
export function actionSpend(state: GameState, firm: FirmState, action: Action): number {
  return spendWithApps(state, firm, action, appsTotal(action));
}

/** $M into apps over every sector, summed in `SECTOR_IDS` order. */
function appsTotal(action: Action): number {
  let apps = 0;
  for (let s = 0; s < SECTOR_IDS.length; s++) apps += action.apps[SECTOR_IDS[s] as SectorId] ?? 0;
  return apps;
}

function spendWithApps(state: GameState, firm: FirmState, action: Action, apps: number): number {
  return spendOf(action, apps, edgeSpend(state, firm, action));
}

/** $M an action spends given its apps total and the edge-model cost it is charged (for callers without the game state, e.g. presets). */
function spendOf(action: Action, apps: number, edge: number): number {
  return action.train + apps + action.efficiency + action.compliance + action.marketing + edge;
}

/** $M an action spends with `edge` as its edge-model cost: what `actionSpend` counts, from a firm's own view. */
export function plannedSpend(action: Action, edge: number): number {
  return spendOf(action, appsTotal(action), edge);
}

/** The most a firm may raise this quarter: its last valuation repriced after the quarter's news. */
export function firmRaiseCapacity(state: GameState, firm: FirmState): number {
  return raiseCapacityBeforeNews(state.config, state.market, firm.history[firm.history.length - 1]);
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const key of path) v = typeof v === "object" && v !== null ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** Parses a raw action (from a client or a bot) and checks it against the firm's state. */
export function validateAction(state: GameState, firmId: string, raw: unknown): Result<Action, ActionError> {
  const firm = state.firms.find((f) => f.id === firmId);
  if (!firm) return fail("UNKNOWN_FIRM", `no firm "${firmId}" in this game`);
  const parsed = ActionInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") ?? "";
    if (!issue) return fail("BAD_SHAPE", "invalid action");
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.join(", ");
      return field === "apps"
        ? fail("UNKNOWN_SECTOR", `unknown sector ${keys} in apps (expected ${SECTOR_IDS.join(", ")})`, `apps.${issue.keys[0]}`)
        : fail("UNKNOWN_FIELD", `unknown field ${keys}${field ? ` in ${field}` : ""}`, field || issue.keys[0]);
    }
    const value = valueAt(raw, issue.path);
    if (typeof value === "number" && !Number.isFinite(value)) return fail("NOT_FINITE", `${field} must be a finite number, got ${value}`, field, value);
    if (issue.code === "too_small" && typeof value === "number") return fail("NEGATIVE", `${field} must be ≥ 0, got ${value}`, field, value);
    return fail("BAD_SHAPE", `${field || "action"}: ${issue.message}`, field || undefined);
  }
  return completeAction(state, firm, parsed.data);
}

/**
 * `validateAction` for an action already parsed with ActionInputSchema (a `submit` message is,
 * by the protocol's schema): the same result without parsing it a second time.
 */
export function validateParsedAction(state: GameState, firmId: string, input: ParsedActionInput): Result<Action, ActionError> {
  const firm = state.firms.find((f) => f.id === firmId);
  if (!firm) return fail("UNKNOWN_FIRM", `no firm "${firmId}" in this game`);
  return completeAction(state, firm, input);
}

/** A parsed action completed with the firm's current settings, and checked. */
function completeAction(state: GameState, firm: FirmState, input: ParsedActionInput): Result<Action, ActionError> {
  // Object.assign, then the fields: the same keys in the same order as `{ ...input, apps, … }`,
  // but a spread followed by a field the source lacks (openWeights, hardware) gives each object
  // made by optimised code a hidden class of its own (~0.5 KB of old space per action, and the
  // record keeps every action of the game: test/server/hidden-classes.test.ts).
  const action = Object.assign({}, input) as Action;
  action.apps = input.apps;
  action.openWeights = input.openWeights ?? firm.openWeights;
  action.hardware = input.hardware ?? firm.hardware;
  const problem = checkAction(state, firm, action);
  return problem ? err(problem) : ok(action);
}

/** What `checkAmount` accepts, without building an error. */
function isAmount(value: number | undefined): boolean {
  // The number first (every amount of a complete action is one): one check of its kind, then the bounds.
  return typeof value === "number" ? value >= 0 && value < Number.POSITIVE_INFINITY : value === undefined;
}

function checkAmount(field: string, value: number | undefined): ActionError | null {
  if (value === undefined) return null;
  if (typeof value !== "number" || !Number.isFinite(value))
    return { code: "NOT_FINITE", message: `${field} must be a finite number, got ${value}`, field, value };
  if (value < 0) return { code: "NEGATIVE", message: `${field} must be ≥ 0, got ${value}`, field, value };
  return null;
}

/**
 * Whether every key of `apps` is a sector and every sector's amount absent or ≥ 0 and finite:
 * the common case, checked with named loads (this runs for every firm every quarter).
 */
function appsLookValid(apps: Action["apps"]): boolean {
  for (const id in apps) if (!isSectorId(id)) return false;
  return (
    isAmount(apps.support) && isAmount(apps.industrial) && isAmount(apps.medical) && isAmount(apps.finance) && isAmount(apps.driving) && isAmount(apps.media)
  );
}

/** The first bad entry of `apps` in its own key order (the field name is built only for a rejection). */
function firstAppsProblem(apps: Action["apps"]): ActionError | null {
  for (const id in apps) {
    if (!isSectorId(id)) return { code: "UNKNOWN_SECTOR", message: `unknown sector ${id} in apps`, field: `apps.${id}` };
    const spend = apps[id];
    if (spend === undefined) continue;
    if (typeof spend !== "number" || !(spend >= 0 && spend < Number.POSITIVE_INFINITY)) return checkAmount(`apps.${id}`, spend);
  }
  return null;
}

/**
 * Checks a complete action against the firm's state; null when it is legal. Used after
 * parsing and, in resolution, on actions given directly by trusted code.
 */
export function checkAction(state: GameState, firm: FirmState, action: Action): ActionError | null {
  return checkActionSpending(state, firm, action, appsTotal(action));
}

/** `checkAction` given the action's apps spending summed in `SECTOR_IDS` order (resolution has it at hand). */
export function checkActionSpending(state: GameState, firm: FirmState, action: Action, apps: number): ActionError | null {
  if (state.quarter >= state.config.quarters)
    return { code: "GAME_OVER", message: `the game ended after quarter ${state.config.quarters}`, limit: state.config.quarters };
  // The firm's flags compared, not tested for truth (a field V8 has not typed as a boolean costs a full ToBoolean).
  if (firm.delisted === true) return { code: "DELISTED", message: `${firm.name} is delisted and can no longer act` };
  // Fast path: every amount a finite number ≥ 0 (or absent); otherwise find the first bad one.
  const problem =
    isAmount(action.train) && isAmount(action.efficiency) && isAmount(action.compliance) && isAmount(action.marketing) && isAmount(action.raise)
      ? null
      : (checkAmount("train", action.train) ??
        checkAmount("efficiency", action.efficiency) ??
        checkAmount("compliance", action.compliance) ??
        checkAmount("marketing", action.marketing) ??
        checkAmount("raise", action.raise));
  if (problem) return problem;
  const appsProblem = appsLookValid(action.apps) ? null : firstAppsProblem(action.apps);
  if (appsProblem) return appsProblem;
  if (firm.openWeights === true && !action.openWeights)
    return { code: "OPEN_WEIGHTS_IRREVERSIBLE", message: `${firm.name} has released its weights; openWeights cannot go back to false`, field: "openWeights" };
  if (firm.hardware === "locked" && action.hardware === "flexible" && state.quarter + 1 <= firm.lockedUntil)
    return {
      code: "HARDWARE_LOCKED",
      message: `hardware is locked until the end of quarter ${firm.lockedUntil}`,
      field: "hardware",
      limit: firm.lockedUntil,
    };
  if (action.distill && firm.edge === true)
    return { code: "ALREADY_DISTILLED", message: `${firm.name} already has an edge model; distill must be false`, field: "distill" };
  // The appetite is ≥ 0 (or NaN, which refuses nothing), so only a positive raise can exceed it: computed only then.
  const capacity = action.raise > 0 ? firmRaiseCapacity(state, firm) : 0;
  if (action.raise > capacity + 1e-9)
    return {
      code: "RAISE_OVER_APPETITE",
      message: `raise ${formatMoney(action.raise)} exceeds the market's appetite of ${formatMoney(capacity)} by ${formatMoney(action.raise - capacity)}`,
      field: "raise",
      value: action.raise,
      limit: capacity,
    };
  const spend = spendWithApps(state, firm, action, apps);
  const budget = firm.cash + action.raise;
  if (spend > budget + 1e-9)
    return {
      code: "OVER_BUDGET",
      message: `spending ${formatMoney(spend)} exceeds cash after raise ${formatMoney(budget)} by ${formatMoney(spend - budget)}`,
      value: spend,
      limit: budget,
    };
  return null;
}

/**
 * Makes a firm's previous action legal again (used when a firm does not submit): keeps
 * released weights and a running hardware lock, drops a repeat distillation, caps the
 * raise at appetite and scales spending down to the budget.
 */
export function fitAction(state: GameState, firm: FirmState, action: Action): Action {
  const raise = Math.min(action.raise, firmRaiseCapacity(state, firm));
  const fitted: Action = {
    ...action,
    raise,
    distill: action.distill && !firm.edge,
    openWeights: action.openWeights || firm.openWeights,
    hardware: firm.hardware === "locked" && state.quarter + 1 <= firm.lockedUntil ? "locked" : action.hardware,
  };
  const budget = Math.max(0, firm.cash + raise);
  const edge = edgeSpend(state, firm, fitted);
  if (edge > budget) fitted.distill = false;
  const spend = actionSpend(state, firm, fitted);
  if (spend <= budget) return fitted;
  const flexible = spend - edgeSpend(state, firm, fitted);
  const scale = flexible > 0 ? Math.max(0, budget - edgeSpend(state, firm, fitted)) / flexible : 0;
  // A hair under 1 so that the scaled sum never rounds above the budget.
  const k = scale * (1 - 1e-12);
  const apps: Partial<Record<SectorId, number>> = {};
  for (const [id, v] of Object.entries(action.apps)) apps[id as SectorId] = (v as number) * k;
  return {
    ...fitted,
    train: action.train * k,
    apps,
    efficiency: action.efficiency * k,
    compliance: action.compliance * k,
    marketing: action.marketing * k,
  };
}

/** The action of a firm that does nothing this quarter. */
export function idleAction(firm: Pick<FirmState, "openWeights" | "hardware">): Action {
  return { train: 0, apps: {}, efficiency: 0, compliance: 0, marketing: 0, distill: false, openWeights: firm.openWeights, hardware: firm.hardware, raise: 0 };
}
