/**
 * Where each part of the market screen goes, in design pixels (the game is 1280×720 and
 * Phaser scales the whole canvas, DOM included, to the window). The decision panel keeps the
 * right column; the status bar and news run across the top; the leaderboard and the bubble
 * field share the rest.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MarketLayout {
  status: Rect;
  ticker: Rect;
  board: Rect;
  field: Rect;
  panel: Rect;
}

const MARGIN = 8;
const STATUS_HEIGHT = 58;
const TICKER_HEIGHT = 40;
const BOARD_WIDTH = 224;

export function marketLayout(width: number, height: number, panelWidth: number): MarketLayout {
  const panel = { x: width - panelWidth - MARGIN, y: MARGIN, width: panelWidth, height: height - 2 * MARGIN };
  const left = MARGIN;
  const right = panel.x - MARGIN;
  const status = { x: left, y: MARGIN, width: right - left, height: STATUS_HEIGHT };
  const ticker = { x: left, y: status.y + status.height + MARGIN, width: right - left, height: TICKER_HEIGHT };
  const top = ticker.y + ticker.height + MARGIN;
  const board = { x: left, y: top, width: BOARD_WIDTH, height: height - MARGIN - top };
  const fieldX = board.x + board.width + MARGIN;
  const field = { x: fieldX, y: top, width: right - fieldX, height: height - MARGIN - top };
  return { status, ticker, board, field, panel };
}
