/**
 * The current phase's timer as plain data: no timers here. The flow asks its host to schedule
 * a `timer` event after `ms` (tagged with `id`, so a stale one is ignored); pausing keeps the
 * time left. Pausing is room-wide: a phase entered while paused starts frozen.
 */
export interface PhaseTimer {
  /** Whether the current phase ends when its timer runs out (false: untimed, e.g. the lobby). */
  timed: boolean;
  paused: boolean;
  /** Server ms when the phase ends; 0 while paused or untimed. */
  deadline: number;
  /** Ms left while paused; 0 otherwise. */
  remaining: number;
  /** Tags the scheduled expiry: only the latest counts. */
  id: number;
}

export const idleTimer = (): PhaseTimer => ({ timed: false, paused: false, deadline: 0, remaining: 0, id: 0 });

/** What the host must do with its single timer: run it for `ms` and then send `{ type: "timer", id }`, or cancel it. */
export type TimerEffect = { type: "schedule"; ms: number; id: number } | { type: "cancel" };

/** Ms left in the phase (frozen while paused); 0 when untimed. */
export function remainingMs(timer: PhaseTimer, now: number): number {
  if (!timer.timed) return 0;
  return timer.paused ? timer.remaining : Math.max(0, timer.deadline - now);
}

/** Starts a timed phase of `ms` (frozen at once while paused). */
export function startTimer(timer: PhaseTimer, ms: number, now: number): TimerEffect {
  timer.timed = true;
  return run(timer, ms, now);
}

/** The phase ends by other means (or is untimed): nothing runs; the pause, if any, stays. */
export function stopTimer(timer: PhaseTimer): TimerEffect {
  timer.timed = false;
  timer.deadline = 0;
  timer.remaining = 0;
  timer.id++;
  return { type: "cancel" };
}

/** Freezes the timer with the time left. */
export function pauseTimer(timer: PhaseTimer, now: number): TimerEffect {
  const left = remainingMs(timer, now);
  timer.paused = true;
  timer.deadline = 0;
  timer.remaining = timer.timed ? left : 0;
  timer.id++;
  return { type: "cancel" };
}

/** Restarts a frozen timer with the time that was left (a cancel when untimed). */
export function resumeTimer(timer: PhaseTimer, now: number): TimerEffect {
  const left = timer.remaining;
  timer.paused = false;
  timer.remaining = 0;
  return timer.timed ? run(timer, left, now) : { type: "cancel" };
}

/** Adds time to a timed phase, running or frozen. */
export function extendTimer(timer: PhaseTimer, ms: number, now: number): TimerEffect {
  return run(timer, remainingMs(timer, now) + ms, now);
}

/** Whether a `timer` event is the current phase's expiry (not a stale or cancelled one). */
export function expires(timer: PhaseTimer, id: number): boolean {
  return timer.timed && !timer.paused && timer.id === id;
}

function run(timer: PhaseTimer, ms: number, now: number): TimerEffect {
  timer.id++;
  if (timer.paused) {
    timer.deadline = 0;
    timer.remaining = ms;
    return { type: "cancel" };
  }
  timer.deadline = now + ms;
  timer.remaining = 0;
  return { type: "schedule", ms, id: timer.id };
}
