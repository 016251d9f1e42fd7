import { boot, type ColyseusTestServer } from "@colyseus/testing";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { actionOf } from "../../shared/positional.js";
import { privateFields } from "../../shared/private.js";
import type { ActionInput } from "../../shared/schemas/action.js";
import {
  CLIENT_MESSAGE_TYPES,
  ClientMessageSchemas,
  CREATE_INVALID_OPTIONS,
  JOIN_ERRORS,
  PRIVATE_COLUMNS,
  type PrivateMessage,
} from "../../shared/schemas/protocol.js";
import { firstDifference, replay } from "../../shared/sim/record.js";
import { marketPoints, reportRows } from "../../shared/synced.js";
import { FAST, host, join, nextRejection, type Player, track, waitFor } from "./helpers.js";

const GRACE_SECONDS = 1;
let colyseus: ColyseusTestServer;

beforeAll(async () => {
  // A short grace period; a high message rate so that the fuzz test measures validation, not the rate limit.
  colyseus = await boot(createApp({ limits: { graceSeconds: GRACE_SECONDS, messagesPerSecond: 5000, abuseRejections: 1_000_000 } }));
});
afterEach(async () => {
  await colyseus.cleanup();
});
afterAll(async () => {
  await colyseus.shutdown();
});

/** A modest action the firm can afford: a share of its cash into training, marketing and support apps. */
function modestAction(player: Player, share: number): ActionInput {
  const cash = player.privateView()?.firm.cash ?? 100;
  const budget = Math.max(0, cash * share);
  return { train: budget * 0.5, marketing: budget * 0.2, apps: { support: budget * 0.3 } };
}

async function twoPlayers(settings: Parameters<typeof host>[2]) {
  const { player: ada, server } = await host(colyseus, "Ada", settings);
  const bo = await join(colyseus, server.roomId, { name: "Bo" });
  return { ada, bo, server, code: server.roomId };
}

async function startAndDecide(ada: Player, quarter = 0) {
  ada.room.send("start");
  await waitFor(() => ada.room.state.phase === "decide" && ada.room.state.quarter === quarter);
}

function isConnected(player: Player): boolean {
  return player.room.connection.isOpen;
}

describe("a whole game through real sockets", () => {
  test("two players and two bots play 8 quarters to game over; the final state equals the engine's replay of the log", async () => {
    const { ada, bo, server } = await twoPlayers({ ...FAST, firms: 4, quarters: 8, seed: "room-full-game", bots: ["scaler", "builder"] });
    expect(ada.last("welcome")).toMatchObject({ firmId: "f1", host: true });
    expect(bo.last("welcome")).toMatchObject({ firmId: "f2", host: false });
    await waitFor(() => ada.room.state.players.length === 2);
    expect(ada.room.state.firms.map((f) => f.controller)).toEqual(["human", "human", "bot", "bot"]);
    expect(ada.room.state.firms.map((f) => f.bot).slice(2)).toEqual(["scaler", "builder"]);

    ada.room.send("start");
    for (let q = 0; q < 8; q++) {
      await waitFor(() => ada.room.state.phase === "decide" && ada.room.state.quarter === q);
      // Bots submit as the decision phase opens (a delisted bot's firm no longer acts); the players' firms have not yet.
      const firms = ada.room.state.firms.map((f) => ({ bot: f.controller === "bot", delisted: f.delisted, submitted: f.submitted }));
      expect(firms.map((f) => f.submitted)).toEqual(firms.map((f) => f.bot && !f.delisted));
      if (!ada.privateView()?.firm.delisted) ada.room.send("submit", { action: modestAction(ada, 0.1) });
      if (!bo.privateView()?.firm.delisted) bo.room.send("submit", { action: modestAction(bo, 0.05) });
      await waitFor(() => ada.room.state.quarter === q + 1);
    }
    await waitFor(() => ada.room.state.phase === "over" && bo.room.state.phase === "over");
    expect(ada.all("rejected")).toEqual([]);
    expect(bo.all("rejected")).toEqual([]);

    const match = server.match;
    if (!match) throw new Error("no match");
    expect(match.record.quarters).toHaveLength(8);
    const { states, reports } = replay(match.record);
    expect(firstDifference(states.at(-1), match.state)).toBeNull();

    // What the players see is the engine's published figures, as float32 (what the state carries: 7 digits, more than any screen shows).
    const last = reports.at(-1);
    if (!last) throw new Error("no report");
    for (const [i, firm] of last.firms.entries()) {
      const seen = reportRows(bo.room.state.firms[i]).at(-1);
      expect(seen?.valuation).toBe(Math.fround(firm.valuation));
      expect(seen?.revenue).toBe(Math.fround(firm.revenue));
      expect(Math.abs((seen?.valuation ?? 0) - firm.valuation)).toBeLessThan(Math.max(1, firm.valuation) * 1e-7);
    }
    expect(marketPoints(bo.room.state.market).at(-1)?.bubbleRatio).toBe(Math.fround(last.market.bubbleRatio));
    expect(ada.room.state.standings).toHaveLength(4);
    expect(ada.room.state.standings[0]?.rank).toBe(1);
    // Each player's private message after the last quarter holds its own firm, as the engine has it.
    expect(ada.privateView()?.firm).toEqual(JSON.parse(JSON.stringify(match.state.firms[0])));
    // It came whole when the game started, then each quarter as that quarter's change alone.
    const privates = ada.all("private").map(privateFields);
    expect(privates.map((m) => m.full)).toEqual([true, ...Array(8).fill(false)]);
    expect(privates.slice(1).map((m) => m.firmHistory.map((row) => row[PRIVATE_COLUMNS.firmReport.indexOf("quarter")]))).toEqual([
      [1],
      [2],
      [3],
      [4],
      [5],
      [6],
      [7],
      [8],
    ]);
  });

  test("with no timer (0 seconds to decide) the quarter waits for every firm, however long", async () => {
    const { ada, bo } = await twoPlayers({ ...FAST, decisionSeconds: 0 });
    await startAndDecide(ada);
    expect(ada.room.state.settings.decisionSeconds).toBe(0);
    expect(ada.room.state.deadline).toBe(0);
    ada.room.send("submit", { action: {} });
    await waitFor(() => bo.room.state.firms[0]?.submitted);
    expect(bo.room.state.phase).toBe("decide");
    expect(bo.room.state.quarter).toBe(0);
    bo.room.send("submit", { action: {} });
    await waitFor(() => ada.room.state.quarter === 1 && ada.room.state.phase === "decide");
    expect(ada.room.state.deadline).toBe(0);
  });
});

describe("hidden information", () => {
  test("another player never receives a firm's pending action or private figures", async () => {
    const { ada, bo } = await twoPlayers({ ...FAST, seed: "privacy" });
    await startAndDecide(ada);
    ada.room.send("submit", { action: { train: 12.345, marketing: 6.789 } });
    await waitFor(() => ada.last("accepted"));
    await waitFor(() => bo.room.state.firms[0]?.submitted);
    expect(actionOf(ada.last("accepted")?.action)).toMatchObject({ train: 12.345, marketing: 6.789 });

    const boSees = JSON.stringify({ state: bo.room.state.toJSON(), messages: bo.messages });
    expect(boSees).not.toContain("12.345");
    expect(boSees).not.toContain("6.789");
    // Bo's private messages carry Bo's own firm only; nothing else he receives holds private fields.
    const boPublic = JSON.stringify({ state: bo.room.state.toJSON(), messages: bo.messages.filter((m) => m.type !== "private") });
    for (const secret of ["lastAction", "complianceStock", "hype", "trainingCredit", "rng", "dataMoat", "productFit"])
      expect(boPublic).not.toContain(`"${secret}"`);
    for (const view of bo.privateViews()) expect(view.firm.id).toBe("f2");
    expect(bo.all("accepted")).toEqual([]);
    // Ada's own private view does hold her secrets.
    expect(ada.privateView()?.firm).toHaveProperty("hype");
  });

  test("teammates share a firm: a draft and a submission reach the team and no one else", async () => {
    const { player: ada, server } = await host(colyseus, "Ada", { ...FAST, teamSize: 2, firms: 3 });
    const bo = await join(colyseus, server.roomId, { name: "Bo", firmId: "f1" });
    const cy = await join(colyseus, server.roomId, { name: "Cy" });
    expect(bo.last("welcome")?.firmId).toBe("f1");
    expect(cy.last("welcome")?.firmId).toBe("f2");
    await startAndDecide(ada);
    bo.room.send("draft", { action: { train: 42 } });
    await waitFor(() => ada.last("draft"));
    expect(ada.last("draft")).toEqual({ by: "Bo", action: expect.objectContaining({ train: 42 }) });
    bo.room.send("submit", { action: { train: 41.4242 } });
    await waitFor(() => ada.last("accepted"));
    expect(ada.last("accepted")).toMatchObject({ by: "Bo" });
    expect(actionOf(ada.last("accepted")?.action)).toMatchObject({ train: 41.4242 });
    expect(bo.last("accepted")).toMatchObject({ by: "Bo" });
    expect(cy.all("draft")).toEqual([]);
    expect(cy.all("accepted")).toEqual([]);
    expect(JSON.stringify(cy.room.state.toJSON())).not.toContain("41.4242");
  });
});

describe("refusals", () => {
  test("1,000 random malformed messages leave the room alive, the state unchanged and the other player unaffected", async () => {
    const { ada, bo, server } = await twoPlayers({ ...FAST, seed: "fuzz" });
    await startAndDecide(ada);
    const match = server.match;
    if (!match) throw new Error("no match");
    const before = { engine: JSON.stringify(match.state), roster: JSON.stringify(server.flow.roster), adaState: JSON.stringify(ada.room.state.toJSON()) };

    const knownType = fc.constantFrom(...CLIENT_MESSAGE_TYPES);
    const payload = fc.oneof(
      fc.jsonValue(),
      fc.record({ action: fc.jsonValue() }),
      fc.record({
        action: fc.dictionary(fc.constantFrom("train", "apps", "raise", "distill", "hardware", "x"), fc.oneof(fc.double(), fc.string(), fc.jsonValue())),
      }),
      fc.record({ firmId: fc.string(), ready: fc.jsonValue(), strategy: fc.string() }),
      fc.string({ maxLength: 12_000 }),
    );
    const message = fc
      .tuple(fc.oneof(knownType, knownType, fc.string({ maxLength: 60 })), payload)
      .filter(
        ([type, body]) =>
          !(Object.hasOwn(ClientMessageSchemas, type) && ClientMessageSchemas[type as keyof typeof ClientMessageSchemas].safeParse(body).success),
      );
    const messages = fc.sample(message, { numRuns: 1000, seed: 20261128 });
    expect(messages).toHaveLength(1000);
    for (const [type, body] of messages) bo.room.send(type, body);

    await waitFor(() => bo.all("rejected").length === 1000, 20_000);
    const codes = new Set(bo.all("rejected").map((r) => r.code));
    expect(
      [...codes].every((c) =>
        ["UNKNOWN_MESSAGE", "INVALID_MESSAGE", "TOO_LARGE", "ILLEGAL_ACTION", "WRONG_PHASE", "NOT_HOST", "NOT_YOUR_FIRM", "NOT_FACILITATOR"].includes(c),
      ),
    ).toBe(true);
    expect(isConnected(bo)).toBe(true);
    expect(JSON.stringify(match.state)).toBe(before.engine);
    expect(JSON.stringify(server.flow.roster)).toBe(before.roster);
    expect([match.pending.has("f1"), match.pending.has("f2")]).toEqual([false, false]);
    expect(JSON.stringify(ada.room.state.toJSON())).toBe(before.adaState);
    expect(ada.all("rejected")).toEqual([]);

    // Both still play on.
    ada.room.send("submit", { action: { train: 5 } });
    bo.room.send("submit", { action: { train: 5 } });
    await waitFor(() => ada.room.state.quarter === 1 && bo.room.state.quarter === 1);
  });

  test("creating with bad settings is refused with status 400 and a message naming the field", async () => {
    const refused = await colyseus.sdk.create("market", { name: "Ada", settings: { firms: 99 } }).then(
      () => null,
      (e: { code: number; message: string }) => e,
    );
    expect(refused).toMatchObject({ code: CREATE_INVALID_OPTIONS, message: expect.stringContaining("firms") });
  });

  test("joining errors are specific: bad name, name taken, room full, game started, bad token", async () => {
    const { player: ada, server } = await host(colyseus, "Ada", { ...FAST, firms: 2 });
    const code = server.roomId;
    const joinError = (options: Record<string, unknown>) =>
      colyseus.sdk.joinById(code, options).then(
        () => null,
        (e: { code: number; message: string }) => e,
      );
    expect(await joinError({ name: "Bad\u0007Name" })).toMatchObject({
      code: JOIN_ERRORS.INVALID_OPTIONS,
      message: expect.stringContaining("control characters"),
    });
    expect(await joinError({ name: " ".repeat(3) })).toMatchObject({ code: JOIN_ERRORS.INVALID_OPTIONS });
    expect(await joinError({ name: "x".repeat(25) })).toMatchObject({ code: JOIN_ERRORS.INVALID_OPTIONS, message: expect.stringContaining("24") });
    expect(await joinError({ name: "  ada " })).toMatchObject({ code: JOIN_ERRORS.NAME_TAKEN });
    expect(await joinError({ name: "Bo", token: "x".repeat(20) })).toMatchObject({ code: JOIN_ERRORS.BAD_TOKEN });
    const bo = await join(colyseus, code, { name: "  Bo  " });
    expect(bo.room.state.players.map((p) => p.name)).toEqual(["Ada", "Bo"]);
    expect(await joinError({ name: "Cy" })).toMatchObject({ code: JOIN_ERRORS.ROOM_FULL });
    await startAndDecide(ada);
    expect(await joinError({ name: "Dee" })).toMatchObject({ code: JOIN_ERRORS.GAME_STARTED });
    expect(
      await colyseus.sdk.joinById("ZZZZZZ", { name: "Eve" }).then(
        () => null,
        (e: Error) => e,
      ),
    ).toBeInstanceOf(Error);
  });

  test("the host edits the lobby: bots, settings; a room's id is its 6-character join code", async () => {
    const { ada, bo, code } = await twoPlayers({ ...FAST, firms: 3 });
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    ada.room.send("addBot", { strategy: "open" });
    await waitFor(() => bo.room.state.firms.length === 4);
    expect(bo.room.state.firms.at(-1)).toMatchObject({ bot: "open", controller: "bot" });
    ada.room.send("setBot", { firmId: "f3", strategy: "random" });
    ada.room.send("removeBot", { firmId: "f4" });
    ada.room.send("configure", { quarters: 6, decisionSeconds: 45, name: "Period 3" });
    await waitFor(() => bo.room.state.settings.quarters === 6);
    expect(bo.room.state.title).toBe("Period 3");
    expect(bo.room.state.settings.decisionSeconds).toBe(45);
    expect(bo.room.state.firms.map((f) => [f.id, f.bot])).toEqual([
      ["f1", "pivot"],
      ["f2", "builder"],
      ["f3", "random"],
    ]);
    bo.room.send("renameFirm", { name: "Bo's Bakery" });
    await waitFor(() => ada.room.state.firms[1]?.name === "Bo's Bakery");
    expect(await nextRejection(ada, () => ada.room.send("configure", { firms: 1 }))).toMatchObject({ code: "INVALID_MESSAGE" });
  });
});

describe("reconnection", () => {
  /** Drops the connection the way a network failure would (no consent), without the SDK retrying. */
  function drop(player: Player): void {
    player.room.reconnection.enabled = false;
    player.room.connection.close();
  }

  test("a player who reconnects within the grace period keeps the seat", async () => {
    const { ada, bo, code } = await twoPlayers({ ...FAST, seed: "reconnect" });
    await startAndDecide(ada);
    const token = bo.room.reconnectionToken;
    const boId = bo.last("welcome")?.playerId;
    bo.room.connection.close();
    bo.room.reconnection.enabled = false;
    await waitFor(() => ada.room.state.players[1]?.connected === false);
    const back = track(await colyseus.sdk.reconnect(token));
    expect(back.room.roomId).toBe(code);
    await waitFor(() => ada.room.state.players[1]?.connected === true);
    expect(ada.room.state.players[1]?.id).toBe(boId);
    expect(ada.room.state.firms[1]?.controller).toBe("human");
    // The reconnected connection gets its firm's private view whole again, not a change.
    expect(privateFields(await waitFor(() => back.last("private")))).toMatchObject({ full: true });
    expect(back.privateView()?.firm.id).toBe("f2");
    back.room.send("submit", { action: { train: 2 } });
    await waitFor(() => ada.room.state.firms[1]?.submitted);
  });

  test("after the grace period a bot plays the seat; the seat token reclaims it", async () => {
    const { ada, bo, code, server } = await twoPlayers({ ...FAST, seed: "grace", decisionSeconds: 60 });
    await startAndDecide(ada);
    const token = bo.last("welcome")?.token;
    drop(bo);
    await waitFor(() => ada.room.state.firms[1]?.controller === "standIn", (GRACE_SECONDS + 3) * 1000);
    // The stand-in bot has submitted for Bo's firm; Ada's submission completes the quarter.
    expect(ada.room.state.firms[1]?.submitted).toBe(true);
    ada.room.send("submit", { action: {} });
    await waitFor(() => ada.room.state.quarter === 1);
    expect(server.match?.record.quarters[0]?.actions.f2).toBeDefined();

    // A name alone never takes a seat: the host sees Bo asking to be let back in.
    const impostor = await colyseus.sdk.joinById(code, { name: "Bo" }).then(
      () => null,
      (e: { code: number }) => e,
    );
    expect(impostor).toMatchObject({ code: JOIN_ERRORS.SEAT_HELD });
    await waitFor(() => ada.room.state.players[1]?.asking);
    const back = await join(colyseus, code, { name: "Bo", token });
    expect(back.last("welcome")).toMatchObject({ firmId: "f2", token });
    expect(privateFields(back.last("private") as PrivateMessage)).toMatchObject({ full: true });
    expect(back.privateView()?.firm.id).toBe("f2");
    await waitFor(() => ada.room.state.firms[1]?.controller === "human");
    expect(ada.room.state.players.map((p) => [p.name, p.connected, p.away])).toEqual([
      ["Ada", true, false],
      ["Bo", true, false],
    ]);
    await waitFor(() => ada.room.state.phase === "decide" && ada.room.state.quarter === 1);
    back.room.send("submit", { action: { train: 3 } });
    await waitFor(() => ada.room.state.firms[1]?.submitted);
    expect(server.match?.pending.get("f2")?.by).toBe("Bo");
  });
});
