/**
 * Where a steady-state in-place firm-quarter's instructions go, function by function: the bench's
 * games (those of `npm run bench`) bundled from this checkout (or the one given), run under
 * valgrind's callgrind with V8's `--predictable` and `--perf-basic-prof` (which names the JIT's
 * code), for `warm` + `games` and `warm` + 3 × `games` games; each function's self count is the
 * difference of the two runs, per firm-quarter. TurboFan inlines callees into their callers, so a
 * rule's row counts what was inlined into it. `--perf-basic-prof` itself costs a few instructions,
 * so the total is a little above `engine-instructions.ts`'s.
 *
 *   npx tsx server/bench/engine-profile.ts [checkout] [games] [--warm <games>] [--top <rows>]
 *
 * `--callers <text>`: also the calls into functions whose name matches the regular expression `text` (e.g. `Megamorphic|ieee754`), by caller, with
 * their inclusive counts.
 *
 * `--no-inlining` runs V8 with `--no-turbo-inlining`: every function counts its own (the total rises), to split a rule's row.
 *
 * Needs valgrind; takes a few minutes (the two runs go side by side).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, unlinkSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_CONFIG } from "../../shared/index.js";
import { ENGINE_NODE_FLAGS } from "../sim/engine-flags.js";
import { FIRMS } from "./engine-games.js";
import { writeEntryBundle } from "./entry-bundle.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    warm: { type: "string", default: "1000" },
    top: { type: "string", default: "40" },
    callers: { type: "string" },
    "no-inlining": { type: "boolean", default: false },
  },
});
const here = fileURLToPath(new URL("../..", import.meta.url));
const checkout = resolve(positionals[0] ?? here);
const games = Number(positionals[1] ?? 500);
const warm = Number(values.warm);
const top = Number(values.top);
if (!existsSync(resolve(checkout, "shared/index.ts")) || !(games > 0) || !(warm >= 0) || !(top > 0)) {
  console.error("usage: npx tsx server/bench/engine-profile.ts [checkout] [games] [--warm <games>] [--top <rows>]");
  process.exit(2);
}

const entry = `
import * as engine from ${JSON.stringify(resolve(checkout, "shared/index.ts"))};
import { playGames } from ${JSON.stringify(fileURLToPath(new URL("./engine-games.ts", import.meta.url)))};
playGames(engine, Number(process.argv[2]), true);
`;
const file = writeEntryBundle(entry, here, "engine-profile", "profile");

/** A perf map's ranges, sorted by start: [start, end, name]. */
function readPerfMap(pid: number): [number, number, string][] {
  const path = `/tmp/perf-${pid}.map`;
  if (!existsSync(path)) return [];
  const ranges: [number, number, string][] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const m = /^([0-9a-f]+) ([0-9a-f]+) (.*)$/.exec(line);
    if (!m) continue;
    const start = Number.parseInt(m[1] as string, 16);
    ranges.push([start, start + Number.parseInt(m[2] as string, 16), m[3] as string]);
  }
  unlinkSync(path);
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** The JIT code's name for an address callgrind could not name (the last range that starts at or below it). */
function nameAt(ranges: [number, number, string][], address: number): string | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((ranges[mid] as [number, number, string])[0] <= address) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const r = ranges[found];
  return r && address < r[1] ? r[2] : undefined;
}

/** A function's name without V8's tier marks and the bundle's path: `marketShares`, `Builtin: …`. */
function shortName(name: string): string {
  return name
    .replace(/^(JS|LazyCompile|Function|Script):[*~^+-]?/, "")
    .replace(/ (file:\/\/)?\/\S+\.mjs(:\d+)*$/, "")
    .trim();
}

const callersOf = values.callers === undefined ? undefined : new RegExp(values.callers);

/** Self instructions by function name for one run of `n` games (and, under `--callers`, calls by "caller → callee"). */
function profile(n: number): Promise<Map<string, number>> {
  const out = `${file}.${n}.callgrind`;
  return new Promise((done, fail) => {
    const child = spawn(
      "valgrind",
      [
        "--tool=callgrind",
        `--callgrind-out-file=${out}`,
        "--smc-check=all-non-file",
        "--compress-strings=no",
        "--compress-pos=no",
        process.execPath,
        "--predictable",
        "--perf-basic-prof",
        ...(values["no-inlining"] ? ["--no-turbo-inlining"] : []),
        ...ENGINE_NODE_FLAGS,
        file,
        String(n),
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on("close", (code) => {
      if (code !== 0 || !existsSync(out)) return fail(new Error(`callgrind failed (${code}): ${err.slice(-500)}`));
      const ranges = readPerfMap(child.pid as number);
      const self = new Map<string, number>();
      let fn = "";
      let callee = "";
      let skipNext = false;
      const named = (raw: string) => {
        const address = /^0x([0-9a-f]+)$/.exec(raw);
        return address ? shortName(nameAt(ranges, Number.parseInt(address[1] as string, 16)) ?? "(unnamed JIT code)") : raw;
      };
      for (const line of readFileSync(out, "utf8").split("\n")) {
        if (line.startsWith("fn=")) fn = named(line.slice(3));
        else if (line.startsWith("cfn=")) callee = named(line.slice(4));
        else if (line.startsWith("calls=")) skipNext = true;
        else if (/^[0-9+*-]/.test(line)) {
          if (skipNext) {
            skipNext = false;
            if (callersOf?.test(callee)) {
              const key = `${fn} → ${callee}`;
              self.set(key, (self.get(key) ?? 0) + Number(line.split(" ")[1]));
            }
          } else {
            const cost = Number(line.split(" ")[1]);
            if (cost) self.set(fn, (self.get(fn) ?? 0) + cost);
          }
        }
      }
      unlinkSync(out);
      done(self);
    });
  });
}

const [short, long] = await Promise.all([profile(warm + games), profile(warm + 3 * games)]);
unlinkSync(file);
const perFirmQuarter = 2 * games * DEFAULT_CONFIG.quarters * FIRMS;
const all = [...new Set([...short.keys(), ...long.keys()])]
  .map((name) => [name, ((long.get(name) ?? 0) - (short.get(name) ?? 0)) / perFirmQuarter] as const)
  .sort((a, b) => b[1] - a[1]);
const rows = all.filter(([name]) => !name.includes(" → "));
const total = rows.reduce((sum, [, x]) => sum + x, 0);
console.log(`self instructions per firm-quarter in place (callgrind, ${2 * games} bench games after ${warm + games}; ${checkout}):`);
for (const [name, x] of rows.slice(0, top)) console.log(`${Math.round(x).toString().padStart(7)}  ${((100 * x) / total).toFixed(1).padStart(5)}%  ${name}`);
console.log(`${Math.round(total).toString().padStart(7)}  total`);
if (callersOf) {
  console.log(`calls into /${values.callers}/, by caller (inclusive, per firm-quarter):`);
  for (const [name, x] of all.filter(([name]) => name.includes(" → ")).slice(0, top)) console.log(`${Math.round(x).toString().padStart(7)}  ${name}`);
}
