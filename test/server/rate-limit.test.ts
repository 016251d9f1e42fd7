import { type IncomingMessage, request } from "node:http";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { matchMaker } from "colyseus";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { Logger, log, setLog } from "../../server/log.js";
import { addressKey, clientAddress } from "../../server/ops/gate.js";
import type { RateLimits } from "../../server/ops/rate-limit.js";
import { ADDRESS_RATE_LIMITED, CREATE_INVALID_OPTIONS, JOIN_ERRORS, ROOM_NAME } from "../../shared/schemas/protocol.js";
import { FAST, facilitate, host, join, nextRejection, track, waitFor } from "./helpers.js";

const PORT = 2568;
/** Small limits so that each is reached in a few requests. */
const LIMITS = {
  create: { count: 6, seconds: 600 },
  join: { count: 4, seconds: 600 },
  lookup: { count: 3, seconds: 600 },
  key: { count: 2, seconds: 600 },
  trial: { count: 3, seconds: 600 },
} satisfies RateLimits;

/** A raw HTTP request from a chosen loopback address (127.0.0.x), as a client elsewhere would send it. */
function send(
  method: string,
  path: string,
  { body, from = "127.0.0.1", headers = {} }: { body?: string; from?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: PORT, method, path, localAddress: from, headers: { "content-type": "application/json", ...headers } },
      (res) => {
        let text = "";
        res.on("data", (d) => {
          text += d;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : {} }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
const create = (from: string, options: unknown = { name: "Ada", settings: FAST }) =>
  send("POST", `/matchmake/create/${ROOM_NAME}`, { body: JSON.stringify(options), from });
const joinById = (from: string, code: string, options: unknown) => send("POST", `/matchmake/joinById/${code}`, { body: JSON.stringify(options), from });
/** Connects with a seat reservation the raw request got: null when let in, else the refusal. */
async function connect(reserved: { json: Record<string, unknown> }): Promise<{ code: number } | null> {
  type Reservation = Parameters<typeof colyseus.sdk.consumeSeatReservation>[0];
  return colyseus.sdk.consumeSeatReservation(reserved.json as unknown as Reservation).then(
    () => null,
    (e: { code: number }) => e,
  );
}
const rooms = async () => (await matchMaker.query({ name: ROOM_NAME })).length;

let colyseus: ColyseusTestServer;
let warnings: string[] = [];
const previous = log;
beforeAll(async () => {
  colyseus = await boot(createApp({ rateLimits: LIMITS }));
  setLog(new Logger({ format: "json", level: "warn", sink: { out: () => {}, err: (line) => warnings.push(line) } }));
});
afterAll(async () => {
  setLog(previous);
  await colyseus.shutdown();
});
beforeEach(() => {
  warnings = [];
});
afterEach(async () => {
  await colyseus.cleanup();
});

/** The rate-limit warnings logged, parsed. */
const limitWarnings = () => warnings.map((w) => JSON.parse(w) as Record<string, unknown>).filter((w) => String(w.msg).startsWith("rate limit"));

describe("limits per client address", () => {
  test("creating rooms: past the limit, a clear refusal with the seconds to wait, no room, and one warning", async () => {
    const from = "127.0.0.11";
    for (let i = 0; i < LIMITS.create.count; i++) expect((await create(from)).status).toBe(200);
    const before = await rooms();
    const refused = await create(from);
    expect(refused.status).toBe(ADDRESS_RATE_LIMITED);
    expect(refused.json).toMatchObject({
      code: ADDRESS_RATE_LIMITED,
      error: expect.stringMatching(/too many new games from your address: try again in \d+ s$/),
    });
    expect(refused.json.retryAfter).toBe(100); // 6 per 600 s: one more every 100 s
    expect(refused.headers["retry-after"]).toBe("100");
    await create(from, { facilitator: true, settings: FAST });
    expect(await rooms()).toBe(before);
    // One warning for the address, however many refusals follow.
    expect(limitWarnings()).toEqual([expect.objectContaining({ level: "warn", address: from, kind: "create", limit: "6 per 10 min" })]);
    // Another address is not affected; a header the client sends does not change its address.
    expect((await create("127.0.0.12")).status).toBe(200);
    expect((await send("POST", `/matchmake/create/${ROOM_NAME}`, { from, body: '{"name":"Eve"}', headers: { "x-forwarded-for": "10.1.2.3" } })).status).toBe(
      ADDRESS_RATE_LIMITED,
    );
  });

  test("joining, token rejoins and unknown codes share the join limit; a refused join takes no seat", async () => {
    const { player: ada, server } = await host(colyseus, "Ada", { ...FAST, firms: 4 }); // from 127.0.0.1
    const code = server.roomId;
    const from = "127.0.0.21";
    const bo = await joinById(from, code, { name: "Bo" });
    expect(bo.status).toBe(200);
    expect((await joinById(from, "AAAAAA", { name: "Bo" })).status).toBe(522); // a guessed code counts too
    const badToken = await joinById(from, code, { name: "Bo", token: "x".repeat(20) });
    expect(badToken.status).toBe(200); // refused once connected
    const cy = await joinById(from, code, { name: "Cy" });
    expect(cy.status).toBe(200);
    const refused = await joinById(from, code, { name: "Di" });
    expect(refused.status).toBe(ADDRESS_RATE_LIMITED);
    expect(refused.json.error).toMatch(/^too many joins from your address: try again in 150 s$/);
    expect((await joinById(from, "AAAAAA", { name: "Di" })).status).toBe(ADDRESS_RATE_LIMITED);
    expect(await connect(badToken)).toMatchObject({ code: JOIN_ERRORS.BAD_TOKEN });
    expect(await connect(bo)).toBeNull();
    expect(await connect(cy)).toBeNull();
    // Someone at another address still joins; Di, refused, holds no seat.
    const eve = await join(colyseus, code, { name: "Eve" });
    expect(eve.last("welcome")?.firmId).toBeTruthy();
    await waitFor(() => ada.room.state.players.length === 4);
    expect(ada.room.state.players.map((p) => p.name).sort()).toEqual(["Ada", "Bo", "Cy", "Eve"]);
  });

  test("facilitator keys: console joins with a key and export downloads share the key limit", async () => {
    const { server, key } = await facilitate(colyseus, FAST);
    const code = server.roomId;
    const from = "127.0.0.31";
    const wrong = await joinById(from, code, { facilitatorKey: "y".repeat(32) });
    expect(wrong.status).toBe(200);
    expect(await connect(wrong)).toMatchObject({ code: JOIN_ERRORS.BAD_TOKEN });
    const exported = await send("GET", `/api/games/${code}/record.json`, { from, headers: { authorization: `Bearer ${"z".repeat(32)}` } });
    expect(exported.status).toBe(403);
    // The limit holds even for the right key: guessing stops, whatever the guess.
    const refused = await joinById(from, code, { facilitatorKey: key });
    expect(refused).toMatchObject({
      status: ADDRESS_RATE_LIMITED,
      json: { error: expect.stringMatching(/^too many facilitator key attempts from your address/) },
    });
    expect((await send("GET", `/api/games/${code}/export.csv`, { from, headers: { authorization: `Bearer ${key}` } })).status).toBe(ADDRESS_RATE_LIMITED);
    // From the facilitator's own address, the key works.
    const console2 = await colyseus.sdk.joinById(code, { facilitatorKey: key });
    expect(console2.roomId).toBe(code);
  });

  test("economy trials: a lobby's new economies share one limit per address (over its rooms); a refusal is RATE_LIMITED with the seconds, changes nothing, and warns once", async () => {
    type Reservation = Parameters<typeof colyseus.sdk.consumeSeatReservation>[0];
    const hostFrom = async (from: string) => {
      const reserved = await create(from);
      expect(reserved.status).toBe(200);
      const player = track(await colyseus.sdk.consumeSeatReservation(reserved.json as unknown as Reservation));
      await waitFor(() => player.last("welcome"));
      return player;
    };
    const economy = (cash: number) => ({ economy: { start: { cash } } });
    const ada = await hostFrom("127.0.0.61");
    const bo = await hostFrom("127.0.0.61");
    for (const [player, cash] of [
      [ada, 1001],
      [bo, 1002],
      [ada, 1003],
    ] as const) {
      player.room.send("configure", economy(cash));
      await waitFor(() => player.room.state.settings.economy.includes(String(cash)));
    }
    // The fourth new economy from that address, whichever of its rooms asks: refused, and nothing changes.
    const refused = await nextRejection(bo, () => bo.room.send("configure", economy(1004)));
    expect(refused).toMatchObject({
      type: "configure",
      code: "RATE_LIMITED",
      message: "too many new economies tried from your address: try again in 200 s",
      params: { retryAfter: 200 },
    });
    expect(JSON.parse(bo.room.state.settings.economy)).toEqual({ start: { cash: 1002 } });
    expect(limitWarnings()).toEqual([expect.objectContaining({ level: "warn", address: "127.0.0.61", kind: "trial", limit: "3 per 10 min" })]);
    // An economy already tried costs no trial; nor does a change that keeps the economy.
    bo.room.send("configure", economy(1001));
    await waitFor(() => bo.room.state.settings.economy.includes("1001"));
    bo.room.send("configure", { decisionSeconds: 61 });
    await waitFor(() => bo.room.state.settings.decisionSeconds === 61);
    // Another address has its own.
    const cy = await hostFrom("127.0.0.62");
    cy.room.send("configure", economy(1005));
    await waitFor(() => cy.room.state.settings.economy.includes("1005"));
  });

  test("looking a game up by code", async () => {
    const { server } = await host(colyseus, "Ada", FAST);
    const from = "127.0.0.41";
    expect((await send("GET", `/api/rooms/${server.roomId}`, { from })).status).toBe(200);
    expect((await send("GET", "/api/rooms/AAAAAA", { from })).status).toBe(404);
    expect((await send("GET", "/api/rooms/not-a-code", { from })).status).toBe(400);
    const refused = await send("GET", `/api/rooms/${server.roomId}`, { from });
    expect(refused).toMatchObject({
      status: ADDRESS_RATE_LIMITED,
      json: { error: expect.stringMatching(/^too many game look-ups from your address: try again in 200 s$/) },
    });
    // The list of public games is not a look-up by code.
    expect((await send("GET", "/api/rooms", { from })).status).toBe(200);
  });
});
describe("deeply nested options", () => {
  const deep = `${'{"a":'.repeat(5000)}{}${"}".repeat(5000)}`;

  test("a 5,000-deep create body is refused as invalid options (not a full room, not a crash), and creates nothing", async () => {
    const before = await rooms();
    for (const body of [`{"name":"Ada","x":${deep}}`, `{"name":"Ada","settings":${deep}}`, deep]) {
      const refused = await send("POST", `/matchmake/create/${ROOM_NAME}`, { body, from: "127.0.0.51" });
      expect(refused).toMatchObject({
        status: CREATE_INVALID_OPTIONS,
        json: { code: CREATE_INVALID_OPTIONS, error: "invalid room options: nested more than 32 levels deep" },
      });
    }
    expect(await rooms()).toBe(before);
  });

  test("a 5,000-deep join body is refused as invalid options and takes no seat", async () => {
    const { player: ada, server } = await host(colyseus, "Ada", FAST);
    const refused = await send("POST", `/matchmake/joinById/${server.roomId}`, { body: `{"name":"Bo","x":${deep}}`, from: "127.0.0.52" });
    expect(refused).toMatchObject({ status: CREATE_INVALID_OPTIONS, json: { error: "invalid join options: nested more than 32 levels deep" } });
    // The room carries on: a proper join still works.
    const bo = await join(colyseus, server.roomId, { name: "Bo" });
    expect(bo.last("welcome")?.firmId).toBeTruthy();
    await waitFor(() => ada.room.state.players.length === 2);
    expect(JOIN_ERRORS.INVALID_OPTIONS).toBe(4301);
  });
});

test("addresses: the socket's peer, or with trusted proxies the address the outermost one saw", () => {
  const req = (remoteAddress: string, forwarded?: string) =>
    ({ socket: { remoteAddress }, headers: forwarded ? { "x-forwarded-for": forwarded } : {} }) as unknown as IncomingMessage;
  expect(clientAddress(req("10.0.0.5", "1.2.3.4"), 0)).toBe("10.0.0.5");
  // nginx appends the address it saw: the client's own claims (left of it) are not believed.
  expect(clientAddress(req("127.0.0.1", "6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
  expect(clientAddress(req("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
  expect(clientAddress(req("127.0.0.1"), 1)).toBe("127.0.0.1");
});

test("addresses: IPv4 in IPv6 notation is IPv4; IPv6 counts by its /64", () => {
  expect(addressKey("::ffff:127.0.0.1")).toBe("127.0.0.1");
  expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
  expect(addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
  expect(addressKey("::1")).toBe("0:0:0:0::/64");
});

test("the SDK rejects with the code, so the client can word it", async () => {
  // The tests before took some of 127.0.0.1's creations; take the rest.
  let refused: { code: number; message: string } | null = null;
  for (let i = 0; i <= LIMITS.create.count && !refused; i++) {
    refused = await colyseus.sdk.create(ROOM_NAME, { name: `P${i}`, settings: FAST }).then(
      () => null,
      (e: { code: number; message: string }) => e,
    );
  }
  expect(refused).toMatchObject({ code: ADDRESS_RATE_LIMITED, message: expect.stringMatching(/try again in \d+ s/) });
});
