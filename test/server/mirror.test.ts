import { Decoder, Encoder } from "@colyseus/schema";
import { describe, expect, test } from "vitest";
import { Match } from "../../server/game/match.js";
import { Roster } from "../../server/game/roster.js";
import { mirror } from "../../server/rooms/effects.js";
import { metadataOf, metadataUpdate } from "../../server/rooms/metadata.js";
import { mirrorGame, mirrorRoster, mirrorSubmitted } from "../../server/rooms/mirror.js";
import { MarketRoomState } from "../../server/rooms/state.js";
import { BOT_NAMES } from "../../shared/bots/index.js";
import { loadConfig } from "../../shared/config/load.js";
import { publicReport } from "../../shared/engine/view.js";
import { marketPoints, reportRows } from "../../shared/synced.js";
import { Table } from "./flow-helpers.js";

/** A game of bots only, mirrored into a synced state whose patches a client-side decoder applies quarter by quarter. */
function botGame(quarters: number, seed: string) {
  const config = loadConfig("ai-2025");
  if (!config.ok) throw new Error("no config");
  const roster = new Roster(1, BOT_NAMES.length, BOT_NAMES);
  const seats = roster.seats.map((s) => ({ id: s.firmId, name: s.name, bot: s.bot }));
  const match = new Match({ ...config.value, quarters }, seed, seats);
  const state = new MarketRoomState();
  const encoder = new Encoder(state);
  const client = new Decoder(new MarketRoomState());
  const sync = () => {
    mirrorRoster(state, roster, match);
    mirrorGame(state, match.state);
    client.decode(encoder.encode());
    encoder.discardChanges();
  };
  sync();
  const quarter = () => {
    for (const seat of seats) match.pending.set(seat.id, { action: match.botAction(seat.id, seat.bot), by: "bot", bot: true });
    match.resolve();
    sync();
  };
  return { match, state, encoder, seen: client.state, quarter };
}

describe("the synced histories", () => {
  test("a client reads back every quarter of every firm and of the market as the engine published it (figures as float32)", () => {
    const game = botGame(12, "columns");
    for (let q = 1; q <= 12; q++) game.quarter();
    const f32 = (v: number) => Math.fround(v);
    for (const [i, firm] of game.match.state.firms.entries()) {
      const published = firm.history.map(publicReport).map((r) => ({
        ...r,
        revenue: f32(r.revenue),
        operatingProfit: f32(r.operatingProfit),
        cash: f32(r.cash),
        trainingSpend: f32(r.trainingSpend),
        capability: f32(r.capability),
        fundamentals: f32(r.fundamentals),
        valuation: f32(r.valuation),
        sharePrice: f32(r.sharePrice),
        shares: f32(r.shares),
      }));
      expect(reportRows(game.seen.firms[i])).toEqual(published);
    }
    const market = game.match.state.market.history.map((m) => ({
      quarter: m.quarter,
      sentiment: f32(m.sentiment),
      bubbleRatio: f32(m.bubbleRatio),
      totalValuation: f32(m.totalValuation),
      totalFundamentals: f32(m.totalFundamentals),
      rate: f32(m.rate),
      regime: m.regime,
      disclosure: m.disclosure,
      correction: m.correction,
      correctionStarted: m.correctionStarted,
      events: m.events.map((e) => ({ kind: e.kind, json: JSON.stringify(e) })),
      delisted: m.delisted,
    }));
    expect(marketPoints(game.seen.market)).toEqual(market);
    // What the check covers: news in some quarter, sectors served, and a real game's length.
    expect(market.some((m) => m.events.length > 0)).toBe(true);
    expect([...game.seen.firms].some((f) => reportRows(f).some((r) => r.sectorsServed.length > 1))).toBe(true);
  });

  test("a quarter adds figures to the columns, not schema objects: the tracked objects stay as many however long the game", () => {
    const game = botGame(16, "flat");
    // The coming quarter's news items are objects too, as many as there are news: not counted.
    const tracked = () => Object.keys(game.encoder.root.changeTrees).length - game.state.market.news.length;
    game.quarter();
    const afterOne = tracked();
    for (let q = 2; q <= 16; q++) game.quarter();
    expect(reportRows(game.seen.firms[0])).toHaveLength(17);
    expect(tracked()).toBe(afterOne);
  });

  test("a reader gets the same rows while nothing is added, and the old rows with the new one after a quarter", () => {
    const game = botGame(3, "memo");
    game.quarter();
    const firm = game.seen.firms[0];
    const first = reportRows(firm);
    expect(reportRows(firm)).toBe(first);
    game.quarter();
    const second = reportRows(firm);
    expect(second).toHaveLength(first.length + 1);
    expect(second.slice(0, first.length)).toEqual(first);
    expect(second[0]).toBe(first[0]);
    expect(first).toHaveLength(2); // what a reader kept does not change under it
  });
});

describe("the submitted mirror", () => {
  test("after a submission, the one-flag mirror leaves the firms as the whole roster mirror does", () => {
    const t = new Table({ newsSeconds: 0, reportSeconds: 0, decisionSeconds: 30, firms: 3, seed: "mirror-submitted" });
    const ada = t.join("Ada");
    t.join("Bo");
    t.ok(ada, "start");
    const narrow = new MarketRoomState();
    mirrorRoster(narrow, t.flow.roster, t.flow.match);
    expect(narrow.firms.map((f) => f.submitted)).toEqual([false, false, true]); // f3 is a bot: in as decisions open
    t.ok(ada, "submit", { action: { train: 1 } });
    mirrorSubmitted(narrow, "f1", true);
    const whole = new MarketRoomState();
    mirrorRoster(whole, t.flow.roster, t.flow.match);
    expect(narrow.firms.map((f) => f.submitted)).toEqual([true, false, true]);
    expect(narrow.toJSON()).toEqual(whole.toJSON());
  });

  test("through a game with bots, a stand-in and timed phases, the narrow mirrors keep the roster as a whole re-sync would", () => {
    const t = new Table({ newsSeconds: 5, reportSeconds: 5, decisionSeconds: 30, firms: 4, seed: "mirror-game" });
    const ada = t.join("Ada");
    const bo = t.join("Bo");
    const synced = new MarketRoomState();
    let seen = 0;
    const check = () => {
      for (const effect of t.since(seen)) if (effect.type === "mirror") mirror(synced, t.flow, effect);
      seen = t.effects.length;
      const whole = new MarketRoomState();
      mirrorRoster(whole, t.flow.roster, t.flow.match, t.flow.asking);
      if (t.flow.match) mirrorGame(whole, t.flow.match.state);
      expect(synced.toJSON().firms).toEqual(whole.toJSON().firms);
      expect(synced.toJSON().players).toEqual(whole.toJSON().players);
    };
    check();
    t.ok(ada, "start");
    check();
    for (let q = 0; q < 4; q++) {
      while (t.phase !== "decide") {
        t.expire(); // report → news → decide: the bots' firms are in as decisions open
        check();
      }
      expect(synced.firms.map((f) => f.submitted)).toEqual([false, q >= 2, true, true]);
      t.ok(ada, "submit", { action: { train: 1 } });
      check();
      if (q === 0) t.ok(bo, "submit", { action: { train: 2 } });
      else if (q === 1) {
        t.step({ type: "drop", playerId: bo });
        t.step({ type: "leave", playerId: bo, now: t.now }); // past the grace period: a stand-in plays Bo's firm
      }
      check();
      if (t.phase === "decide") t.expire(); // the decision time runs out
      check();
      expect(t.quarter).toBe(q + 1);
    }
  });
});

describe("the lobby list's metadata", () => {
  test("set again only when something it shows changed: a join, a rename, the phase; never for a submission", () => {
    const t = new Table({ newsSeconds: 0, reportSeconds: 0, decisionSeconds: 30, firms: 2, seed: "metadata" });
    let meta = metadataUpdate(undefined, "TESTAB", t.flow);
    expect(meta).toEqual(metadataOf("TESTAB", t.flow));
    if (!meta) throw new Error("no metadata");
    expect(metadataUpdate(meta, "TESTAB", t.flow)).toBeNull();
    const ada = t.join("Ada");
    meta = metadataUpdate(meta, "TESTAB", t.flow) ?? meta;
    expect([meta.players, meta.host, meta.openSeats]).toEqual([1, "Ada", 1]);
    t.ok(ada, "configure", { name: "Friday market" });
    meta = metadataUpdate(meta, "TESTAB", t.flow) ?? meta;
    expect(meta.title).toBe("Friday market");
    t.ok(ada, "start");
    meta = metadataUpdate(meta, "TESTAB", t.flow) ?? meta;
    expect(meta.phase).toBe("decide");
    t.ok(ada, "submit", { action: { train: 1 } });
    expect(metadataUpdate(meta, "TESTAB", t.flow)).toBeNull();
  });
});
