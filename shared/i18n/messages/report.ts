import type { Area, Messages, Translation } from "../core.js";

/** The personal quarter report, the game-over screen and the final standings table. */
const en = {
  title: "Your quarter {quarter}: {firm}",
  reopen: "Your quarter {quarter} report",
  earlier: "Earlier",
  later: "Later",
  close: "Close",
  // The same lines for a game whose turn is not a quarter of the story (shared/words/turns.ts).
  "title.turn": "Your turn {quarter}: {firm}",
  "reopen.turn": "Your turn {quarter} report",
  "earlier.turn": "Earlier",
  "later.turn": "Later",
  "warning.runway.turn":
    "Under two turns of cash left at these running costs, before any new investment: spend less, earn more, or raise while the market still takes shares.",
  "warning.delisting.turn":
    "Delisting risk: at these running costs your cash runs out next turn and the market would take only {amount} of new shares to cover it.",
  "runway.quarters.turn": "{quarters} turns at this turn's running costs ({burn} a turn of {span} more than revenue; investment not counted)",
  "sectors.none.turn": "No sales yet: applications take a few months of the story to win customers, and need a model good enough for the sector.",

  "warning.delisted": "Your firm was delisted: it ran out of cash and the market would not cover the hole.",
  "warning.runway":
    "Under two quarters of cash left at these running costs, before any new investment: spend less, earn more, or raise while the market still takes shares.",
  "warning.delisting":
    "Delisting risk: at these running costs your cash runs out next quarter and the market would take only {amount} of new shares to cover it.",
  "warning.emergency": "You ran out of cash: an emergency sale of shares raised {amount} at a deep discount.",
  "warning.incidents": { one: "An incident cost you {fines} in fines.", other: "{count} incidents cost you {fines} in fines." },
  "warning.incidentsNoFine": {
    one: "An incident: customers left and the sector's trust fell (no fine).",
    other: "{count} incidents: customers left and the sectors' trust fell (no fine).",
  },
  "warning.span": "Integration slowed: training while entering {count} sectors kept {speed} of your integration work.",

  "moved.title": "Why your valuation moved",
  "moved.headline": "{before} → {after} ({change})",
  "moved.fundamentals": "Fundamentals",
  "moved.narrative": "Narrative",
  "moved.sentiment": "Sentiment",
  "moved.hint":
    "Valuation = fundamentals + sentiment × narrative. Fundamentals: cash, products built and profit. Narrative: your model, hype and credit for training. Sentiment: the market's mood.",

  "money.title": "Money",
  "money.revenue": "Revenue",
  "money.servingCosts": "Serving costs",
  "money.operatingCosts": "Operating costs",
  "money.licenceFees": "Licence fees",
  "money.rampCost": "Growth overhead",
  "money.rampCost.why": "Hiring and integration: your spending grew faster than {rate} a quarter.",
  "money.fines": "Fines",
  "money.operatingProfit": "Operating profit",
  "money.invested": "Invested",
  "money.raised": "Raised",
  "money.cash": "Cash",
  "money.runway": "Runway",
  "money.minus": "−{amount}",
  "money.plus": "+{amount}",
  "runway.none": "revenue pays the running costs",
  "runway.quarters": "{quarters} quarters at this quarter's running costs ({burn} a quarter more than revenue; investment not counted)",

  "sectors.title": "Revenue and customers by sector",
  "sectors.none": "No sales yet: applications take a quarter or two to win customers, and need a model good enough for the sector.",
  "sectors.sector": "Sector",
  "sectors.revenue": "Revenue",
  "sectors.customers": "Customers",
  "sectors.fit":
    "Product fit, your luck in each market (drawn the first time you ship there; ×1 is average, above it wins customers faster, below it slower): {fits}.",
  "sectors.fitOne": "{sector} ×{fit}",

  "model.title": "Your model",
  "model.capability": "Capability {capability}.",
  "model.lead": "Capability {capability} against {baseline} for free open models: a lead of {lead}.",
  "model.noLead": "Capability {capability} against {baseline} for free open models: no lead: anyone can build on as good a model.",
  // Time to build (capability.lagQuarters): capability above is the shipped model; a run's gain waits in training.
  "model.inTraining": "Another {points} points are in training: the market already prices them; your API and apps get them when they ship.",
  "model.inTraining.shipsBy": "Another {points} points are in training and ship by {turn}: the market already prices them; your API and apps get them then.",
  "model.inTraining.afterEnd":
    "Another {points} points are in training and ship after the game ends: the market already prices them, but they will earn nothing in this game.",

  "over.title": "Final standings",
  "over.lede": "Score is the founders' stake at the final valuation. Value created is the operating profit the firm actually made.",
  "over.playAgain": "Play again",
  "over.debrief": "Debrief",

  "standings.rank": "Rank",
  "standings.firm": "Firm",
  "standings.score": "Score",
  "standings.valuation": "Valuation",
  "standings.valueCreated": "Value created",
  "standings.mine": "{name} (you)",
  "standings.delisted": "{name} — delisted",
  "standings.mineDelisted": "{name} (you) — delisted",
} as const satisfies Messages;

const zh = {
  title: "你的第 {quarter} 季度：{firm}",
  reopen: "你的第 {quarter} 季度报告",
  earlier: "上一季",
  later: "下一季",
  close: "关闭",
  "title.turn": "你的第 {quarter} 回合：{firm}",
  "reopen.turn": "你的第 {quarter} 回合报告",
  "earlier.turn": "上一回合",
  "later.turn": "下一回合",
  "warning.runway.turn": "按当前运营成本（不含新的投入），现金撑不过两个回合：少花钱、多赚钱，或趁市场还愿意认购时融资。",
  "warning.delisting.turn": "退市风险：按当前运营成本，你的现金下回合就会耗尽，而市场最多只愿认购 {amount} 的新股来填补。",
  "runway.quarters.turn": "按本回合的运营成本还能撑 {quarters} 个回合（每回合比收入多支出 {burn}，一回合相当于 {span}；不计投入）",
  "sectors.none.turn": "还没有销售：应用需要故事中的几个月才能赢得客户，而且模型能力要达到该行业的要求。",

  "warning.delisted": "你的公司已退市：现金耗尽，市场也不愿填补缺口。",
  "warning.runway": "按当前运营成本（不含新的投入），现金撑不过两个季度：少花钱、多赚钱，或趁市场还愿意认购时融资。",
  "warning.delisting": "退市风险：按当前运营成本，你的现金下季度就会耗尽，而市场最多只愿认购 {amount} 的新股来填补。",
  "warning.emergency": "你的现金耗尽了：紧急增发股票以大幅折价筹得 {amount}。",
  "warning.incidents": { other: "{count} 起事故让你被罚款 {fines}。" },
  "warning.incidentsNoFine": { other: "发生 {count} 起事故：客户流失，行业信任下降（未被罚款）。" },
  "warning.span": "整合放缓：你一边训练模型一边进入 {count} 个行业，整合工作只完成了 {speed}。",

  "moved.title": "估值为何变动",
  "moved.headline": "{before} → {after}（{change}）",
  "moved.fundamentals": "基本面",
  "moved.narrative": "叙事",
  "moved.sentiment": "市场情绪",
  "moved.hint": "估值 = 基本面 + 市场情绪 × 叙事。基本面：现金、已建成的产品和利润。叙事：你的模型、炒作和训练带来的认可。市场情绪：市场的整体心态。",

  "money.title": "资金",
  "money.revenue": "收入",
  "money.servingCosts": "推理成本",
  "money.operatingCosts": "运营成本",
  "money.licenceFees": "授权费",
  "money.rampCost": "扩张管理成本",
  "money.rampCost.why": "招聘与整合：你的投入增速超过了每季度 {rate}。",
  "money.fines": "罚款",
  "money.operatingProfit": "经营利润",
  "money.invested": "投入",
  "money.raised": "融资",
  "money.cash": "现金",
  "money.runway": "现金跑道",
  "money.minus": "−{amount}",
  "money.plus": "+{amount}",
  "runway.none": "收入足以支付运营成本",
  "runway.quarters": "按本季度的运营成本还能撑 {quarters} 个季度（每季度比收入多支出 {burn}；不计投入）",

  "sectors.title": "各行业收入与客户",
  "sectors.none": "还没有销售：应用需要一两个季度才能赢得客户，而且模型能力要达到该行业的要求。",
  "sectors.sector": "行业",
  "sectors.revenue": "收入",
  "sectors.customers": "客户份额",
  "sectors.fit": "产品契合度，即你在每个行业的运气（首次进入该行业时决定；×1 为平均，高于 1 更快赢得客户，低于 1 更慢）：{fits}。",
  "sectors.fitOne": "{sector} ×{fit}",

  "model.title": "你的模型",
  "model.capability": "模型能力 {capability}。",
  "model.lead": "模型能力 {capability}，免费开源模型为 {baseline}：领先 {lead}。",
  "model.noLead": "模型能力 {capability}，免费开源模型为 {baseline}：没有领先，任何人都能基于同样好的模型开发。",
  "model.inTraining": "另有 {points} 点仍在训练中：市场已为其定价；上线后你的模型调用和应用才能用上。",
  "model.inTraining.shipsBy": "另有 {points} 点仍在训练中，最晚{turn}上线：市场已为其定价；届时你的模型调用和应用才能用上。",
  "model.inTraining.afterEnd": "另有 {points} 点仍在训练中，游戏结束后才上线：市场已为其定价，但在本局中不会带来收入。",

  "over.title": "最终排名",
  "over.lede": "得分是创始人股份按最终估值计算的价值。创造的价值是公司实际赚到的经营利润。",
  "over.playAgain": "再玩一局",
  "over.debrief": "复盘",

  "standings.rank": "名次",
  "standings.firm": "公司",
  "standings.score": "得分",
  "standings.valuation": "估值",
  "standings.valueCreated": "创造的价值",
  "standings.mine": "{name}（你）",
  "standings.delisted": "{name} — 已退市",
  "standings.mineDelisted": "{name}（你）— 已退市",
} satisfies Translation<typeof en>;

export default { en, "zh-CN": zh } satisfies Area<typeof en>;
