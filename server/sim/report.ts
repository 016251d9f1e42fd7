/** The simulator's self-contained HTML report: tables and inline SVG charts, no network. */
import { describePolicy } from "../../shared/bots/policy.js";
import type { BatchStats } from "../../shared/sim/aggregate.js";
import type { TargetResult } from "../../shared/sim/balance.js";
import type { GameSummary } from "../../shared/sim/metrics.js";
import { mean } from "../../shared/sim/stats.js";
import { escapeXml as esc, fanChart, histogram, lineChart, PALETTE, STRATEGY_COLOURS, type TornadoRow, tornado } from "./svg.js";
import type { AB, Sweep, Variant } from "./variants.js";

export interface ReportInput {
  command: string;
  engineVersion: string;
  scenario: string;
  seed: string;
  gamesPerVariant: number;
  variants: Variant[];
  stats: BatchStats[];
  games: GameSummary[][];
  sweeps: Sweep[];
  ab?: AB;
  check?: TargetResult[];
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : "–");
const money = (x: number) => (Number.isFinite(x) ? `$${Math.round(x).toLocaleString("en-US")}M` : "–");
const colour = (strategy: string, i: number) => STRATEGY_COLOURS[strategy] ?? (PALETTE[i % PALETTE.length] as string);

function strategyTable(stats: BatchStats): string {
  const rows = stats.strategies
    .map(
      (s) =>
        `<tr><th scope="row"><span class="swatch" style="background:${colour(s.strategy, 0)}"></span>${esc(s.strategy)}</th><td>${pct(s.winRate)}</td><td>${money(s.meanScore)}</td><td>${money(s.score.p10)}</td><td>${money(s.score.p50)}</td><td>${money(s.score.p90)}</td><td>${money(s.peakValuation.p50)}</td><td>${pct(s.delistedRate)}</td><td>${money(s.meanRaised)}</td></tr>`,
    )
    .join("");
  return `<table><caption>${esc(stats.variant)}: ${stats.games} games</caption><thead><tr><th>strategy</th><th>win rate</th><th>mean score</th><th>score p10</th><th>p50</th><th>p90</th><th>median peak valuation</th><th>delisted</th><th>mean raised</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function marketTable(stats: BatchStats[]): string {
  const rows = stats
    .map(
      (s) =>
        `<tr><th scope="row">${esc(s.variant)}</th><td>${s.peakBubble.p50.toFixed(2)}×</td><td>${pct(s.peakBubble.atLeast2)}</td><td>${pct(s.correction.rate)}</td><td>${s.correction.medianQuarter?.toFixed(1) ?? "–"}</td><td>${pct(s.correction.medianDepth)}</td><td>${s.incidents.toFixed(2)}</td><td>${money(s.valueCreated)}</td><td>${money(s.valueCaptured)}</td></tr>`,
    )
    .join("");
  return `<table><thead><tr><th>variant</th><th>median peak B</th><th>peak B ≥ 2</th><th>correction (S −40%)</th><th>median correction quarter</th><th>median sentiment drawdown</th><th>incidents / game</th><th>value created / game</th><th>value captured / game</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function scoreHistogram(stats: BatchStats, games: GameSummary[]): string {
  const series = stats.strategies.map((s, i) => ({
    name: s.strategy,
    colour: colour(s.strategy, i),
    values: games.flatMap((g) => g.firms.filter((f) => f.strategy === s.strategy).map((f) => f.score)),
  }));
  return histogram(`Final score by strategy (${stats.variant})`, "final score: founders' stake × valuation ($M)", series);
}

function valuationFan(stats: BatchStats): string {
  return fanChart(
    `Valuation by strategy (${stats.variant})`,
    "valuation ($M)",
    stats.strategies.map((s, i) => ({ name: s.strategy, colour: colour(s.strategy, i), bands: s.valuation })),
  );
}

function marketFans(stats: BatchStats[]): string {
  const arms = stats.map((s, i) => ({ name: s.variant, colour: PALETTE[i % PALETTE.length] as string }));
  return [
    fanChart(
      "Sentiment S (1 = neutral)",
      "sentiment",
      stats.map((s, i) => ({ ...(arms[i] as { name: string; colour: string }), bands: s.sentiment })),
      { reference: 1 },
    ),
    fanChart(
      "Bubble ratio B = ΣV / ΣF",
      "bubble ratio (×)",
      stats.map((s, i) => ({ ...(arms[i] as { name: string; colour: string }), bands: s.bubbleRatio })),
      { reference: 2 },
    ),
  ].join("");
}

interface SweepMetric {
  name: string;
  unit: string;
  of: (s: BatchStats) => number;
}

const SWEEP_METRICS: SweepMetric[] = [
  { name: "median peak B", unit: "×", of: (s) => s.peakBubble.p50 },
  { name: "correction rate", unit: "share", of: (s) => s.correction.rate },
  { name: "median correction depth", unit: "share", of: (s) => s.correction.medianDepth },
  { name: "scaler delisted", unit: "share", of: (s) => s.strategies.find((x) => x.strategy === "scaler")?.delistedRate ?? Number.NaN },
  { name: "pivot win rate", unit: "share", of: (s) => s.strategies.find((x) => x.strategy === "pivot")?.winRate ?? Number.NaN },
];

/** Mean of a metric over the variants where the swept parameter has each value (marginal). */
function marginal(input: ReportInput, sweep: Sweep, metric: SweepMetric): number[] {
  return sweep.values.map((value) => {
    const label = `${sweep.path}=${value}`;
    const matching = input.stats.filter((_, i) => (input.variants[i] as Variant).label.split(", ").includes(label));
    return mean(matching.map(metric.of).filter(Number.isFinite));
  });
}

function sweepSection(input: ReportInput): string {
  const charts = input.sweeps.map((sweep) => {
    const shares = SWEEP_METRICS.filter((m) => m.unit === "share");
    const ratio = SWEEP_METRICS.filter((m) => m.unit === "×");
    return [
      lineChart(
        `Rates against ${sweep.path}`,
        sweep.path,
        "share of games or seats",
        sweep.values,
        shares.map((m, i) => ({ name: m.name, colour: PALETTE[i] as string, values: marginal(input, sweep, m) })),
      ),
      lineChart(
        `Median peak bubble ratio against ${sweep.path}`,
        sweep.path,
        "median peak B (×)",
        sweep.values,
        ratio.map((m) => ({ name: m.name, colour: PALETTE[4] as string, values: marginal(input, sweep, m) })),
      ),
    ].join("");
  });
  const depth = SWEEP_METRICS[2] as SweepMetric;
  const rows: TornadoRow[] = input.sweeps.map((sweep) => {
    const values = marginal(input, sweep, depth);
    return {
      name: sweep.path,
      low: values[0] as number,
      high: values[values.length - 1] as number,
      lowLabel: `${sweep.values[0]}`,
      highLabel: `${sweep.values[sweep.values.length - 1]}`,
    };
  });
  const baseline = mean(input.stats.map(depth.of));
  return `<section><h2>Sweeps</h2><p>Each chart shows a target metric against one swept parameter, averaged over the other parameters' values. The tornado ranks the parameters by how far they move the median correction depth (the largest fall of sentiment from its peak) between their lowest and highest value; the line marks the mean over all points.</p><div class="grid">${charts.join("")}</div>${tornado("What moves the crash: median correction depth", "median sentiment drawdown (share)", baseline, rows)}</section>`;
}

function abSection(input: ReportInput): string {
  const arms = input.stats;
  const head = arms.map((s) => `<th>${esc(s.variant)}</th>`).join("");
  const row = (name: string, of: (s: BatchStats) => string) => `<tr><th scope="row">${esc(name)}</th>${arms.map((s) => `<td>${of(s)}</td>`).join("")}</tr>`;
  const strategies = [...new Set(arms.flatMap((s) => s.strategies.map((x) => x.strategy)))];
  const rows = [
    row("median peak bubble ratio", (s) => `${s.peakBubble.p50.toFixed(2)}×`),
    row("games with a correction", (s) => pct(s.correction.rate)),
    row("median sentiment drawdown", (s) => pct(s.correction.medianDepth)),
    row("incidents per game", (s) => s.incidents.toFixed(2)),
    row("value created per game", (s) => money(s.valueCreated)),
    row("value captured per game", (s) => money(s.valueCaptured)),
    ...strategies.flatMap((name) => [
      row(`${name}: win rate`, (s) => pct(s.strategies.find((x) => x.strategy === name)?.winRate ?? Number.NaN)),
      row(`${name}: mean score`, (s) => money(s.strategies.find((x) => x.strategy === name)?.meanScore ?? Number.NaN)),
      row(`${name}: delisted`, (s) => pct(s.strategies.find((x) => x.strategy === name)?.delistedRate ?? Number.NaN)),
    ]),
  ].join("");
  return `<section><h2>A/B: ${esc(input.ab?.path ?? "")}</h2><p>The same ${input.gamesPerVariant} seeds under each policy, side by side (the charts above overlay the arms).</p><table><thead><tr><th>metric</th>${head}</tr></thead><tbody>${rows}</tbody></table></section>`;
}

function checkTable(results: TargetResult[]): string {
  const rows = results
    .map(
      (r) =>
        `<tr class="${r.pass ? "pass" : "fail"}"><td>${r.pass ? "pass" : "FAIL"}</td><th scope="row">${esc(r.target)}</th><td>${esc(r.threshold)}</td><td>${esc(r.measured)}</td></tr>`,
    )
    .join("");
  return `<section><h2>Balance targets</h2><table><thead><tr><th>result</th><th>target</th><th>threshold</th><th>measured</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** Every policy seat of the line-ups, by its file name, with its parameters. */
function policySection(input: ReportInput): string {
  const seen = new Map<string, string>();
  for (const v of input.variants)
    for (const seat of v.lineup) if ("policy" in seat && !seen.has(seat.label)) seen.set(seat.label, describePolicy(seat.policy).join("\n"));
  if (seen.size === 0) return "";
  const blocks = [...seen].map(([label, text]) => `<h3>${esc(label)}</h3><pre>${esc(text)}</pre>`).join("");
  return `<section><h2>Policy seats</h2><p>Seats played by a policy file. Each dial is clipped to its range; features: sentiment = S − 1, bubble = B − 1, cash = log10(cash ÷ start), lead = (capability − open baseline) ÷ 10, fit = share of sectors that fit, progress = quarters played ÷ length, correction = 1 during a correction, regulated = 1 when compliance is needed, media = 1 when shipping synthetic media.</p>${blocks}</section>`;
}

const STYLE = `body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1f24;max-width:1340px;margin:24px auto;padding:0 20px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
code{background:#f3f4f6;padding:1px 4px;border-radius:3px}pre{background:#f6f8fa;padding:8px 12px;border-radius:6px;overflow-x:auto}.meta{color:#57606a}
table{border-collapse:collapse;margin:10px 0 18px;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border-bottom:1px solid #e5e7eb;padding:5px 10px;text-align:right}th[scope=row],thead th:first-child{text-align:left}
thead th{background:#f6f8fa}.swatch{display:inline-block;width:10px;height:10px;margin-right:6px;border-radius:2px}
tr.fail td:first-child{color:#b42318;font-weight:700}tr.pass td:first-child{color:#1a7f37}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px}
.chart{width:100%;height:auto;background:#fff;border:1px solid #e5e7eb;border-radius:6px}
.chart .title{font-size:14px;font-weight:600;fill:#1b1f24}.chart .tick{font-size:11px;fill:#57606a}.chart .label{font-size:12px;fill:#1b1f24}
.chart .legend{font-size:11.5px;fill:#1b1f24}.chart .note{font-size:10.5px;fill:#57606a}
.chart .grid{stroke:#eef0f2}.chart .axis{stroke:#8c959f}.chart .ref{stroke:#8c959f;stroke-dasharray:4 3}`;

export function renderReport(input: ReportInput): string {
  const sections: string[] = [];
  if (input.check) sections.push(checkTable(input.check));
  const isSweep = input.sweeps.length > 0;
  const shown = isSweep ? [0, input.stats.length - 1].filter((v, i, a) => a.indexOf(v) === i) : input.stats.map((_, i) => i);
  sections.push(
    `<section><h2>Market</h2>${marketTable(input.stats)}<div class="grid">${marketFans(shown.map((i) => input.stats[i] as BatchStats))}</div></section>`,
  );
  sections.push(
    `<section><h2>Strategies</h2><p>Win rate: share of games a strategy finished first. Score: founders' stake × final valuation (0 if delisted).</p>${shown.map((i) => strategyTable(input.stats[i] as BatchStats)).join("")}<div class="grid">${shown
      .map((i) => valuationFan(input.stats[i] as BatchStats) + scoreHistogram(input.stats[i] as BatchStats, input.games[i] as GameSummary[]))
      .join("")}</div></section>`,
  );
  sections.push(policySection(input));
  if (input.ab) sections.push(abSection(input));
  if (isSweep) sections.push(sweepSection(input));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Scale or Ship — simulation report</title><style>${STYLE}</style></head><body>
<h1>Scale or Ship — simulation report</h1>
<p class="meta">Command <code>${esc(input.command)}</code> · engine ${esc(input.engineVersion)} · scenario <code>${esc(input.scenario)}</code> · seed <code>${esc(input.seed)}</code> · ${input.gamesPerVariant} games per variant × ${input.variants.length} variant${input.variants.length > 1 ? "s" : ""}. Money in $M.</p>
${sections.join("\n")}
</body></html>
`;
}
