import { type Client, Room } from "colyseus";
import { type CreateOptions, CreateOptionsSchema, type Phase, type RoomSettings } from "../../../shared/schemas/protocol.js";
import { FirmSlot, MarketRoomState, PlayerInfo } from "../../rooms/state.js";

/**
 * The bench's "bare" room (`npm run bench:server -- --bare`): Colyseus 0.18 with the game's
 * synced state class and the same messages, and no game: the framework's ceiling for the
 * bench's traffic, to set the game server's figures against in the same run.
 *
 * It seats each joining player in a firm and sends `welcome`; `start` starts the quarters;
 * `submit` in `decide` marks the firm's `submitted` and answers `accepted` (the action as
 * sent, unchecked) to the firm; when every firm is in, or at the deadline, the quarter
 * "resolves": `quarter` and `resolvedAt` change, `submitted` is cleared, `report` for
 * `reportSeconds`, then `news` and `decide` again, until `over`. Phases, deadlines and
 * `submitted` sync as in the game; no engine, no histories, no `private` message, no store,
 * no validation beyond the create options' schema.
 */
export class BareMarketRoom extends Room<{ state: MarketRoomState }> {
  private settings!: RoomSettings;
  /** The player id of each session, and each player's firm. */
  private readonly firmOf = new Map<string, FirmSlot>();
  private timer: { clear(): void } | null = null;

  override onCreate(options: CreateOptions): void {
    this.maxClients = 40 * 4 + 8; // as the game's room
    this.settings = CreateOptionsSchema.parse(options).settings;
    const state = new MarketRoomState();
    state.code = this.roomId;
    state.title = this.settings.name;
    state.settings.quarters = this.settings.quarters ?? 16;
    state.settings.decisionSeconds = this.settings.decisionSeconds;
    state.settings.reportSeconds = this.settings.reportSeconds;
    state.settings.newsSeconds = this.settings.newsSeconds;
    for (let i = 1; i <= this.settings.firms; i++) state.firms.push(new FirmSlot({ id: `f${i}`, name: `Firm ${i}`, bot: "balanced", controller: "bot" }));
    this.state = state;
    this.onMessage("start", () => this.enter("news"));
    this.onMessage("submit", (client, message: { action?: unknown }) => this.submit(client, message));
    this.onMessage("*", () => {});
  }

  override onJoin(client: Client, options: { name?: string }): void {
    const firm = this.state.firms.find((f) => f.controller === "bot");
    if (!firm) throw new Error("no free seat");
    firm.controller = "human";
    const host = this.state.players.length === 0;
    this.state.players.push(new PlayerInfo({ id: client.sessionId, name: String(options?.name ?? "player"), firmId: firm.id, host }));
    this.firmOf.set(client.sessionId, firm);
    client.send("welcome", { playerId: client.sessionId, firmId: firm.id, host, token: client.sessionId, serverTime: Date.now() });
  }

  override onLeave(client: Client): void {
    const firm = this.firmOf.get(client.sessionId);
    if (firm) firm.controller = "bot";
    this.firmOf.delete(client.sessionId);
  }

  override onDispose(): void {
    this.timer?.clear();
  }

  private submit(client: Client, message: { action?: unknown }): void {
    const firm = this.firmOf.get(client.sessionId);
    if (this.state.phase !== "decide" || !firm || firm.submitted) return;
    firm.submitted = true;
    const by = this.state.players.find((p) => p.id === client.sessionId)?.name ?? "";
    for (const [sessionId, f] of this.firmOf)
      if (f === firm) this.clients.getById(sessionId)?.send("accepted", { quarter: this.state.quarter + 1, action: message?.action ?? {}, by });
    if (this.state.firms.every((f) => f.controller !== "human" || f.submitted)) this.enter("report");
  }

  /** Enters a phase; "report" is the quarter's resolution. */
  private enter(phase: Phase): void {
    this.timer?.clear();
    this.timer = null;
    if (phase === "report") {
      this.state.quarter++;
      this.state.resolvedAt = Date.now();
      for (const firm of this.state.firms) firm.submitted = false;
      if (this.state.quarter >= this.state.settings.quarters) phase = "over";
    }
    this.state.phase = phase;
    const seconds = { lobby: 0, news: this.settings.newsSeconds, decide: this.settings.decisionSeconds, report: this.settings.reportSeconds, over: 0 }[phase];
    const next = ({ news: "decide", decide: "report", report: "news" } as const)[phase as "news" | "decide" | "report"];
    this.state.deadline = next && seconds > 0 ? Date.now() + seconds * 1000 : 0;
    if (!next) return;
    if (seconds <= 0) this.enter(next);
    else this.timer = this.clock.setTimeout(() => this.enter(next), seconds * 1000);
  }
}
