import Phaser from "phaser";
import { BubbleField } from "../market/BubbleField.js";
import { ServerClock } from "../market/clock.js";
import { installDebugHook } from "../market/debug.js";
import { FirmDetail } from "../market/FirmDetail.js";
import { FEED_KEY, type MarketFeed, roomFeed } from "../market/feed.js";
import { correctionReported, firmFigures } from "../market/figures.js";
import { Leaderboard } from "../market/Leaderboard.js";
import { marketLayout, type Rect } from "../market/layout.js";
import { ReturnRequests } from "../market/ReturnRequests.js";
import { StatusBar } from "../market/StatusBar.js";
import { Ticker } from "../market/Ticker.js";
import { phaseSeconds } from "../net/state.js";
import { createDecisionPanel, PANEL_WIDTH } from "../panel/index.js";
import { h } from "../ui/dom.js";
import { appOf, followPhase } from "./route.js";
import "../market/market.css";

/**
 * The market during play: the field of bubbles (one per firm: area is valuation, the solid
 * core fundamentals, the see-through shell narrative), the status bar, news, leaderboard and
 * firm histories around it, and the decision panel in the right column.
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
    const layout = marketLayout(this.scale.width, this.scale.height, PANEL_WIDTH);
    const myFirmId = app.welcome?.firmId ?? null;
    const clock = new ServerClock(app.welcome?.serverTime ?? null, Date.now());

    const status = new StatusBar();
    const ticker = new Ticker();
    const detail = new FirmDetail();
    const openDetail = (firmId: string, opener: HTMLElement | null) => {
      const firm = feed.state.firms.find((f) => f.id === firmId);
      if (firm) detail.open(firm, firm.id === myFirmId, opener ?? board.buttonFor(firmId) ?? null);
    };
    const field = new BubbleField(this, layout.field, (firmId) => openDetail(firmId, null));
    const board = new Leaderboard(
      (firmId) => openDetail(firmId, board.buttonFor(firmId) ?? null),
      (firmId) => field.point(firmId),
    );
    const panel = createDecisionPanel(app);
    // A friends game's host lets back in a player who lost the seat token.
    const returns = app.welcome?.host ? new ReturnRequests((playerId) => app.room?.send("letBackIn", { playerId })) : null;

    // Phaser sets `display` on the node it places, so each part sits in a plain box of its own.
    const place = (rect: Rect, element: HTMLElement, passThrough = false) => {
      const box = h("div", { class: "market-box" }, element);
      box.style.width = `${rect.width}px`;
      box.style.height = `${rect.height}px`;
      const dom = this.add.dom(rect.x, rect.y, box).setOrigin(0, 0);
      // Boxes over the field let clicks through to the bubbles (their content may take them).
      if (passThrough) dom.pointerEvents = "none";
      return dom;
    };
    place(layout.status, status.element);
    place(layout.ticker, ticker.element);
    place(layout.board, board.element);
    place(layout.field, field.labels.element, true);
    place(layout.field, detail.element, true);
    if (returns) place({ ...layout.field, height: 80 }, returns.element, true);
    this.add.dom(layout.panel.x, layout.panel.y, panel.element).setOrigin(0, 0);

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
        status.showScale(field.scale);
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
      detail.destroy();
      field.destroy();
      this.input.setDefaultCursor("default");
    });
  }
}
