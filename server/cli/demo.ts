/**
 * `npm run demo`: one game of four bots in the terminal,
 * quarter by quarter, with the news, the market's mood and each firm's valuation.
 */
import { DEFAULT_CONFIG, formatMoney, score } from "../../shared/index.js";
import { playBots, type Seat } from "../../shared/sim/play.js";

const seed = process.argv[2] ?? String(Date.now() % 100000);
const lineup: Seat[] = [{ bot: "scaler" }, { bot: "builder" }, { bot: "balanced" }, { bot: "pivot" }];
const game = playBots(DEFAULT_CONFIG, seed, lineup);
const pad = (text: string, width: number) => text.padStart(width);

console.log(`Scale or Ship — a demo game of bots (seed ${seed}; \`npm start -- ${seed}\` replays it)\n`);
console.log(`${"Q".padEnd(4)}${pad("sentiment", 10)}${pad("bubble", 8)}  ${game.record.firms.map((f) => pad(f.name, 13)).join("")}   news`);
for (const report of game.reports) {
  const m = report.market;
  const news = [
    ...m.events.map((e) => e.kind),
    ...(m.correctionStarted ? ["CORRECTION"] : []),
    ...m.incidents.map((i) => `incident:${i.sector}`),
    ...m.delisted.map((id) => `DELISTED:${id}`),
  ].join(", ");
  const values = report.firms.map((f) => pad(f.delisted ? "delisted" : formatMoney(f.valuation), 13)).join("");
  console.log(`${`Q${report.quarter}`.padEnd(4)}${pad(m.sentiment.toFixed(2), 10)}${pad(`${m.bubbleRatio.toFixed(2)}×`, 8)}  ${values}   ${news}`);
}
const final = game.states[game.states.length - 1];
if (final) {
  console.log("\nFinal standings (score = founders' stake × valuation; value created = cumulative operating profit):");
  for (const row of score(final)) {
    console.log(
      `  ${row.rank}. ${row.name.padEnd(12)} score ${pad(formatMoney(row.score), 10)}   value created ${pad(formatMoney(row.valueCreated), 10)}${row.delisted ? "   (delisted)" : ""}`,
    );
  }
}
