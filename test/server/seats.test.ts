import { describe, expect, test } from "vitest";
import { JOIN_BUSY, JOIN_ERRORS } from "../../shared/schemas/protocol.js";
import { FAST, facilitate, host, join, testServer, track, waitFor } from "./helpers.js";

/** Who holds a seat, and who can still get one, however clients race or flood the matchmaker. */

const served = testServer();

const BASE = "http://localhost:2568";

/** A matchmaking request as raw HTTP, the way a script (not the SDK) would send it: a seat reservation, no connection. */
async function matchmake(method: "create" | "joinById", target: string, options: Record<string, unknown>) {
  const response = await fetch(`${BASE}/matchmake/${method}/${target}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(options),
  });
  return { status: response.status, body: (await response.json()) as { roomId?: string; sessionId?: string; code?: number; error?: string } };
}

describe("the creator's seat and key belong to the create request", () => {
  test("a friends game: whoever joins before the creator's connection arrives is not the host and gets no key", async () => {
    const created = await matchmake("create", "market", { name: "Hal", settings: FAST });
    const code = created.body.roomId ?? "";
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    const eve = await join(served.colyseus, code, { name: "Eve" });
    expect(eve.last("welcome")).toMatchObject({ host: false });
    const hal = track(await served.colyseus.sdk.consumeSeatReservation(created.body as Parameters<typeof served.colyseus.sdk.consumeSeatReservation>[0]));
    await waitFor(() => hal.last("welcome"));
    expect(hal.last("welcome")).toMatchObject({ host: true });
    expect((await waitFor(() => hal.last("console"))).key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(eve.all("console")).toEqual([]);
    expect(hal.room.state.players.map((p) => [p.name, p.host])).toEqual([
      ["Eve", false],
      ["Hal", true],
    ]);
  });

  test("a class market: { facilitator: true } from anyone but the creator is refused, and the creator gets the key", async () => {
    const created = await matchmake("create", "market", { facilitator: true, settings: FAST });
    const code = created.body.roomId ?? "";
    const stolen = await served.colyseus.sdk.joinById(code, { facilitator: true }).then(
      () => null,
      (e: { code: number }) => e,
    );
    expect(stolen).toMatchObject({ code: JOIN_ERRORS.INVALID_OPTIONS });
    const facilitator = track(
      await served.colyseus.sdk.consumeSeatReservation(created.body as Parameters<typeof served.colyseus.sdk.consumeSeatReservation>[0]),
    );
    expect((await waitFor(() => facilitator.last("console"))).key).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});

describe("join options are checked before a seat is reserved", () => {
  test("a flood of name-only reservations for a started game holds few seats: a token rejoin and a second console still get in", async () => {
    const { facilitator, server, key } = await facilitate(served.colyseus, { ...FAST, firms: 2 });
    const code = server.roomId;
    const ada = await join(served.colyseus, code, { name: "Ada" });
    const token = ada.last("welcome")?.token;
    facilitator.room.send("start");
    await waitFor(() => ada.room.state.phase === "decide");
    const flood = await Promise.all(Array.from({ length: 200 }, (_, i) => matchmake("joinById", code, { name: `Bot ${i}` })));
    // Each would be refused (the game has started); only 16 may wait for their connection to hear it.
    expect(flood.filter((r) => r.status === 200)).toHaveLength(16);
    expect(new Set(flood.filter((r) => r.status !== 200).map((r) => r.body.code))).toEqual(new Set([JOIN_BUSY]));
    expect(await matchmake("joinById", code, { name: "Ada", token: "x".repeat(20) })).toMatchObject({ body: { code: JOIN_BUSY } });
    expect(await matchmake("joinById", code, { facilitatorKey: "y".repeat(32) })).toMatchObject({ body: { code: JOIN_BUSY } });

    // The reservations that got through hear the specific refusal once connected (and leave no seat behind).
    type Reservation = Parameters<typeof served.colyseus.sdk.consumeSeatReservation>[0];
    for (const reserved of flood.filter((r) => r.status === 200)) {
      const refused = await served.colyseus.sdk.consumeSeatReservation(reserved.body as Reservation).then(
        () => null,
        (e: { code: number }) => e,
      );
      expect(refused).toMatchObject({ code: JOIN_ERRORS.GAME_STARTED });
    }
    const again = await join(served.colyseus, code, { name: "Ada", token });
    expect(again.last("welcome")?.firmId).toBe("f1");
    const second = track(await served.colyseus.sdk.joinById(code, { facilitatorKey: key }));
    await waitFor(() => second.last("console"));
  });

  test("in the lobby, pending newcomers never outnumber the open places: seat holders and consoles still get in", async () => {
    const { player: hal, server } = await host(served.colyseus, "Hal", { ...FAST, firms: 3 });
    const code = server.roomId;
    const key = (await waitFor(() => hal.last("console"))).key ?? "";
    const token = hal.last("welcome")?.token;
    const flood = await Promise.all(Array.from({ length: 200 }, (_, i) => matchmake("joinById", code, { name: `Bot ${i}` })));
    // Two places are open (3 firms, Hal holds one): two reservations, the rest refused.
    expect(flood.filter((r) => r.status === 200)).toHaveLength(2);
    expect(new Set(flood.filter((r) => r.status !== 200).map((r) => r.body.code))).toEqual(new Set([JOIN_BUSY]));
    const console2 = track(await served.colyseus.sdk.joinById(code, { facilitatorKey: key }));
    await waitFor(() => console2.last("console"));
    const halAgain = await join(served.colyseus, code, { name: "Hal", token });
    expect(halAgain.last("welcome")).toMatchObject({ host: true, firmId: "f1" });
    // The two admitted newcomers take the open places.
    for (const reserved of flood.filter((r) => r.status === 200)) {
      track(await served.colyseus.sdk.consumeSeatReservation(reserved.body as Parameters<typeof served.colyseus.sdk.consumeSeatReservation>[0]));
    }
    await waitFor(() => halAgain.room.state.players.length === 3);
  });
});
