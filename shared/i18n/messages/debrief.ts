import type { Area, Messages, Translation } from "../core.js";

/**
 * The debrief at game end (client/debrief, shared/debrief): panel titles, legends, axes,
 * tables, the simulated-markets panel and every caption computed from a game's figures.
 * Placeholders hold figures already written for the language (money, percentages, ratios,
 * quarter labels such as "Q3" / "第 3 季", lists joined with `list()`).
 */
const en = {
  "title.valuation": "Valuation vs fundamentals, by firm",
  "title.market": "Bubble ratio and sentiment by quarter",
  "title.value": "Value created vs value captured, by firm",
  "title.fan": { one: "Your market vs {count} simulated market", other: "Your market vs {count} simulated markets" },

  "correction.legend": "Correction under way",
  "correction.span": "Correction {from}–{to}",

  "firm.you": "{name} (you)",
  "firm.chart": "{firm}: valuation and fundamentals by quarter",
  "firm.summary.peakDelisted": "Narrative peaked at {share} of its valuation in {quarter}; delisted in {delisted}.",
  "firm.summary.peakEnded": "Narrative peaked at {share} of its valuation in {quarter}; ended at {valuation} (fundamentals {fundamentals}).",
  "firm.summary.delisted": "Delisted in {delisted}.",
  "firm.summary.ended": "Ended at {valuation} (fundamentals {fundamentals}).",

  "legend.valuation": "Valuation",
  "legend.fundamentals": "Fundamentals",
  "legend.fundamentalsGap": "Fundamentals (the gap above them is narrative)",
  "legend.bubble": "Bubble ratio (total valuation ÷ total fundamentals)",
  "legend.sentiment": "Sentiment (1 = neutral)",
  "legend.created": "Value created: operating profit summed over the game",
  "legend.captured": "Value captured: final valuation (0 if delisted)",

  "line.bubble": "Bubble ratio",
  "line.sentiment": "Sentiment",
  "axis.quarter": "Quarter",
  "axis.ratio": "Ratio",
  "axis.totalValuation": "Total valuation",
  "axis.value": "$ (created: operating profit over the game; captured: final valuation)",

  "figures.valuation": "Figures: valuation / fundamentals by quarter ($M)",
  "figures.market": "Figures: bubble ratio and sentiment by quarter",
  "figures.value": "Figures: value created and captured",
  "figures.fan": "Figures: bubble ratio percentiles of the simulated markets",
  "figures.yes": "yes",
  "column.firm": "Firm",
  "column.quarter": "Quarter",
  "column.bubble": "Bubble ratio",
  "column.sentiment": "Sentiment",
  "column.correction": "Correction",
  "column.created": "Created",
  "column.captured": "Captured",

  "value.row": "{name}: created {created}, captured {captured}",
  "value.rowDelisted": "{name}: created {created}, captured {captured} (delisted)",
  "value.delisted": "{zero} (delisted)",

  "fan.progressLabel": "Simulated markets",
  "fan.progress": {
    one: "Simulating {count} market on the same scenario and bots… {percent}",
    other: "Simulating {count} markets on the same scenario and bots… {percent}",
  },
  "fan.done": { one: "{count} market simulated.", other: "{count} markets simulated." },
  "fan.failed.config": "The simulated markets could not be run: this game's settings could not be loaded.",
  "fan.failed.noFirms": "The simulated markets could not be run: the game has no firms.",
  "fan.failed.worker": "The simulated markets could not be run: the simulation stopped with an error.",
  "fan.thisMarket": "This market",
  "fan.median": "Median",
  "fan.medianOf": { one: "Median of {count} simulated market", other: "Median of {count} simulated markets" },
  "fan.middle50": "Middle 50% of simulations",
  "fan.middle80": "Middle 80%",
  "fan.chart.bubble": { one: "Bubble ratio: this market vs {count} simulated market", other: "Bubble ratio: this market vs {count} simulated markets" },
  "fan.chart.total": {
    one: "Total valuation of all firms: this market vs {count} simulated market",
    other: "Total valuation of all firms: this market vs {count} simulated markets",
  },

  "list.more": { one: "{count} more", other: "{count} more" },
  firmQuarter: "{firm} ({quarter})",

  "caption.valuation.peakDelisted":
    "At the market's peak ({peak}), {share} of {firm}'s valuation was narrative ({narrative} of {valuation}); {firm} was delisted in {delisted}.",
  "caption.valuation.peakLastDelisted":
    "In {peak}, the market's peak and its last quarter, {share} of {firm}'s valuation was narrative ({narrative} of {valuation}); {firm} was delisted in {delisted}.",
  "caption.valuation.peakLast": "In {peak}, the market's peak and its last quarter, {share} of {firm}'s valuation was narrative ({narrative} of {valuation}).",
  "caption.valuation.peakGone":
    "At the market's peak ({peak}), {share} of {firm}'s valuation was narrative ({narrative} of {valuation}); by the end ({end}) {firm}'s valuation was {zero}.",
  "caption.valuation.peakEnd":
    "At the market's peak ({peak}), {share} of {firm}'s valuation was narrative ({narrative} of {valuation}); by the end ({end}), {endShare} of {firm}'s valuation was narrative.",
  "caption.valuation.grounded": "At the end, {firm} stood most on fundamentals: {share} of its {valuation} valuation.",
  "caption.valuation.market": "Across the market, narrative was {peak} of all valuation at the peak and {end} at the end.",
  "caption.valuation.delisted": {
    one: "{firms} was delisted: cash ran out and no one would fund it.",
    other: "{firms} were delisted: cash ran out and no one would fund them.",
  },

  "caption.market.rose":
    "The bubble ratio (total valuation ÷ total fundamentals) started at {start}, peaked at {peak} in {peakQuarter} and ended at {end} in {endQuarter}.",
  "caption.market.flat":
    "The bubble ratio (total valuation ÷ total fundamentals) started at {start}, never rose above it (its highest since was {peak} in {peakQuarter}) and ended at {end} in {endQuarter}.",
  "caption.market.noCorrection": "No correction began: sentiment peaked at {peak} in {peakQuarter} and ended at {end}.",
  "caption.market.correction": {
    one: "A correction began in {start} and lasted {count} quarter: sentiment fell {sentimentFall} ({sentimentBefore} → {sentimentTrough} in {troughQuarter}) and the firms' total valuation fell {valuationFall} ({valuationBefore} → {valuationTrough}).",
    other:
      "A correction began in {start} and lasted {count} quarters: sentiment fell {sentimentFall} ({sentimentBefore} → {sentimentTrough} in {troughQuarter}) and the firms' total valuation fell {valuationFall} ({valuationBefore} → {valuationTrough}).",
  },
  "caption.market.correctionHeld": {
    one: "A correction began in {start} and lasted {count} quarter: sentiment fell {sentimentFall} ({sentimentBefore} → {sentimentTrough} in {troughQuarter}), yet the firms' total valuation did not fall ({valuationBefore} before, {valuationTrough} at its lowest).",
    other:
      "A correction began in {start} and lasted {count} quarters: sentiment fell {sentimentFall} ({sentimentBefore} → {sentimentTrough} in {troughQuarter}), yet the firms' total valuation did not fall ({valuationBefore} before, {valuationTrough} at its lowest).",
  },

  "caption.value.both":
    "{firm} both created the most value ({created} of operating profit over the game) and captured the most (a final valuation of {captured}).",
  "caption.value.creator": "{firm} created the most value: {created} of operating profit over the game, for a final valuation of {captured}.",
  "caption.value.capturer": "{firm} captured the most: a final valuation of {captured}, having created {created}.",
  "caption.value.delisted": "Delisted, so capturing nothing: {firms}.",
  "caption.value.delistedFirm": "{firm} (created {created})",
  "caption.value.total":
    "All firms together created {created} of operating profit and ended valued at {captured}: {perDollar} dollars of valuation per dollar of profit.",
  "caption.value.totalNoProfit": "All firms together created {created} of operating profit and ended valued at {captured}.",

  "caption.fan.setup": 'scenario "{scenario}", {firms}, {quarters}, the same bots',
  "caption.fan.setupCustom": 'scenario "{scenario}", {firms}, {quarters}, the same bots, the same custom economy',
  "caption.fan.peakHigher": {
    one: "In {count} simulated market ({setup}), the peak bubble ratio had a median of {median} (10–90%: {p10}–{p90}); this market's peak of {peak} was higher than {share} of them.",
    other:
      "In {count} simulated markets ({setup}), the peak bubble ratio had a median of {median} (10–90%: {p10}–{p90}); this market's peak of {peak} was higher than {share} of them.",
  },
  "caption.fan.peakLower": {
    one: "In {count} simulated market ({setup}), the peak bubble ratio had a median of {median} (10–90%: {p10}–{p90}); this market's peak of {peak} was lower than {share} of them.",
    other:
      "In {count} simulated markets ({setup}), the peak bubble ratio had a median of {median} (10–90%: {p10}–{p90}); this market's peak of {peak} was lower than {share} of them.",
  },
  "caption.fan.correctionsHere": "A correction began in {share} of the simulated markets (median {median}); here one began in {here}.",
  "caption.fan.correctionsNone": "A correction began in {share} of the simulated markets (median {median}); here none did.",
  "caption.fan.noCorrectionsHere": "A correction began in {share} of the simulated markets; here one began in {here}.",
  "caption.fan.noCorrectionsNone": "A correction began in {share} of the simulated markets; here none did.",
  "caption.fan.finalHigher": "At {quarter} the firms here were worth {total} in total, higher than {share} of the simulated markets (median {median}).",
  "caption.fan.finalLower": "At {quarter} the firms here were worth {total} in total, lower than {share} of the simulated markets (median {median}).",
  "caption.fan.standIns": "Seats played by people here are played by bots in the simulations: {seats}.",
  "caption.fan.standIn": "{firm} by {bot}",

  // The same lines for a game whose turn is not a quarter of the story (shared/words/turns.ts).
  "title.market.turn": "Bubble ratio and sentiment by turn",
  "firm.chart.turn": "{firm}: valuation and fundamentals by turn",
  "axis.quarter.turn": "Turn",
  "figures.valuation.turn": "Figures: valuation / fundamentals by turn ($M)",
  "figures.market.turn": "Figures: bubble ratio and sentiment by turn",
  "column.quarter.turn": "Turn",
  "caption.valuation.peakLastDelisted.turn":
    "In {peak}, the market's peak and its last turn, {share} of {firm}'s valuation was narrative ({narrative} of {valuation}); {firm} was delisted in {delisted}.",
  "caption.valuation.peakLast.turn":
    "In {peak}, the market's peak and its last turn, {share} of {firm}'s valuation was narrative ({narrative} of {valuation}).",
  "caption.market.correction.turn": {
    one: "A correction began in {start} and lasted {count} turn: sentiment fell {sentimentFall} ({sentimentBefore} → {sentimentTrough} in {troughQuarter}) and the firms' total valuation fell {valuationFall} ({valuationBefore} → {valuationTrough}).",
    other:
      "A correction began in {start} and lasted {count} turns: sentiment fell {sentimentFall} ({sentimentBefore} → {sentimentTrough} in {troughQuarter}) and the firms' total valuation fell {valuationFall} ({valuationBefore} → {valuationTrough}).",
  },
  "caption.market.correctionHeld.turn": {
    one: "A correction began in {start} and lasted {count} turn: sentiment fell {sentimentFall} ({sentimentBefore} → {sentimentTrough} in {troughQuarter}), yet the firms' total valuation did not fall ({valuationBefore} before, {valuationTrough} at its lowest).",
    other:
      "A correction began in {start} and lasted {count} turns: sentiment fell {sentimentFall} ({sentimentBefore} → {sentimentTrough} in {troughQuarter}), yet the firms' total valuation did not fall ({valuationBefore} before, {valuationTrough} at its lowest).",
  },
} as const satisfies Messages;

const zh = {
  "title.valuation": "各公司估值与基本面",
  "title.market": "各季度泡沫比率与市场情绪",
  "title.value": "各公司创造的价值与获取的价值",
  "title.fan": { other: "本市场与 {count} 个模拟市场对比" },

  "correction.legend": "回调进行中",
  "correction.span": "回调：{from}至{to}",

  "firm.you": "{name}（你）",
  "firm.chart": "{firm}：各季度估值与基本面",
  "firm.summary.peakDelisted": "叙事占估值的比重在{quarter}达到峰值 {share}；{delisted}退市。",
  "firm.summary.peakEnded": "叙事占估值的比重在{quarter}达到峰值 {share}；期末估值 {valuation}（基本面 {fundamentals}）。",
  "firm.summary.delisted": "{delisted}退市。",
  "firm.summary.ended": "期末估值 {valuation}（基本面 {fundamentals}）。",

  "legend.valuation": "估值",
  "legend.fundamentals": "基本面",
  "legend.fundamentalsGap": "基本面（估值高出它的部分即叙事）",
  "legend.bubble": "泡沫比率（总估值 ÷ 总基本面）",
  "legend.sentiment": "市场情绪（1 = 中性）",
  "legend.created": "创造的价值：整局累计经营利润",
  "legend.captured": "获取的价值：最终估值（退市则为 0）",

  "line.bubble": "泡沫比率",
  "line.sentiment": "市场情绪",
  // The x axis's title; its ticks (第 3 季, 第 3 回合) already say it, so the charts leave it out (client/debrief/svg.ts).
  "axis.quarter": "季",
  "axis.ratio": "比率",
  "axis.totalValuation": "总估值",
  "axis.value": "美元（创造：整局经营利润；获取：最终估值）",

  "figures.valuation": "数据：各季度估值 / 基本面（亿美元）",
  "figures.market": "数据：各季度泡沫比率与市场情绪",
  "figures.value": "数据：创造与获取的价值",
  "figures.fan": "数据：模拟市场泡沫比率的分位数",
  "figures.yes": "是",
  "column.firm": "公司",
  "column.quarter": "季度",
  "column.bubble": "泡沫比率",
  "column.sentiment": "市场情绪",
  "column.correction": "回调",
  "column.created": "创造",
  "column.captured": "获取",

  "value.row": "{name}：创造 {created}，获取 {captured}",
  "value.rowDelisted": "{name}：创造 {created}，获取 {captured}（已退市）",
  "value.delisted": "{zero}（已退市）",

  "fan.progressLabel": "模拟市场",
  "fan.progress": { other: "正在以相同情景和机器人玩家模拟 {count} 个市场… {percent}" },
  "fan.done": { other: "已模拟 {count} 个市场。" },
  "fan.failed.config": "无法运行模拟市场：本局游戏的设置无法载入。",
  "fan.failed.noFirms": "无法运行模拟市场：本局游戏没有公司。",
  "fan.failed.worker": "无法运行模拟市场：模拟过程出错中止。",
  "fan.thisMarket": "本市场",
  "fan.median": "中位数",
  "fan.medianOf": { other: "{count} 个模拟市场的中位数" },
  "fan.middle50": "模拟结果的中间 50%",
  "fan.middle80": "中间 80%",
  "fan.chart.bubble": { other: "泡沫比率：本市场与 {count} 个模拟市场对比" },
  "fan.chart.total": { other: "所有公司的总估值：本市场与 {count} 个模拟市场对比" },

  "list.more": { other: "另外 {count} 家" },
  firmQuarter: "{firm}（{quarter}）",

  "caption.valuation.peakDelisted": "在市场峰值（{peak}），{firm}的估值中有 {share} 来自叙事（{valuation} 中的 {narrative}）；{firm}于{delisted}退市。",
  "caption.valuation.peakLastDelisted":
    "{peak}既是市场峰值，也是最后一个季度：{firm}的估值中有 {share} 来自叙事（{valuation} 中的 {narrative}）；{firm}于{delisted}退市。",
  "caption.valuation.peakLast": "{peak}既是市场峰值，也是最后一个季度：{firm}的估值中有 {share} 来自叙事（{valuation} 中的 {narrative}）。",
  "caption.valuation.peakGone":
    "在市场峰值（{peak}），{firm}的估值中有 {share} 来自叙事（{valuation} 中的 {narrative}）；到期末（{end}），{firm}的估值为 {zero}。",
  "caption.valuation.peakEnd":
    "在市场峰值（{peak}），{firm}的估值中有 {share} 来自叙事（{valuation} 中的 {narrative}）；到期末（{end}），叙事占{firm}估值的 {endShare}。",
  "caption.valuation.grounded": "期末最依靠基本面的是{firm}：其 {valuation} 的估值中有 {share} 由基本面支撑。",
  "caption.valuation.market": "就整个市场而言，叙事在峰值时占总估值的 {peak}，期末占 {end}。",
  "caption.valuation.delisted": { other: "{firms}退市：现金耗尽，且无人愿意再为其融资。" },

  "caption.market.rose": "泡沫比率（总估值 ÷ 总基本面）起始为 {start}，在{peakQuarter}达到峰值 {peak}，{endQuarter}收于 {end}。",
  "caption.market.flat": "泡沫比率（总估值 ÷ 总基本面）起始为 {start}，此后再未超过这一水平（开局后最高为{peakQuarter}的 {peak}），{endQuarter}收于 {end}。",
  "caption.market.noCorrection": "没有发生回调：市场情绪在{peakQuarter}达到峰值 {peak}，期末为 {end}。",
  "caption.market.correction": {
    other:
      "{start}开始回调，持续 {count} 个季度：市场情绪下跌 {sentimentFall}（从 {sentimentBefore} 跌至{troughQuarter}的 {sentimentTrough}），各公司总估值下跌 {valuationFall}（从 {valuationBefore} 跌至 {valuationTrough}）。",
  },
  "caption.market.correctionHeld": {
    other:
      "{start}开始回调，持续 {count} 个季度：市场情绪下跌 {sentimentFall}（从 {sentimentBefore} 跌至{troughQuarter}的 {sentimentTrough}），但各公司总估值并未下跌（回调前 {valuationBefore}，期间最低 {valuationTrough}）。",
  },

  "caption.value.both": "{firm}既创造了最多的价值（整局经营利润 {created}），也获取了最多的价值（最终估值 {captured}）。",
  "caption.value.creator": "创造价值最多的是{firm}：整局经营利润 {created}，最终估值 {captured}。",
  "caption.value.capturer": "获取价值最多的是{firm}：最终估值 {captured}，创造的价值为 {created}。",
  "caption.value.delisted": "已退市、因而什么也没有获取：{firms}。",
  "caption.value.delistedFirm": "{firm}（创造 {created}）",
  "caption.value.total": "所有公司合计创造经营利润 {created}，期末估值合计 {captured}：每 1 美元利润对应 {perDollar} 美元估值。",
  "caption.value.totalNoProfit": "所有公司合计创造经营利润 {created}，期末估值合计 {captured}。",

  "caption.fan.setup": "情景“{scenario}”，{firms}，{quarters}，机器人玩家相同",
  "caption.fan.setupCustom": "情景“{scenario}”，{firms}，{quarters}，机器人玩家相同，自定义经济参数也相同",
  "caption.fan.peakHigher": {
    other: "在 {count} 个模拟市场中（{setup}），泡沫比率峰值的中位数为 {median}（10%–90% 区间：{p10}–{p90}）；本市场的峰值 {peak} 高于其中 {share} 的市场。",
  },
  "caption.fan.peakLower": {
    other: "在 {count} 个模拟市场中（{setup}），泡沫比率峰值的中位数为 {median}（10%–90% 区间：{p10}–{p90}）；本市场的峰值 {peak} 低于其中 {share} 的市场。",
  },
  "caption.fan.correctionsHere": "{share} 的模拟市场发生了回调（开始时间的中位数为{median}）；本市场于{here}开始回调。",
  "caption.fan.correctionsNone": "{share} 的模拟市场发生了回调（开始时间的中位数为{median}）；本市场没有发生回调。",
  "caption.fan.noCorrectionsHere": "{share} 的模拟市场发生了回调；本市场于{here}开始回调。",
  "caption.fan.noCorrectionsNone": "{share} 的模拟市场发生了回调；本市场没有发生回调。",
  "caption.fan.finalHigher": "{quarter}时，本市场各公司的总估值为 {total}，高于 {share} 的模拟市场（中位数 {median}）。",
  "caption.fan.finalLower": "{quarter}时，本市场各公司的总估值为 {total}，低于 {share} 的模拟市场（中位数 {median}）。",
  "caption.fan.standIns": "本局由真人操作的席位，在模拟中由机器人玩家代替：{seats}。",
  "caption.fan.standIn": "{firm}由“{bot}”代替",

  "title.market.turn": "各回合泡沫比率与市场情绪",
  "firm.chart.turn": "{firm}：各回合估值与基本面",
  "axis.quarter.turn": "回合",
  "figures.valuation.turn": "数据：各回合估值 / 基本面（亿美元）",
  "figures.market.turn": "数据：各回合泡沫比率与市场情绪",
  "column.quarter.turn": "回合",
  "caption.valuation.peakLastDelisted.turn":
    "{peak}既是市场峰值，也是最后一个回合：{firm}的估值中有 {share} 来自叙事（{valuation} 中的 {narrative}）；{firm}于{delisted}退市。",
  "caption.valuation.peakLast.turn": "{peak}既是市场峰值，也是最后一个回合：{firm}的估值中有 {share} 来自叙事（{valuation} 中的 {narrative}）。",
  "caption.market.correction.turn": {
    other:
      "{start}开始回调，持续 {count} 个回合：市场情绪下跌 {sentimentFall}（从 {sentimentBefore} 跌至{troughQuarter}的 {sentimentTrough}），各公司总估值下跌 {valuationFall}（从 {valuationBefore} 跌至 {valuationTrough}）。",
  },
  "caption.market.correctionHeld.turn": {
    other:
      "{start}开始回调，持续 {count} 个回合：市场情绪下跌 {sentimentFall}（从 {sentimentBefore} 跌至{troughQuarter}的 {sentimentTrough}），但各公司总估值并未下跌（回调前 {valuationBefore}，期间最低 {valuationTrough}）。",
  },
} satisfies Translation<typeof en>;

export default { en, "zh-CN": zh } satisfies Area<typeof en>;
