import type { Area, Messages, Translation } from "../core.js";

/**
 * The application sectors by id (shared/schemas/vocabulary.ts SECTOR_IDS): the names a person
 * reads. The config keeps its English names for the CLI and logs; screens read these.
 */
const en = {
  support: "Customer support agents",
  industrial: "Industrial quality inspection",
  medical: "Medical diagnosis assistance",
  finance: "Credit and risk scoring",
  driving: "Driver assistance",
  media: "Synthetic video and audio",
  api: "Model access (API)",
} as const satisfies Messages;

const zh = {
  support: "智能客服",
  industrial: "工业质检",
  medical: "医疗辅助诊断",
  finance: "信用与风险评分",
  driving: "辅助驾驶",
  media: "合成音视频",
  api: "模型调用（API）",
} satisfies Translation<typeof en>;

export default { en, "zh-CN": zh } satisfies Area<typeof en>;
