import fc from "fast-check";
import { Packr } from "msgpackr";
import { describe, expect, it } from "vitest";
import { actionOf, actionValues } from "../../shared/positional.js";
import type { Action } from "../../shared/schemas/action.js";
import { HARDWARE, SECTOR_IDS } from "../../shared/schemas/vocabulary.js";

// Colyseus' own message packer (@colyseus/core Protocol.ts): plain maps, no records.
const packr = new Packr({ useRecords: false });
const money = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5000, noNaN: true }));
const action: fc.Arbitrary<Action> = fc.record({
  train: money,
  apps: fc.dictionary(fc.constantFrom(...SECTOR_IDS), money, { maxKeys: SECTOR_IDS.length }),
  efficiency: money,
  compliance: money,
  marketing: money,
  distill: fc.boolean(),
  openWeights: fc.boolean(),
  hardware: fc.constantFrom(...HARDWARE),
  raise: money,
});

describe("an action without keys (accepted's action, private's lastAction)", () => {
  it("reads back as the same action after the wire, with its apps' sectors in their order", () => {
    fc.assert(
      fc.property(action, (a) => {
        const back = actionOf(JSON.parse(JSON.stringify(actionValues(a))));
        expect(back).toEqual(a);
        expect(Object.keys(back?.apps ?? {})).toEqual(Object.keys(a.apps));
      }),
    );
  });

  it("packs to well under half the bytes of the keyed action", () => {
    fc.assert(
      fc.property(action, (a) => {
        expect(packr.pack(actionValues(a)).length).toBeLessThan(packr.pack(a).length * 0.5);
      }),
    );
  });

  it("anything but a list is no action", () => {
    expect(actionOf({ train: 1 })).toBeUndefined();
    expect(actionOf(null)).toBeUndefined();
  });
});
