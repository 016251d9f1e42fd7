import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import type { MarketRoom } from "../../server/rooms/MarketRoom.js";
import type { Injection } from "../../shared/schemas/injection.js";
import {
  CLOSE_CODES,
  type ClientMessage,
  FACILITATOR_MESSAGE_TYPES,
  type FacilitatorMessageType,
  JOIN_ERRORS,
  type LogEntry,
} from "../../shared/schemas/protocol.js";
import { firstDifference, replay } from "../../shared/sim/record.js";
import { marketPoints } from "../../shared/synced.js";
import { logSentence } from "../../shared/words/log.js";
import { crashAndRestore, facilitate, host, join, nextRejection, type Player, storeServer, track, waitFor } from "./helpers.js";

const served = storeServer("sos-class-");
const store = served.store;

/** Slow timers: nothing moves unless the test makes it move. */
const SLOW = { newsSeconds: 30, reportSeconds: 30, decisionSeconds: 300 };

const joinError = (code: string, options: Record<string, unknown>) =>
  served.colyseus.sdk.joinById(code, options).then(
    () => null,
    (e: { code: number; message: string }) => e,
  );

const idOf = (player: Player) => player.last("welcome")?.playerId ?? "";

/** The console's latest message once it has `count` log entries. */
const logOf = async (facilitator: Player, count: number) => (await waitFor(() => facilitator.all("console").find((c) => c.log.length >= count))).log;

/** Sends a facilitator command and waits until it is logged; returns the log entry. */
async function command<T extends FacilitatorMessageType | "start">(facilitator: Player, type: T, payload: ClientMessage<T> | Record<string, never> = {}) {
  const before = facilitator.last("console")?.log.length ?? 0;
  facilitator.room.send(type, payload);
  const log = await logOf(facilitator, before + 1);
  return log[before] as NonNullable<(typeof log)[number]>;
}

/** A log entry as the console words it in English ("" for none). */
const said = (entry: LogEntry | undefined): string => (entry ? logSentence(entry) : "");

/** Everything a refused command must leave as it was. */
function snapshot(server: MarketRoom) {
  return JSON.stringify({
    phase: server.flow.phaseName,
    deadline: server.state.deadline,
    paused: server.state.paused,
    remaining: server.state.remaining,
    roster: server.flow.roster,
    engine: server.match?.state ?? null,
    pending: [...(server.match?.pending.entries() ?? [])],
    injections: server.match?.injections ?? [],
    log: server.flow.log,
  });
}

describe("class markets", () => {
  test("the creator is the facilitator: no firm, not in the roster, a key shown once; the key lets it back in, a wrong key does not", async () => {
    const { facilitator, server, key } = await facilitate(served.colyseus, { ...SLOW, firms: 4, teamSize: 2, name: "Period 3" });
    const code = server.roomId;
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(facilitator.all("welcome")).toEqual([]);
    await waitFor(() => facilitator.room.state.firms.length === 4);
    expect(facilitator.room.state.mode).toBe("class");
    expect(facilitator.room.state.players.length).toBe(0);
    expect(facilitator.last("console")).toMatchObject({ log: [], queued: [] });

    // A second tab (the projector) with the key: a console without the key.
    const projector = track(await served.colyseus.sdk.joinById(code, { facilitatorKey: key }));
    const second = await waitFor(() => projector.last("console"));
    expect(second.key).toBeNull();
    expect(await joinError(code, { facilitatorKey: `${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}` })).toMatchObject({
      code: JOIN_ERRORS.BAD_TOKEN,
      message: expect.stringContaining("facilitator key"),
    });
    expect(await joinError(code, { facilitatorKey: "short" })).toMatchObject({ code: JOIN_ERRORS.INVALID_OPTIONS });
    expect(await joinError(code, { facilitator: true })).toMatchObject({ code: JOIN_ERRORS.INVALID_OPTIONS });

    // Students join by name; none of them hosts, and none can start.
    const ada = await join(served.colyseus, code, { name: "Ada" });
    const bo = await join(served.colyseus, code, { name: "Bo", firmId: "f1" });
    expect(ada.last("welcome")).toMatchObject({ firmId: "f1", host: false });
    expect(bo.last("welcome")).toMatchObject({ firmId: "f1", host: false });
    expect(ada.all("console")).toEqual([]);
    expect(await nextRejection(ada, () => ada.room.send("start"))).toMatchObject({ code: "NOT_FACILITATOR" });
    expect(await nextRejection(ada, () => ada.room.send("addBot", { strategy: "open" }))).toMatchObject({ code: "NOT_FACILITATOR" });

    // The facilitator has the host's lobby powers; each is logged.
    facilitator.room.send("addBot", { strategy: "open" });
    facilitator.room.send("configure", { quarters: 6 });
    await waitFor(() => ada.room.state.firms.length === 5 && ada.room.state.settings.quarters === 6);
    expect(await nextRejection(facilitator, () => facilitator.room.send("submit", { action: {} }))).toMatchObject({ code: "NO_FIRM" });
    const started = await command(facilitator, "start");
    expect(started).toMatchObject({ command: "start", phase: "lobby", quarter: 0 });
    // Stored and sent as the command's parameters; the console words them (here in English).
    expect(started).not.toHaveProperty("effect");
    expect(started).toMatchObject({ params: { firms: 5, humans: 1, bots: 4, quarters: 6 } });
    expect(said(started)).toContain("5 firms (1 played by people, 4 by bots)");
    expect(logSentence(started, "zh-CN")).toContain("5 家公司（1 家由学生操作，4 家由机器人玩家操作）");
    await waitFor(() => ada.room.state.phase === "news");
    const log = await logOf(projector, 3);
    expect(log.map((e) => e.command)).toEqual(["addBot", "configure", "start"]);
    // In words a teacher reads: firm names and setting labels, never ids or field names.
    expect(said(log[0])).toBe(`Added a seat played by the open bot (${ada.room.state.firms[4]?.name})`);
    expect(said(log[1])).toBe("Changed the settings: 6 turns");
    expect(facilitator.last("console")?.key).toBeNull();
  });

  test("every facilitator message from a player is refused with NOT_FACILITATOR and changes nothing (class student, friends guest)", async () => {
    const { facilitator, server } = await facilitate(served.colyseus, { ...SLOW, firms: 3, seed: "perm" });
    const ada = await join(served.colyseus, server.roomId, { name: "Ada" });
    await command(facilitator, "start");
    await command(facilitator, "forceNext");
    await waitFor(() => ada.room.state.phase === "decide");
    const adaId = idOf(ada);

    const friends = await host(served.colyseus, "Hal", { ...SLOW, firms: 3, seed: "perm2" });
    const guest = await join(served.colyseus, friends.server.roomId, { name: "Gus" });
    friends.player.room.send("start");
    await waitFor(() => guest.room.state.phase === "news");

    const payloads: { [T in FacilitatorMessageType]: (playerId: string) => ClientMessage<T> } = {
      pause: () => ({}),
      resume: () => ({}),
      extend: () => ({ seconds: 60 }),
      forceNext: () => ({}),
      inject: () => ({ injection: { kind: "disclosure", on: true } }),
      renamePlayer: (id) => ({ playerId: id, name: "Mallory" }),
      removePlayer: (id) => ({ playerId: id }),
      replaceWithBot: (id) => ({ playerId: id, strategy: "random" }),
      endGame: () => ({}),
    };
    expect(Object.keys(payloads).sort()).toEqual([...FACILITATOR_MESSAGE_TYPES].sort());
    for (const [player, room, self] of [
      [ada, server, adaId],
      [guest, friends.server, idOf(guest)],
    ] as const) {
      const before = snapshot(room);
      for (const type of FACILITATOR_MESSAGE_TYPES) {
        const rejection = await nextRejection(player, () => player.room.send(type, payloads[type](self)));
        expect(rejection, type).toMatchObject({ type, code: "NOT_FACILITATOR" });
      }
      expect(snapshot(room)).toBe(before);
      expect(player.room.connection.isOpen).toBe(true);
    }
    expect(facilitator.last("console")?.log.map((e) => e.command)).toEqual(["start", "forceNext"]);
  });

  test("injections (an event with parameters, a regime, disclosure) apply at the next resolution, are in the record, and the game replays exactly", async () => {
    const { facilitator, server, key } = await facilitate(served.colyseus, { ...SLOW, firms: 3, seed: "inject", quarters: 8 });
    const ada = await join(served.colyseus, server.roomId, { name: "Ada" });
    expect(await nextRejection(facilitator, () => facilitator.room.send("inject", { injection: { kind: "disclosure", on: true } }))).toMatchObject({
      code: "WRONG_PHASE",
      reason: "notNow",
      params: { phase: "lobby" },
    });
    const bad = await nextRejection(facilitator, () =>
      facilitator.room.send("inject", { injection: { kind: "event", event: { kind: "rateChange", delta: 5 } } }),
    );
    expect(bad).toMatchObject({ code: "INVALID_MESSAGE" });
    await command(facilitator, "start");
    await command(facilitator, "forceNext");
    const injections: Injection[] = [
      { kind: "event", event: { kind: "adoptionWave", sector: "medical", factor: 1.8 } },
      { kind: "regime", regime: "model" },
      { kind: "disclosure", on: true },
    ];
    const entries = [];
    for (const injection of injections) entries.push(await command(facilitator, "inject", { injection }));
    expect(entries.map((e) => (e && "params" in e ? e.params : null))).toEqual(injections.map((injection) => ({ quarter: 1, injection })));
    expect(entries.map(said)).toEqual([
      "Queued for quarter 1: Enterprise adoption wave: the medical diagnosis assistance market grows 80%.",
      "Queued for quarter 1: Regime switch: model-level licences.",
      "Queued for quarter 1: Disclosure rule on: investors weigh unit economics over narrative.",
    ]);
    expect(facilitator.last("console")?.queued).toEqual(injections);
    expect(ada.room.state.market.regime).not.toBe("model");

    ada.room.send("submit", { action: { apps: { medical: 50 } } });
    await waitFor(() => ada.room.state.quarter === 1);
    const point = marketPoints(ada.room.state.market).at(-1);
    expect(point?.events.map((e) => JSON.parse(e.json))).toContainEqual(injections[0]?.kind === "event" ? injections[0].event : null);
    expect(point).toMatchObject({ regime: "model", disclosure: true });
    expect(ada.room.state.market).toMatchObject({ regime: "model", disclosure: true });
    expect(server.match?.record.quarters[0]?.injections).toEqual(injections);
    await waitFor(() => facilitator.last("console")?.queued.length === 0);

    // Another quarter, then the facilitator ends the game early: the record still replays to the final state.
    await waitFor(() => ada.room.state.phase === "report");
    await command(facilitator, "inject", { injection: { kind: "event", event: { kind: "selloff", depth: 0.3 } } });
    await command(facilitator, "forceNext");
    await command(facilitator, "forceNext");
    await command(facilitator, "forceNext");
    await waitFor(() => ada.room.state.quarter === 2);
    await command(facilitator, "inject", { injection: { kind: "disclosure", on: false } });
    const ended = await command(facilitator, "endGame");
    expect(said(ended)).toBe("Ended the game after quarter 2 of 8; 1 queued injection dropped");
    await waitFor(() => ada.room.state.phase === "over" && ada.room.state.standings.length === 3);
    const match = server.match;
    if (!match) throw new Error("no match");
    expect(match.record.quarters).toHaveLength(2);
    expect(match.record.quarters[1]?.injections).toEqual([{ kind: "event", event: { kind: "selloff", depth: 0.3 } }]);
    expect(firstDifference(replay(match.record).states.at(-1), match.state)).toBeNull();
    expect(ada.room.state.standings.map((s) => s.rank)).toEqual([1, 2, 3]);
    expect(ada.room.state.deadline).toBe(0);
    const saved = store.load(server.roomId);
    expect(saved?.status).toBe("over");
    expect(saved?.record.quarters).toHaveLength(2);

    // With a store, the export is served from it; the key is checked against the stored hash.
    const url = `http://localhost:2568/api/games/${server.roomId}/record.json`;
    expect((await fetch(url, { headers: { Authorization: "Bearer wrong-key-wrong-key" } })).status).toBe(403);
    const exported = (await (await fetch(url, { headers: { Authorization: `Bearer ${key}` } })).json()) as typeof match.record & {
      facilitatorLog: { command: string }[];
    };
    expect(exported.quarters).toEqual(match.record.quarters);
    expect(exported.facilitatorLog.map((e) => e.command).at(-1)).toBe("endGame");
  });

  test("rename, remove and replace players: the removed are closed with 4403 and their token is dead; a firm left alone is played by a bot", async () => {
    const { facilitator, server, key } = await facilitate(served.colyseus, { ...SLOW, firms: 3, teamSize: 2, seed: "people", bots: ["builder"] });
    const code = server.roomId;
    const ada = await join(served.colyseus, code, { name: "Ada" });
    const bo = await join(served.colyseus, code, { name: "Bo" });
    const cy = await join(served.colyseus, code, { name: "Cy", firmId: "f2" });
    const ids = { ada: idOf(ada), bo: idOf(bo), cy: idOf(cy) };
    const cyToken = cy.last("welcome")?.token;
    const closed: Record<string, number> = {};
    for (const [name, p] of Object.entries({ ada, bo, cy })) p.room.onLeave((code) => (closed[name] = code));

    expect(said(await command(facilitator, "renamePlayer", { playerId: ids.ada, name: "  Ada L. " }))).toBe("Renamed player “Ada” to “Ada L.”");
    await waitFor(() => bo.room.state.players.some((p) => p.name === "Ada L."));
    expect(await nextRejection(facilitator, () => facilitator.room.send("renamePlayer", { playerId: ids.bo, name: "ada l." }))).toMatchObject({
      code: "NAME_TAKEN",
      reason: "nameTaken",
      params: { name: "ada l." },
    });
    expect(await nextRejection(facilitator, () => facilitator.room.send("removePlayer", { playerId: "nobody" }))).toMatchObject({ code: "NO_SUCH_PLAYER" });
    expect(await nextRejection(facilitator, () => facilitator.room.send("replaceWithBot", { playerId: "nobody", strategy: "pivot" }))).toMatchObject({
      code: "NO_SUCH_PLAYER",
    });

    await command(facilitator, "start");
    await command(facilitator, "forceNext");
    await waitFor(() => ada.room.state.phase === "decide");

    // Cy leaves Bo's team: Bo still plays f2.
    const removed = await command(facilitator, "removePlayer", { playerId: ids.cy });
    expect(said(removed)).toBe("Removed “Cy” from Helios; 1 teammate still plays it");
    await waitFor(() => closed.cy !== undefined);
    expect(closed.cy).toBe(CLOSE_CODES.REMOVED);
    expect(await joinError(code, { name: "Cy", token: cyToken })).toMatchObject({ code: JOIN_ERRORS.BAD_TOKEN });
    await waitFor(() => ada.room.state.players.length === 2);
    expect(ada.room.state.firms[1]?.controller).toBe("human");

    // Ada's firm goes to the scaler bot, which submits at once.
    const replaced = await command(facilitator, "replaceWithBot", { playerId: ids.ada, strategy: "scaler" });
    expect(said(replaced)).toBe("Replaced “Ada L.” in Northwind; the scaler bot plays it from now on");
    await waitFor(() => closed.ada === CLOSE_CODES.REMOVED);
    await waitFor(() => bo.room.state.firms[0]?.controller === "bot" && bo.room.state.firms[0]?.bot === "scaler");
    expect(server.match?.pending.get("f1")?.by).toBe("scaler bot");
    expect(bo.room.state.firms[0]?.submitted).toBe(true);

    // Bo is removed: f2 is played by the stand-in bot, every firm is in and the quarter resolves.
    await command(facilitator, "removePlayer", { playerId: ids.bo });
    await waitFor(() => closed.bo === CLOSE_CODES.REMOVED);
    await waitFor(() => facilitator.room.state.quarter === 1);
    expect(facilitator.room.state.firms.map((f) => [f.controller, f.bot])).toEqual([
      ["bot", "scaler"],
      ["bot", "balanced"],
      ["bot", "builder"],
    ]);
    expect(facilitator.room.state.players.length).toBe(0);

    // The roster and the log are in the store at once; the console (with the key) sees the whole log.
    const saved = store.load(code);
    expect(saved?.players).toEqual([]);
    expect(saved?.seats.map((s) => s.bot)).toEqual(["scaler", "balanced", "builder"]);
    expect(saved?.log.map((e) => e.command)).toEqual(["renamePlayer", "start", "forceNext", "removePlayer", "replaceWithBot", "removePlayer"]);
    expect(saved?.mode).toBe("class");
    expect(saved?.keyHash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(JSON.stringify(saved)).not.toContain(key);
  });

  test("a restored class market waits with no one connected and takes its facilitator back with the same key; the log comes back too", async () => {
    const { facilitator, server, key } = await facilitate(served.colyseus, { ...SLOW, firms: 3, seed: "restored" });
    const code = server.roomId;
    const ada = await join(served.colyseus, code, { name: "Ada" });
    const token = ada.last("welcome")?.token;
    await command(facilitator, "start");
    await command(facilitator, "forceNext");
    await command(facilitator, "inject", { injection: { kind: "regime", regime: "none" } });
    await command(facilitator, "forceNext");
    await waitFor(() => ada.room.state.quarter === 1);
    await command(facilitator, "inject", { injection: { kind: "disclosure", on: true } });
    const recorded = JSON.stringify(server.match?.record);

    // The room goes away as in a crash (the store keeps the game as it was), then comes back.
    const back = await crashAndRestore(served, server, code, [ada, facilitator]);
    expect(back.clients.length).toBe(0);
    expect(back.autoDispose).toBe(false);
    expect(back.state.mode).toBe("class");
    expect(JSON.stringify(back.match?.record)).toBe(recorded);
    expect(back.match?.injections).toEqual([{ kind: "disclosure", on: true }]);

    const console2 = track(await served.colyseus.sdk.joinById(code, { facilitatorKey: key }));
    const restoredConsole = await waitFor(() => console2.last("console"));
    expect(restoredConsole.key).toBeNull();
    expect(restoredConsole.log.map((e) => e.command)).toEqual(["start", "forceNext", "inject", "forceNext", "inject"]);
    expect(restoredConsole.queued).toEqual([{ kind: "disclosure", on: true }]);
    // A name alone never takes a held seat, even after a restart: the console sees the request,
    // and the facilitator lets the student back in.
    const ask = "adas-tablet-ask-00001";
    expect(await joinError(code, { name: "ada", ask })).toMatchObject({ code: JOIN_ERRORS.SEAT_HELD, message: expect.stringContaining("let you back in") });
    await waitFor(() => console2.room.state.players[0]?.asking);
    console2.room.send("letBackIn", { playerId: back.flow.roster.players[0]?.id ?? "" });
    await waitFor(() => !console2.room.state.players[0]?.asking);
    const ada2 = await join(served.colyseus, code, { name: "Ada", ask });
    expect(ada2.last("welcome")).toMatchObject({ firmId: "f1", host: false });
    // The seat has a new token; the old one, and the name again, no longer take it.
    expect(ada2.last("welcome")?.token).not.toBe(token);
    expect(await joinError(code, { name: "Ada", token })).toMatchObject({ code: JOIN_ERRORS.BAD_TOKEN });
    expect(await joinError(code, { name: "Ada" })).toMatchObject({ code: JOIN_ERRORS.SEAT_IN_USE });
    expect(said((await logOf(console2, 6)).at(-1))).toBe("Let “Ada” back in: the device that asked may join for 5 minutes");
    // The facilitator leaves: the started game stays.
    await console2.room.leave();
    await waitFor(() => back.clients.length === 1);
    expect(served.colyseus.getRoomById(code)).toBeDefined();
    expect(await joinError(code, { facilitatorKey: "x".repeat(32) })).toMatchObject({ code: JOIN_ERRORS.BAD_TOKEN });
  });
  test("a game stored before the log spoke in codes still shows its log: an old entry's English words come back as stored, beside new entries worded per reader", async () => {
    const { facilitator, server, key } = await facilitate(served.colyseus, { ...SLOW, firms: 2, seed: "old-log" });
    const code = server.roomId;
    const ada = await join(served.colyseus, code, { name: "Ada" });
    await command(facilitator, "start");
    // A row written the old way: an English `effect`, no params.
    const old = { at: Date.UTC(2026, 0, 1), quarter: 0, phase: "news" as const, command: "pause", effect: "paused the news timer with 28 s left" };
    served.store.appendLog(code, [old], []);
    await crashAndRestore(served, server, code, [ada, facilitator]);

    const console2 = track(await served.colyseus.sdk.joinById(code, { facilitatorKey: key }));
    const restored = await waitFor(() => console2.last("console"));
    expect(restored.log.map((e) => e.command)).toEqual(["start", "pause"]);
    const [started, paused] = restored.log;
    expect(paused).toEqual(old);
    // The console shows the old entry as stored, in either language; the new one in the reader's.
    expect(paused && logSentence(paused, "en")).toBe("paused the news timer with 28 s left");
    expect(paused && logSentence(paused, "zh-CN")).toBe("paused the news timer with 28 s left");
    expect(started && logSentence(started, "zh-CN")).toMatch(/^开始游戏：2 家公司/);
  });
});

describe("friends games", () => {
  test("the host's creating connection gets a key and holds the facilitator's controls; other players never do", async () => {
    const { player: hal, server } = await host(served.colyseus, "Hal", { ...SLOW, firms: 3, seed: "friends" });
    const first = await waitFor(() => hal.last("console"));
    expect(first.key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(hal.last("welcome")).toMatchObject({ host: true, firmId: "f1" });
    const gus = await join(served.colyseus, server.roomId, { name: "Gus" });
    expect(gus.all("console")).toEqual([]);
    expect(gus.room.state.mode).toBe("friends");
    hal.room.send("start");
    await waitFor(() => gus.room.state.phase === "news");
    expect(said(await command(hal, "pause"))).toMatch(/^Paused the news timer/);
    await waitFor(() => gus.room.state.paused);
    expect(await nextRejection(gus, () => gus.room.send("resume"))).toMatchObject({ code: "NOT_FACILITATOR" });
    await command(hal, "resume");
    expect(hal.last("console")?.log.map((e) => e.command)).toEqual(["start", "pause", "resume"]);
  });
});
