import type { Area, Messages, Translation } from "../core.js";

/**
 * The game's downloads (client/ui/downloads.ts, client/net/exports.ts): the buttons, what
 * each file holds, progress and the reasons a download is refused (by the server's error
 * code, docs/protocol.md "Export").
 */
const en = {
  heading: "Downloads",
  "button.csv": "Download CSV",
  "button.csvAnonymised": "Download CSV (anonymised)",
  "button.record": "Download game record (JSON)",
  about:
    "CSV: one row per firm and quarter, with its report, its decisions and the market. Anonymised: firms by their ids, no players' names. JSON: the game record, which replays the whole game.",
  "about.turn":
    "CSV: one row per firm and turn (a turn is {span} of the story in this game), with its report, its decisions and the market. Anonymised: firms by their ids, no players' names. JSON: the game record, which replays the whole game.",
  guide: "What each CSV column means",
  preparing: "Preparing the download…",
  done: "Downloaded {file}.",
  "error.badCode": "That is not a game code.",
  "error.noKey": "The server did not get a facilitator key. Open the console again with the key.",
  "error.wrongKey": "The facilitator key this browser holds does not match this game.",
  "error.noGame": "The server has no record of this game (it may have been deleted).",
  "error.notStarted": "The game has not started: there is nothing to download yet.",
  "error.notOver": "The game is not over: when the host plays a firm, the data can be downloaded once the game ends.",
  "error.buildFailed": "The server could not build the file. Try again; if it fails again, the game record may be damaged.",
  "error.rateLimited": "Too many attempts with a facilitator key from your network. Try again in {wait}.",
  "error.rateLimitedLater": "Too many attempts with a facilitator key from your network. Wait a minute, then try again.",
  "error.http": "The download failed (HTTP {status}).",
  "error.offline": "The game server cannot be reached. Check your connection and try again.",
} as const satisfies Messages;

const zh = {
  heading: "下载",
  "button.csv": "下载 CSV",
  "button.csvAnonymised": "下载 CSV（匿名）",
  "button.record": "下载游戏记录（JSON）",
  about: "CSV：每家公司每个季度一行，含该季度的报告、决策和市场数据。匿名版：以编号代替公司名称，不含玩家姓名。JSON：游戏记录，可完整复现整局游戏。",
  "about.turn":
    "CSV：每家公司每个回合一行（本局每回合相当于故事中的 {span}），含该回合的报告、决策和市场数据。匿名版：以编号代替公司名称，不含玩家姓名。JSON：游戏记录，可完整复现整局游戏。",
  guide: "CSV 各列的含义",
  preparing: "正在准备下载…",
  done: "已下载 {file}。",
  "error.badCode": "这不是有效的游戏代码。",
  "error.noKey": "服务器没有收到主持人密钥。请使用密钥重新打开控制台。",
  "error.wrongKey": "此浏览器保存的主持人密钥与本局游戏不匹配。",
  "error.noGame": "服务器上没有这局游戏的记录（可能已被删除）。",
  "error.notStarted": "游戏尚未开始，暂时没有可下载的数据。",
  "error.notOver": "游戏尚未结束：主持人也在经营公司时，须等游戏结束后才能下载数据。",
  "error.buildFailed": "服务器无法生成文件。请重试；如果仍然失败，游戏记录可能已损坏。",
  "error.rateLimited": "你所在网络使用主持人密钥的尝试次数过多，请在 {wait}后重试。",
  "error.rateLimitedLater": "你所在网络使用主持人密钥的尝试次数过多，请等一分钟再试。",
  "error.http": "下载失败（HTTP {status}）。",
  "error.offline": "无法连接游戏服务器。请检查网络连接后重试。",
} satisfies Translation<typeof en>;

export default { en, "zh-CN": zh } satisfies Area<typeof en>;
