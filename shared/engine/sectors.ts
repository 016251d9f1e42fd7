import type { EconomyConfig, SectorConfig } from "../schemas/config.js";
import { SECTOR_IDS, type SectorId } from "../schemas/vocabulary.js";

const cache = new WeakMap<EconomyConfig, readonly SectorConfig[]>();

/** The last config asked for and its list (a simulator asks for the same config every quarter). */
let lastConfig: EconomyConfig | null = null;
let lastList: readonly SectorConfig[] = [];

/** The config's sectors in `SECTOR_IDS` order (memoised per config object: a hot path). */
export function sectorList(config: EconomyConfig): readonly SectorConfig[] {
  if (config === lastConfig) return lastList;
  let list = cache.get(config);
  if (!list) {
    list = SECTOR_IDS.map((id) => config.sectors[id]);
    cache.set(config, list);
  }
  lastConfig = config;
  lastList = list;
  return list;
}

/**
 * The figures of the config's sectors the rules read per firm and sector, as columns in
 * `SECTOR_IDS` order: numbers in `Float64Array`s (a config's fields hold small integers or
 * heap numbers, each read behind a check of which; a typed array's are plain doubles), flags
 * in packed arrays of booleans (read with `=== true`, one compare). The same values as
 * `sectorList`'s objects; memoised per config object.
 */
export interface SectorColumns {
  need: Float64Array;
  servingCost: Float64Array;
  latencyBound: boolean[];
  disclosureRule: boolean[];
}

const columnsCache = new WeakMap<EconomyConfig, SectorColumns>();
let lastColumnsConfig: EconomyConfig | null = null;
let lastColumns: SectorColumns | null = null;

/** The config's sectors as columns (see `SectorColumns`), memoised per config object. */
export function sectorColumns(config: EconomyConfig): SectorColumns {
  if (config === lastColumnsConfig && lastColumns !== null) return lastColumns;
  let columns = columnsCache.get(config);
  if (!columns) {
    const list = sectorList(config);
    const need = new Float64Array(SECTOR_IDS.length);
    const servingCost = new Float64Array(SECTOR_IDS.length);
    const latencyBound: boolean[] = [];
    const disclosureRule: boolean[] = [];
    for (let s = 0; s < SECTOR_IDS.length; s++) {
      const sector = list[s] as SectorConfig;
      need[s] = sector.need;
      servingCost[s] = sector.servingCost;
      latencyBound.push(sector.latencyBound === true);
      disclosureRule.push(sector.disclosureRule === true);
    }
    columns = { need, servingCost, latencyBound, disclosureRule };
    columnsCache.set(config, columns);
  }
  lastColumnsConfig = config;
  lastColumns = columns;
  return columns;
}

/** x^e with the common small integer exponents computed by multiplication. */
export function power(x: number, e: number): number {
  if (e === 1) return x;
  if (e === 2) return x * x;
  if (e === 3) return x * x * x;
  // exp(e·ln x): about twice as fast as the general power in V8, and just as deterministic.
  return x > 0 ? Math.exp(e * Math.log(x)) : x ** e;
}

/**
 * `f` of every sector in `SECTOR_IDS` order, as a packed array. Not `SECTOR_IDS.map(f)`: once
 * TurboFan optimises the caller it inlines `map` and makes a holey array, whose different map
 * deoptimises every rule that read the packed ones (a cascade of recompiles some hundreds of
 * games into every simulator worker).
 */
export function perSectorOf<T>(f: (id: SectorId) => T): T[] {
  const out: T[] = [];
  for (let s = 0; s < SECTOR_IDS.length; s++) out.push(f(SECTOR_IDS[s] as SectorId));
  return out;
}

/** A zero per sector (a literal: fast, and the type check below keeps it in step with SECTOR_IDS). */
export function perSectorZeros(): number[] {
  return [0, 0, 0, 0, 0, 0];
}
/** A copy of a per-sector array, as a literal: optimised code allocates it inline, where `slice()` calls a builtin. */
export function copyPerSector(row: readonly number[]): number[] {
  return [row[0] as number, row[1] as number, row[2] as number, row[3] as number, row[4] as number, row[5] as number];
}
const SECTOR_COUNT: 6 = SECTOR_IDS.length;
void SECTOR_COUNT;

/**
 * Money per sector (an action's `apps`) as an array in `SECTOR_IDS` order, a missing sector as
 * 0 (test/shared/sectors.test.ts keeps its order in step with SECTOR_IDS). Read by name, not by a key from SECTOR_IDS: V8 caches a named load, a keyed one on objects
 * of many shapes is several times slower, and this runs for every firm every quarter.
 */
export function perSector(apps: Readonly<Partial<Record<SectorId, number>>>): number[] {
  return [apps.support ?? 0, apps.industrial ?? 0, apps.medical ?? 0, apps.finance ?? 0, apps.driving ?? 0, apps.media ?? 0];
}

/** `perSector` written into `row` (a reused per-sector array) instead of a new array. */
export function perSectorInto(row: number[], apps: Readonly<Partial<Record<SectorId, number>>>): void {
  row[0] = apps.support ?? 0;
  row[1] = apps.industrial ?? 0;
  row[2] = apps.medical ?? 0;
  row[3] = apps.finance ?? 0;
  row[4] = apps.driving ?? 0;
  row[5] = apps.media ?? 0;
}

/** Sets every sector of a per-sector array to 0 (written out: a loop checks the stack and the array's map every turn). */
export function zeroPerSector(row: number[]): void {
  row[0] = 0;
  row[1] = 0;
  row[2] = 0;
  row[3] = 0;
  row[4] = 0;
  row[5] = 0;
}

/** A per-sector array's sum, added in sector order from 0 (the same sum as a loop's, written out). */
export function sumPerSector(row: readonly number[]): number {
  return 0 + (row[0] as number) + (row[1] as number) + (row[2] as number) + (row[3] as number) + (row[4] as number) + (row[5] as number);
}
