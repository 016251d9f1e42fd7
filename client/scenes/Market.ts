import Phaser from "phaser";
import { QUARTERLY } from "../../shared/words/turns.js";
import { askingAgain } from "../console/words.js";
import { t } from "../i18n.js";
import { BubbleField } from "../market/BubbleField.js";
import { ServerClock } from "../market/clock.js";
import { installDebugHook } from "../market/debug.js";
import { FirmDetail } from "../market/FirmDetail.js";
import { FEED_KEY, type MarketFeed, roomFeed } from "../market/feed.js";
import { correctionReported, firmFigures } from "../market/figures.js";
import { JoinCard } from "../market/JoinCard.js";
import { Leaderboard } from "../market/Leaderboard.js";
import { ReturnRequests } from "../market/ReturnRequests.js";
import { StatusBar } from "../market/StatusBar.js";
import { Ticker } from "../market/Ticker.js";
import { MarketTabs } from "../market/tabs.js";
import { phaseSeconds } from "../net/state.js";
import type { DraftMemo } from "../panel/draft-memory.js";
import { createDecisionPanel } from "../panel/index.js";
import { type ReportCarry, ReportView } from "../report/view.js";
import { h } from "../ui/dom.js";
import { dockStage, mountScreen } from "../ui/screen.js";
import { roomTurns } from "../ui/turns.js";
import { appOf, followPhase } from "./route.js";
import "../market/market.css";

/** What a redrawn screen keeps from the one it replaces: the draft, the report, the open firm, the tab. */
interface Carry {
  draft: DraftMemo | null;
  report: ReportCarry;
  detailFirmId: string | null;
  tab: string;
  panelScroll: number;
}

/** The screen's parts that hold words: made again, in the new language, on a language switch. */
interface Parts {
  status: StatusBar;
  ticker: Ticker;
  detail: FirmDetail;
  board: Leaderboard;
  card: JoinCard | null;
  returns: ReturnRequests | null;
  report: ReportView;
  tabs: MarketTabs;
  carry(): Carry;
  destroy(): void;
}

/**
 * The market during play: the field of bubbles (one per firm: area is valuation, the solid
 * core fundamentals, the see-through shell narrative), the status bar, news, leaderboard and
 * firm histories around it, and the decision panel. The layout is CSS (market.css): three
 * columns on a wide screen, the leaderboard under the field on a tablet, and on a phone one
 * pane at a time behind Market / Decide / Leaderboard tabs.
 *
 * A language switch calls `relabel()`: the parts with words are made again in the new
 * language, keeping the game, the bubbles, the draft being typed, the open report and firm,
 * and the chosen tab; the room's listeners stay registered once.
 */
export class Market extends Phaser.Scene {
  private relabelView: (() => void) | null = null;

  constructor() {
    super("Market");
  }

  /** Redraws the screen's words in the page's language (client/game.ts calls it on a switch). */
  relabel(): void {
    this.relabelView?.();
  }

  create(): void {
    const app = appOf(this);
    // A page may bring its own feed (the frame-rate bench); in a game it is the room.
    const feed = (this.registry.get(FEED_KEY) as MarketFeed | undefined) ?? (app.room ? roomFeed(app.room) : null);
    if (!feed) return void this.scene.start("Menu");
    // i18n-ignore: the scene's key, not text.
    const stopFollowing = followPhase(this, "Market");
    const myFirmId = app.welcome?.firmId ?? null;
    const clock = new ServerClock(app.welcome?.serverTime ?? null, Date.now());

    const slot = h("div", { class: "field-canvas" });
    const fieldPane = h("section", { id: "pane-field", class: "market-field" }, slot);
    const statusArea = h("div", { class: "market-status-area" });
    const tickerArea = h("div", { class: "market-ticker-area" });
    const boardPane = h("div", { id: "pane-board", class: "market-board-pane" });
    const panelPane = h("div", { id: "pane-decide", class: "market-panel-pane" });
    const tabsSlot = h("div", {});
    const shell = h("div", { class: "market-shell" }, statusArea, tabsSlot, tickerArea, boardPane, fieldPane, panelPane);
    mountScreen(this, shell, "app");
    // The canvas fills the field's slot; the labels, legend and firm detail are HTML over and under it.
    dockStage(this, slot);
    const field = new BubbleField(this, (firmId) => openDetail(firmId, null));
    slot.append(field.labels.element);
    fieldPane.append(field.legend.element);

    const openDetail = (firmId: string, opener: HTMLElement | null) => {
      const firm = feed.state.firms.find((f) => f.id === firmId);
      if (firm) parts.detail.open(firm, firm.id === myFirmId, opener ?? parts.board.buttonFor(firmId) ?? null);
    };

    const build = (carried: Carry | null): Parts => {
      fieldPane.setAttribute("aria-label", t("market.field.label"));
      const status = new StatusBar();
      const ticker = new Ticker();
      const detail = new FirmDetail(app.room ? roomTurns(app.room.state.settings) : QUARTERLY);
      const board = new Leaderboard(
        (firmId) => openDetail(firmId, board.buttonFor(firmId) ?? null),
        (firmId) => field.point(firmId),
      );
      // A screen for the room shows how to join where a player has the decision panel.
      const card = app.spectating && app.room ? new JoinCard(app.room.roomId) : null;
      const panel = card ?? createDecisionPanel(app, carried?.draft ?? null);
      // A friends game's host lets back in a player who lost the seat token.
      const returns = app.welcome?.host ? new ReturnRequests((playerId) => app.room?.send("letBackIn", { playerId })) : null;
      // On a phone the report is on the Market tab: a player who has just decided is taken there to read it.
      const report = new ReportView(app, carried?.report ?? null, () => {
        if (shell.dataset.tab === "decide") tabs.select("field", false);
      });
      const tabs = new MarketTabs([
        { id: "field", label: t("market.tabs.field"), pane: "pane-field" },
        { id: "decide", label: t("market.tabs.decide"), pane: "pane-decide" },
        { id: "board", label: t("market.tabs.board"), pane: "pane-board" },
      ]);
      statusArea.replaceChildren(status.element);
      tabsSlot.replaceWith(tabs.element);
      tickerArea.replaceChildren(ticker.element);
      boardPane.replaceChildren(board.element);
      panelPane.replaceChildren(panel.element);
      slot.append(report.element, detail.element);
      // The labels under the open report step aside: measured whenever the labels are laid out (FieldLabels.avoid) and
      // whenever the card, its content or the field changes size (it was measured only when the card's own box resized).
      const measureCover = () => {
        const card = report.cardElement;
        if (card.hidden) return null;
        const at = card.getBoundingClientRect();
        const origin = field.labels.element.getBoundingClientRect();
        return { x: at.left - origin.left, y: at.top - origin.top, width: at.width, height: at.height };
      };
      const cover = new ResizeObserver(() => field.labels.avoid(measureCover));
      cover.observe(report.cardElement);
      cover.observe(field.labels.element);
      // A new card's content (another turn, a language switch): measured once the page has laid it out.
      let live = true;
      const content = new MutationObserver(() => requestAnimationFrame(() => live && field.labels.avoid(measureCover)));
      content.observe(report.cardElement, { childList: true, subtree: true, attributes: true, attributeFilter: ["hidden"] });
      if (returns) slot.append(returns.element);
      tabs.attach(shell);
      if (carried) {
        tabs.select(carried.tab, false);
        const scroller = panel.element.querySelector(".scroll");
        if (scroller) scroller.scrollTop = carried.panelScroll;
        const open = carried.detailFirmId && feed.state.firms.find((f) => f.id === carried.detailFirmId);
        if (open) detail.open(open, open.id === myFirmId, board.buttonFor(open.id) ?? null, false);
      }
      return {
        status,
        ticker,
        detail,
        board,
        card,
        returns,
        report,
        tabs,
        carry: () => ({
          draft: "snapshot" in panel ? panel.snapshot() : null,
          report: report.carry(),
          detailFirmId: detail.openFirmId,
          tab: shell.dataset.tab ?? "field",
          panelScroll: panel.element.querySelector(".scroll")?.scrollTop ?? 0,
        }),
        destroy: () => {
          ticker.destroy();
          panel.destroy();
          cover.disconnect();
          content.disconnect();
          live = false;
          field.labels.avoid(null);
          report.destroy();
          detail.destroy();
          returns?.element.remove();
          // The tabs' place in the shell, for the next set of parts.
          tabs.element.replaceWith(tabsSlot);
        },
      };
    };
    let parts = build(null);

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
      parts.board.show(firms);
      parts.status.show(state);
      parts.returns?.show(state, askedAgain());
      parts.ticker.show(state);
      parts.card?.show(state);
      // A delisted firm has nothing to decide: no dot asking for its decision.
      const mine = firms.find((f) => f.mine);
      parts.tabs.mark("decide", state.phase === "decide" && myFirmId !== null && mine !== undefined && !mine.submitted && !mine.delisted);
      const open = parts.detail.openFirmId && state.firms.find((f) => f.id === parts.detail.openFirmId);
      if (open) parts.detail.refresh(open, open.id === myFirmId);
      // A phase that has just begun has its whole length left: that pins the server's clock.
      if (state.phase !== phaseSeen) {
        phaseSeen = state.phase;
        field.phaseBegan(state.phase);
        clock.observeDeadline(state.deadline, phaseSeconds(state), Date.now());
      }
      tick();
    };
    const tick = () => {
      const state = feed.state;
      parts.status.tick(state.phase, state.paused, clock.secondsLeft(state.deadline, Date.now()), state.deadline > 0);
    };

    // Who asks again from another device: the game log, which a friends game's host's connection receives (as a console does).
    const askedAgain = () => askingAgain(app.inbox?.last("console")?.log ?? []);
    const stopLog = app.inbox?.on("console", () => parts.returns?.show(feed.state, askedAgain()));
    const unsubscribe = feed.subscribe(render);
    // A page timer, not the scene clock: the game loop slows down while the field is still.
    const countdown = window.setInterval(tick, 250);
    const uninstall = installDebugHook(field, () => quarterShown, app.inbox);
    render();

    this.relabelView = () => {
      const carried = parts.carry();
      parts.destroy();
      parts = build(carried);
      field.relabel();
      render();
    };
    this.events.once("shutdown", () => {
      this.relabelView = null;
      unsubscribe();
      stopLog?.();
      stopFollowing();
      window.clearInterval(countdown);
      uninstall();
      parts.destroy();
      field.destroy();
      this.input.setDefaultCursor("default");
    });
  }
}
