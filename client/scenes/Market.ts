import Phaser from "phaser";
import { BubbleField } from "../market/BubbleField.js";
import { ServerClock } from "../market/clock.js";
import { installDebugHook } from "../market/debug.js";
import { FirmDetail } from "../market/FirmDetail.js";
import { FEED_KEY, type MarketFeed, roomFeed } from "../market/feed.js";
import { correctionReported, firmFigures } from "../market/figures.js";
import { Leaderboard } from "../market/Leaderboard.js";
import { ReturnRequests } from "../market/ReturnRequests.js";
import { StatusBar } from "../market/StatusBar.js";
import { Ticker } from "../market/Ticker.js";
import { MarketTabs } from "../market/tabs.js";
import { phaseSeconds } from "../net/state.js";
import { createDecisionPanel } from "../panel/index.js";
import { ReportView } from "../report/view.js";
import { h } from "../ui/dom.js";
import { dockStage, mountScreen } from "../ui/screen.js";
import { appOf, followPhase } from "./route.js";
import "../market/market.css";

/**
 * The market during play: the field of bubbles (one per firm: area is valuation, the solid
 * core fundamentals, the see-through shell narrative), the status bar, news, leaderboard and
 * firm histories around it, and the decision panel. The layout is CSS (market.css): three
 * columns on a wide screen, the leaderboard under the field on a tablet, and on a phone one
 * pane at a time behind Market / Decide / Leaderboard tabs.
 */
export class Market extends Phaser.Scene {
  constructor() {
    super("Market");
  }

  create(): void {
    const app = appOf(this);
    // A page may bring its own feed (the frame-rate bench); in a game it is the room.
    const feed = (this.registry.get(FEED_KEY) as MarketFeed | undefined) ?? (app.room ? roomFeed(app.room) : null);
    if (!feed) return void this.scene.start("Menu");
    const stopFollowing = followPhase(this, "Market");
    const myFirmId = app.welcome?.firmId ?? null;
    const clock = new ServerClock(app.welcome?.serverTime ?? null, Date.now());

    const status = new StatusBar();
    const ticker = new Ticker();
    const detail = new FirmDetail();
    const openDetail = (firmId: string, opener: HTMLElement | null) => {
      const firm = feed.state.firms.find((f) => f.id === firmId);
      if (firm) detail.open(firm, firm.id === myFirmId, opener ?? board.buttonFor(firmId) ?? null);
    };
    const board = new Leaderboard(
      (firmId) => openDetail(firmId, board.buttonFor(firmId) ?? null),
      (firmId) => field.point(firmId),
    );
    const panel = createDecisionPanel(app);
    // A friends game's host lets back in a player who lost the seat token.
    const returns = app.welcome?.host ? new ReturnRequests((playerId) => app.room?.send("letBackIn", { playerId })) : null;
    const report = new ReportView(app);

    const slot = h("div", { class: "field-canvas" });
    const fieldPane = h("section", { id: "pane-field", class: "market-field", "aria-label": "Bubble field" }, slot);
    const boardPane = h("div", { id: "pane-board", class: "market-board-pane" }, board.element);
    const panelPane = h("div", { id: "pane-decide", class: "market-panel-pane" }, panel.element);
    const tabs = new MarketTabs([
      { id: "field", label: "Market", pane: "pane-field" },
      { id: "decide", label: "Decide", pane: "pane-decide" },
      { id: "board", label: "Leaderboard", pane: "pane-board" },
    ]);
    const shell = h(
      "div",
      { class: "market-shell" },
      h("div", { class: "market-status-area" }, status.element),
      tabs.element,
      h("div", { class: "market-ticker-area" }, ticker.element),
      boardPane,
      fieldPane,
      panelPane,
    );
    tabs.attach(shell);
    mountScreen(this, shell, "app");
    // The canvas fills the field's slot; the labels, legend and firm detail are HTML over and under it.
    dockStage(this, slot);
    const field = new BubbleField(this, (firmId) => openDetail(firmId, null));
    slot.append(field.labels.element, report.element, detail.element);
    if (returns) slot.append(returns.element);
    fieldPane.append(field.legend.element);

    let laidOut = "";
    let reportsSeen = 0;
    let quarterShown = 0;
    let phaseSeen = "";
    const render = () => {
      const state = feed.state;
      const firms = firmFigures(state, myFirmId);
      const key = firms.map((f) => `${f.firmId}:${f.reports}:${f.delisted}`).join(",");
      if (key !== laidOut) {
        const reports = firms.reduce((sum, f) => sum + f.reports, 0);
        // A new quarter animates; the first sight of the market (or a rejoin) does not.
        const newQuarter = laidOut !== "" && reports > reportsSeen;
        field.show(firms, newQuarter, newQuarter && correctionReported(state));
        laidOut = key;
        reportsSeen = reports;
        quarterShown = state.quarter;
      } else {
        field.mark(firms);
      }
      board.show(firms);
      status.show(state);
      returns?.show(state);
      ticker.show(state);
      tabs.mark("decide", state.phase === "decide" && !firms.find((f) => f.mine)?.submitted && myFirmId !== null);
      const open = detail.openFirmId && state.firms.find((f) => f.id === detail.openFirmId);
      if (open) detail.refresh(open, open.id === myFirmId);
      // A phase that has just begun has its whole length left: that pins the server's clock.
      if (state.phase !== phaseSeen) {
        phaseSeen = state.phase;
        clock.observeDeadline(state.deadline, phaseSeconds(state), Date.now());
      }
      tick();
    };
    const tick = () => {
      const state = feed.state;
      status.tick(state.phase, state.paused, clock.secondsLeft(state.deadline, Date.now()), state.deadline > 0);
    };

    const unsubscribe = feed.subscribe(render);
    // A page timer, not the scene clock: the game loop slows down while the field is still.
    const countdown = window.setInterval(tick, 250);
    const uninstall = installDebugHook(field, () => quarterShown);
    render();

    this.events.once("shutdown", () => {
      unsubscribe();
      stopFollowing();
      window.clearInterval(countdown);
      uninstall();
      panel.destroy();
      report.destroy();
      detail.destroy();
      field.destroy();
      this.input.setDefaultCursor("default");
    });
  }
}
