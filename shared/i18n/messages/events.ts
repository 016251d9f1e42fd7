import type { Area, Messages, Translation } from "../core.js";

/**
 * The market's events and the facilitator's injections in words (shared/words/events.ts):
 * the news ticker, the console's inject form, queue and log. `{change}` is a whole percentage
 * (the sign is in the words), `{count}` a number of points.
 */
const en = {
  "gpuShock.all.dearer": "GPU shock: compute is {change}% dearer for everyone.",
  "gpuShock.all.cheaper": "GPU shock: compute is {change}% cheaper for everyone.",
  "gpuShock.vendor.dearer": "GPU shock at a chip vendor: compute on locked contracts is {change}% dearer.",
  "gpuShock.vendor.cheaper": "GPU shock at a chip vendor: compute on locked contracts is {change}% cheaper.",
  openRelease: {
    one: "Open-model release: the free baseline jumps {count} capability point, and anyone may build apps on it.",
    other: "Open-model release: the free baseline jumps {count} capability points, and anyone may build apps on it.",
  },
  scalingWall: '"Scaling wall" paper: every extra unit of training compute now buys {change}% less capability.',
  rateHike: {
    one: "Rate hike of {count} percentage point: future profits are worth less today, and a correction grows likelier.",
    other: "Rate hike of {count} percentage points: future profits are worth less today, and a correction grows likelier.",
  },
  rateCut: {
    one: "Rate cut of {count} percentage point: future profits are worth more today.",
    other: "Rate cut of {count} percentage points: future profits are worth more today.",
  },
  adoptionWave: "Enterprise adoption wave: the {sector} market grows {change}%.",
  provenanceScandal: "Data-provenance scandal in {sector}: trust in the sector falls, sentiment dips, and firms without compliance lose data moat.",
  mediaLaw: "Synthetic-media disclosure law: media apps now need disclosure compliance.",
  "sectorRegulation.on": "New regulation: {sector} is now regulated, so incidents and fines become possible.",
  "sectorRegulation.off": "Deregulation: {sector} is no longer regulated.",
  selloff: "Trillion-dollar sell-off: market sentiment falls {change}%, and a correction grows likelier.",
  "regime.application": "application-level regulation",
  "regime.model": "model-level licences",
  "regime.none": "no regulation",
  regimeSwitch: "Regime switch: {regime}.",
  "disclosure.on": "Disclosure rule on: investors weigh unit economics over narrative.",
  "disclosure.off": "Disclosure rule off: investors go back to narrative.",
  "sector.support": "customer support agents",
  "sector.industrial": "industrial quality inspection",
  "sector.medical": "medical diagnosis assistance",
  "sector.finance": "credit and risk scoring",
  "sector.driving": "driver assistance",
  "sector.media": "synthetic video and audio",
} as const satisfies Messages;

const zh = {
  "gpuShock.all.dearer": "GPU 价格冲击：所有公司的算力成本上涨 {change}%。",
  "gpuShock.all.cheaper": "GPU 价格冲击：所有公司的算力成本下降 {change}%。",
  "gpuShock.vendor.dearer": "芯片厂商冲击：锁定合约的算力成本上涨 {change}%。",
  "gpuShock.vendor.cheaper": "芯片厂商冲击：锁定合约的算力成本下降 {change}%。",
  openRelease: { other: "开源模型发布：免费的开源基线提升 {count} 个能力点，任何人都可以在其上开发应用。" },
  scalingWall: "“规模化撞墙”论文：每多投入一单位训练算力，换来的模型能力减少 {change}%。",
  rateHike: { other: "加息 {count} 个百分点：未来利润的现值下降，回调的可能性上升。" },
  rateCut: { other: "降息 {count} 个百分点：未来利润的现值上升。" },
  adoptionWave: "企业采用浪潮：{sector}市场规模增长 {change}%。",
  provenanceScandal: "{sector}行业爆发数据来源丑闻：行业信任下降，市场情绪走低，未做合规的公司失去数据护城河。",
  mediaLaw: "合成媒体披露法出台：媒体类应用现在必须满足信息披露合规要求。",
  "sectorRegulation.on": "新监管：{sector}行业即日起受监管，可能发生事故并被罚款。",
  "sectorRegulation.off": "放松监管：{sector}行业不再受监管。",
  selloff: "万亿美元级抛售：市场情绪下跌 {change}%，回调的可能性上升。",
  "regime.application": "应用监管",
  "regime.model": "模型监管（许可证制度）",
  "regime.none": "不监管",
  regimeSwitch: "监管模式切换为：{regime}。",
  "disclosure.on": "信息披露规则生效：投资者更看重单位经济效益，而非叙事。",
  "disclosure.off": "信息披露规则取消：投资者重新看重叙事。",
  "sector.support": "智能客服",
  "sector.industrial": "工业质检",
  "sector.medical": "医疗辅助诊断",
  "sector.finance": "信用与风险评分",
  "sector.driving": "辅助驾驶",
  "sector.media": "合成音视频",
} satisfies Translation<typeof en>;

export default { en, "zh-CN": zh } satisfies Area<typeof en>;
