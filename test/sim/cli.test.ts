import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../server/sim/command.js";
import { searchExploit } from "../../shared/sim/search.js";

const root = join(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "sim-test-"));

/** Runs `npm run sim -- …` as a user would (through tsx), without a terminal. */
function sim(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(root, "server/sim/cli.ts"), "--no-progress", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/**
 * Runs the command's `main` in this process, capturing what it writes to stderr (commander's
 * errors and the command's own): for arguments rejected before any game is played.
 */
async function simInProcess(...args: string[]) {
  let err = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => {
    err += `${parts.join(" ")}\n`;
  });
  try {
    return { code: await main(["--no-progress", ...args]), err };
  } finally {
    vi.restoreAllMocks();
  }
}

function file(name: string, content: unknown): string {
  const path = join(work, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

describe("sim CLI: argument errors exit 2 and name the problem", () => {
  it.each([
    [["--games", "ten"], /--games must be a positive integer, got "ten"/],
    [["--firms", "scaler,wizard"], /unknown bot "wizard"/],
    [["--scenario", "mars-2030"], /unknown scenario "mars-2030"/],
    [["--sweep", "correction.hazardMidpoint=2:3"], /expected name=from:to:steps/],
    [["--sweep", "nonsense.key=1:2:3"], /unknown config key: nonsense/],
    [["--ab", "disclosure"], /expected key=a,b/],
    [["--swap", "a=pivot"], /--swap needs --replay/],
    [["--frobnicate"], /unknown option/],
  ])("%j", async (args, message) => {
    const { code, err } = await simInProcess(...args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it("rejects a config override with an unknown key or a bad value, naming it", async () => {
    const unknown = await simInProcess("--config", file("unknown.json", { sectors: { media: { servingCots: 1 } } }));
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("sectors.media.servingCots");
    const bad = await simInProcess("--config", file("bad.json", { valuation: { multiple: -3 } }));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("valuation.multiple");
    const broken = await simInProcess("--config", file("broken.json", "{ not json"));
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/not valid JSON/);
  });
});

describe("sim CLI: outputs", () => {
  it("writes byte-identical runs.csv and summary.json whatever the number of workers", () => {
    const one = join(work, "w1");
    const two = join(work, "w2");
    expect(sim("--games", "16", "--workers", "1", "--out", one, "--seed", "det").code).toBe(0);
    expect(sim("--games", "16", "--workers", "2", "--out", two, "--seed", "det").code).toBe(0);
    for (const name of ["runs.csv", "summary.json"]) expect(readFileSync(join(two, name))).toEqual(readFileSync(join(one, name)));
    const csv = readFileSync(join(one, "runs.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toMatch(/^run,seed,variant,quarter,firm,strategy,revenue,/);
    expect(csv).toHaveLength(1 + 16 * 17 * 4); // header + games × (quarters + start) × firms
    const summary = JSON.parse(readFileSync(join(one, "summary.json"), "utf8"));
    expect(summary.command).toBe("npm run sim -- --games 16 --seed det");
    expect(summary.engineVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(summary.variants[0].stats.strategies.map((s: { strategy: string }) => s.strategy)).toEqual(["scaler", "builder", "balanced", "pivot"]);
  });

  it("reports a sweep with metric charts and a tornado, and an A/B side by side", () => {
    const sweep = join(work, "sweep");
    expect(sim("--games", "6", "--out", sweep, "--sweep", "correction.hazardMidpoint=2.4:3.2:3", "--sweep", "sentiment.momentum=0.3:0.5:2").code).toBe(0);
    const html = readFileSync(join(sweep, "report.html"), "utf8");
    for (const text of [
      "Sentiment S",
      "Bubble ratio B",
      "Valuation by strategy",
      "Final score by strategy",
      "win rate",
      "Sweeps",
      "What moves the crash",
      "correction.hazardMidpoint",
    ]) {
      expect(html).toContain(text);
    }
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/); // self-contained
    const ab = join(work, "ab");
    expect(sim("--games", "6", "--out", ab, "--ab", "regime=application,model").code).toBe(0);
    const abHtml = readFileSync(join(ab, "report.html"), "utf8");
    expect(abHtml).toContain("A/B: start.regime");
    expect(abHtml).toContain("start.regime=application");
    expect(abHtml).toContain("start.regime=model");
  });
});

describe("sim CLI: --check", () => {
  it("fails (exit 1) with a table when a config breaks a balance target", () => {
    const calm = file("calm.json", { correction: { hazardMax: 0 }, events: { probability: 0 } });
    const { code, out } = sim("--check", "--games", "20", "--quarters", "8", "--config", calm);
    expect(code).toBe(1);
    expect(out).toMatch(/FAIL\s+8q: median correction start in the middle third/);
    expect(out).toMatch(/targets missed/);
  });
});

describe("sim CLI: --replay", () => {
  it("verifies a stored record, names the first differing quarter and field of a tampered one, and swaps a seat", () => {
    const out = join(work, "records");
    expect(sim("--games", "1", "--out", out, "--records", "--seed", "rec").code).toBe(0);
    const path = join(out, "records", "run-0.json");
    const ok = sim("--replay", path);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/replays identically \(16 quarters, 4 firms/);

    const record = JSON.parse(readFileSync(path, "utf8"));
    record.quarters[4].actions["builder-2"].efficiency *= 0.5;
    const tampered = sim("--replay", file("tampered.json", record));
    expect(tampered.code).toBe(1);
    expect(tampered.err).toMatch(/differs first at quarter 5, field [\w.[\]]+: recorded [\d.e-]+, replayed [\d.e-]+/);

    record.quarters[4].actions["builder-2"].efficiency = 1e6;
    const illegal = sim("--replay", file("illegal.json", record));
    expect(illegal.code).toBe(1);
    expect(illegal.err).toMatch(/differs first at quarter 5, field actions\.builder-2: .*OVER_BUDGET/);

    const swap = sim("--replay", path, "--swap", "builder-2=pivot", "--from", "3");
    expect(swap.code).toBe(0);
    expect(swap.out).toContain("What if builder-2 had played pivot from quarter 3?");
    expect(swap.out).toMatch(/builder-2 .*◀/);
  });
});

/** These spawn the CLI several times: a loaded machine can take longer than the default 30 s. */
describe("sim CLI: --search and policy seats", { timeout: 120_000 }, () => {
  it("writes the best policy it finds, and --firms plays that file again with the report naming it and showing its parameters", () => {
    const best = join(work, "search", "best.json");
    const search = sim("--search", "--quarters", "4", "--budget", "170", "--population", "6", "--games", "4", "--workers", "1", "--seed", "s", "--out", best);
    expect(search.code).toBe(0);
    expect(search.out).toMatch(/Best policy found \(from [^)]+\)/);
    expect(search.out).toMatch(/On \d+ fresh seeds \(not used by the search\)/);
    expect(search.out).toMatch(/policy\s+\d+\.\d%\s+[\d,]+/);
    expect(search.out).toMatch(/evaluations \(games\) per minute/);
    // The CLI's worker pool plays the same search as the pure function --check calls.
    const pure = searchExploit({ quarters: 4, budget: 170, population: 6, seedsPerGeneration: 4, seed: "s" });
    expect(JSON.parse(readFileSync(best, "utf8"))).toEqual(pure.best);
    expect(search.out).toMatch(new RegExp(`policy\\s+${(100 * pure.winRate).toFixed(1)}%`));

    const out = join(work, "policy-seat");
    const played = sim("--firms", `scaler,preset:open-cash-shipper,policy:${best}`, "--quarters", "4", "--games", "4", "--out", out);
    expect(played.code).toBe(0);
    expect(played.out).toMatch(/best\.json\s+\d+\.\d%/);
    expect(played.out).toMatch(/preset:open-cash-shipper\s+\d+\.\d%/);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("Policy seats");
    expect(html).toContain("<h3>best.json</h3>");
    expect(html).toMatch(/spend: /);
  });

  it("rejects a bad policy file or a budget too small, naming the problem (exit 2)", async () => {
    const bad = file("bad-policy.json", { early: {}, hardware: "flexible" });
    const rejected = await simInProcess("--firms", `scaler,policy:${bad}`);
    expect(rejected.code).toBe(2);
    expect(rejected.err).toMatch(/policy file .*bad-policy\.json: early\.spend: /);
    const missing = await simInProcess("--firms", `scaler,policy:${join(work, "nowhere.json")}`);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read policy file/);
    const preset = await simInProcess("--firms", "scaler,preset:moonshot");
    expect(preset.code).toBe(2);
    expect(preset.err).toMatch(/unknown policy preset "moonshot" \(expected scaler, builder, .*open-cash-shipper/);
    const small = sim("--search", "--budget", "50");
    expect(small.code).toBe(2);
    expect(small.err).toMatch(/budget of 50 games is too small .* give at least \d+/);
  });
});
