import type { Area, Messages, Translation } from "../core.js";

/** The personal quarter report, the game-over screen and the final standings table. */
const en = {
  title: "Your quarter {quarter}: {firm}",
  reopen: "Your quarter {quarter} report",
  earlier: "Earlier",
  later: "Later",
  close: "Close",

  "warning.delisted": "Your firm was delisted: it ran out of cash and the market would not cover the hole.",
  "warning.runway": "Under two quarters of cash left at this burn: spend less, earn more, or raise while the market still takes shares.",
  "warning.delisting": "Delisting risk: at this burn your cash runs out next quarter and the market would take only {amount} of new shares to cover it.",
  "warning.emergency": "You ran out of cash: an emergency sale of shares raised {amount} at a deep discount.",
  "warning.incidents": { one: "An incident cost you {fines} in fines.", other: "{count} incidents cost you {fines} in fines." },

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
  "money.fines": "Fines",
  "money.operatingProfit": "Operating profit",
  "money.invested": "Invested",
  "money.raised": "Raised",
  "money.cash": "Cash",
  "money.runway": "Runway",
  "money.minus": "−{amount}",
  "money.plus": "+{amount}",
  "runway.none": "not burning cash",
  "runway.quarters": "{quarters} quarters at this burn ({burn} a quarter)",

  "sectors.title": "Revenue and customers by sector",
  "sectors.none": "No sales yet: applications take a quarter or two to win customers, and need a model good enough for the sector.",
  "sectors.sector": "Sector",
  "sectors.revenue": "Revenue",
  "sectors.customers": "Customers",

  "model.title": "Your model",
  "model.capability": "Capability {capability}.",
  "model.lead": "Capability {capability} against {baseline} for free open models: a lead of {lead}.",
  "model.noLead": "Capability {capability} against {baseline} for free open models: no lead: anyone can build on as good a model.",

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

  "warning.delisted": "你的公司已退市：现金耗尽，市场也不愿填补缺口。",
  "warning.runway": "按当前烧钱速度，现金撑不过两个季度：少花钱、多赚钱，或趁市场还愿意认购时融资。",
  "warning.delisting": "退市风险：按当前烧钱速度，你的现金下季度就会耗尽，而市场最多只愿认购 {amount} 的新股来填补。",
  "warning.emergency": "你的现金耗尽了：紧急增发股票以大幅折价筹得 {amount}。",
  "warning.incidents": { other: "{count} 起事故让你被罚款 {fines}。" },

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
  "money.fines": "罚款",
  "money.operatingProfit": "经营利润",
  "money.invested": "投入",
  "money.raised": "融资",
  "money.cash": "现金",
  "money.runway": "现金跑道",
  "money.minus": "−{amount}",
  "money.plus": "+{amount}",
  "runway.none": "没有在烧钱",
  "runway.quarters": "按当前烧钱速度还能撑 {quarters} 个季度（每季度 {burn}）",

  "sectors.title": "各行业收入与客户",
  "sectors.none": "还没有销售：应用需要一两个季度才能赢得客户，而且模型能力要达到该行业的要求。",
  "sectors.sector": "行业",
  "sectors.revenue": "收入",
  "sectors.customers": "客户份额",

  "model.title": "你的模型",
  "model.capability": "模型能力 {capability}。",
  "model.lead": "模型能力 {capability}，免费开源模型为 {baseline}：领先 {lead}。",
  "model.noLead": "模型能力 {capability}，免费开源模型为 {baseline}：没有领先，任何人都能基于同样好的模型开发。",

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
