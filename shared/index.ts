export { AI_2025 } from "./config/ai2025.js";
export { type ConfigError, type ConfigIssue, loadConfig } from "./config/load.js";
export { DEFAULT_CONFIG, type DeepPartial, SCENARIO_LIST, type Scenario, scenarioById } from "./config/scenarios.js";
export { createGame, ENGINE_VERSION, MAX_FIRMS, MIN_FIRMS } from "./engine/create.js";
export { applyEvent, drawNews } from "./engine/events.js";
export {
  type ActionsByFirm,
  type ActionsInFirmOrder,
  appliedById,
  type InPlaceResolution,
  type Resolution,
  resolveQuarter,
  resolveQuarterInPlace,
  resolveQuarterInPlaceInOrder,
} from "./engine/resolve.js";
export { capabilityAfterTraining, capabilityFromCompute } from "./engine/rules/capability.js";
export { raiseCapacity } from "./engine/rules/financing.js";
export { correctionHazard } from "./engine/rules/sentiment.js";
export { type Standing, score } from "./engine/score.js";
export type * from "./engine/types.js";
export {
  ACTION_ERROR_CODES,
  type ActionError,
  type ActionErrorCode,
  actionSpend,
  checkAction,
  firmRaiseCapacity,
  fitAction,
  idleAction,
  validateAction,
} from "./engine/validate.js";
export * from "./engine/view.js";
export { formatMoney } from "./format.js";
export { err, ok, type Result } from "./result.js";
export * from "./rng.js";
export { type Action, type ActionInput, ActionInputSchema } from "./schemas/action.js";
export { type EconomyConfig, EconomyConfigSchema, type SectorConfig } from "./schemas/config.js";
export { type GameEvent, GameEventSchema, type Injection, InjectionSchema } from "./schemas/injection.js";
export * from "./schemas/vocabulary.js";
