import { describe, expect, test } from "vitest";
import type { TickStretch } from "../../server/bench/load/probe-types.js";
import { emptyStretch } from "../../server/bench/load/tick-probe.js";
import { summarizeTicks } from "../../server/bench/load/ticks.js";

const stretch = (start: number, end: number, counts: Partial<TickStretch> = {}): TickStretch => ({ ...emptyStretch(start, end), ...counts });

describe("the long-tick probe's summary", () => {
  test("counts the stretches of 20 and 50 ms per 1,000 room-quarters and says what the long ones held, GC matched by time", () => {
    const origin = 1_000_000;
    const long = [
      stretch(100, 130, { patches: 40, patchesSent: 4, patchMs: 10, frames: 6, submits: 6, frameMs: 12, resolvingFrames: 1, resolvingFrameMs: 3, privates: 6 }),
      stretch(500, 570, { patches: 100, patchesSent: 10, patchMs: 30, frames: 12, submits: 12, frameMs: 20, timers: 1, timerMs: 5, privates: 12 }),
      stretch(900, 912), // 12 ms: kept by the probe, not long here
    ];
    const summary = summarizeTicks(
      {
        origin,
        stretches: 10,
        busyMs: 150,
        buckets: [5, 2, 0, 1, 1, 1, 0],
        long,
        gcs: [
          { start: origin + 120, end: origin + 125, kind: 1 }, // inside the first
          { start: origin + 560, end: origin + 580, kind: 2 }, // half inside the second (major)
          { start: origin + 300, end: origin + 310, kind: 1 }, // in neither
        ],
      },
      1000,
      200, // room-quarters in the window
      6,
    );
    expect(summary.busyPercent).toBe(15);
    expect(summary.buckets).toEqual({ "<1": 5, "1–5": 2, "5–10": 0, "10–20": 1, "20–50": 1, "50–100": 1, "≥100": 0 });
    expect([summary.over20, summary.over50]).toEqual([2, 1]);
    expect([summary.over20PerKiloQuarters, summary.over50PerKiloQuarters]).toEqual([10, 5]);
    expect(summary.long).toMatchObject({
      ms: 50,
      patchMs: 20,
      patches: 70,
      frameMs: 16,
      resolvingFrames: 0.5,
      resolutions: 1.5,
      gcMs: 7.5, // (5 + 10) / 2
      majorGcMs: 5,
      otherMs: 11.5, // (30 − 10 − 12 and 70 − 30 − 20 − 5) / 2
    });
  });
});
