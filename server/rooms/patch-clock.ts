/**
 * One process-wide patch clock for market rooms (opt-in: `MarketRoomLimits.patchSlots`), in
 * place of Colyseus' own 50 ms interval per room. The rooms are spread over `slots` slots; one
 * interval fires every `intervalMs ÷ slots` and ticks the rooms of the next slot, so each room is
 * still ticked every `intervalMs` (its clock, and its patch when one is due) while the process
 * wakes `slots` times per interval instead of once per room, and each wake-up ticks a share of
 * the rooms, not all of them at once (a burst of every room's patches delayed acknowledgements).
 */
export interface PatchTicked {
  /** One patch interval of the room: its clock, then its patch if one is due. */
  patchTick(): void;
}

export class PatchClock {
  private readonly slots: Set<PatchTicked>[];
  private readonly slotOf = new Map<PatchTicked, number>();
  private next = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly intervalMs: number,
    slots: number,
  ) {
    this.slots = Array.from({ length: Math.max(1, Math.floor(slots)) }, () => new Set<PatchTicked>());
  }

  /** Ticks `room` from now on, in the slot with the fewest rooms (so slots stay even as rooms come and go); its slot. */
  add(room: PatchTicked): number {
    const existing = this.slotOf.get(room);
    if (existing !== undefined) return existing;
    let slot = 0;
    for (let i = 1; i < this.slots.length; i++) if ((this.slots[i] as Set<PatchTicked>).size < (this.slots[slot] as Set<PatchTicked>).size) slot = i;
    (this.slots[slot] as Set<PatchTicked>).add(room);
    this.slotOf.set(room, slot);
    this.timer ??= setInterval(this.tick, this.intervalMs / this.slots.length);
    return slot;
  }

  /** Stops ticking `room`; the interval stops with the last room. */
  remove(room: PatchTicked): void {
    const slot = this.slotOf.get(room);
    if (slot === undefined) return;
    this.slots[slot]?.delete(room);
    this.slotOf.delete(room);
    if (this.slotOf.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** Rooms ticked, by slot. */
  get sizes(): number[] {
    return this.slots.map((slot) => slot.size);
  }

  private readonly tick = (): void => {
    const slot = this.slots[this.next] as Set<PatchTicked>;
    this.next = (this.next + 1) % this.slots.length;
    for (const room of slot) room.patchTick();
  };
}

/** The process's clocks, one per slot count asked for (normally one). */
const clocks = new Map<number, PatchClock>();

/** The process-wide clock of `slots` slots over Colyseus' default patch interval (50 ms). */
export function processPatchClock(slots: number): PatchClock {
  let clock = clocks.get(slots);
  if (!clock) {
    clock = new PatchClock(50, slots);
    clocks.set(slots, clock);
  }
  return clock;
}
