import { describe, expect, it } from "vitest";
import { perSector, perSectorZeros } from "../../shared/engine/sectors.js";
import { SECTOR_IDS } from "../../shared/index.js";
import { isSectorId } from "../../shared/schemas/vocabulary.js";

describe("per-sector arrays", () => {
  it("perSector reads an action's apps in SECTOR_IDS order, a missing sector as 0", () => {
    const apps = Object.fromEntries(SECTOR_IDS.map((id, s) => [id, s + 1]));
    expect(perSector(apps)).toEqual(SECTOR_IDS.map((_, s) => s + 1));
    expect(perSector({ [SECTOR_IDS[2] as string]: 7 })).toEqual(SECTOR_IDS.map((_, s) => (s === 2 ? 7 : 0)));
    expect(perSectorZeros()).toHaveLength(SECTOR_IDS.length);
  });

  it("isSectorId accepts exactly the sectors of SECTOR_IDS", () => {
    for (const id of SECTOR_IDS) expect(isSectorId(id)).toBe(true);
    for (const other of ["", "Support", "support ", "toString", "__proto__", "constructor", "robots"]) expect(isSectorId(other)).toBe(false);
  });
});
