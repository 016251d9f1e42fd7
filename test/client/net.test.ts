import { describe, expect, test } from "vitest";
import { joinErrorText } from "../../client/net/errors.js";
import { endpointFor, joinCodeFrom, joinLink } from "../../client/net/link.js";
import { forgetSeat, loadSeat, saveSeat } from "../../client/net/seat.js";
import { translate } from "../../shared/i18n/catalog.js";
import { JOIN_ERRORS } from "../../shared/schemas/protocol.js";
import { MemoryStore } from "../helpers/memory-store.js";

describe("join links", () => {
  test("a join link round-trips through the page address, normalised to upper case", () => {
    const link = joinLink("https://play.example", "K7MXQA");
    expect(link).toBe("https://play.example/?join=K7MXQA");
    expect(joinCodeFrom(new URL(link).search)).toBe("K7MXQA");
    expect(joinCodeFrom("?join=%20k7mxqa%20")).toBe("K7MXQA");
  });

  test("a malformed or absent code is ignored", () => {
    expect(joinCodeFrom("")).toBeNull();
    expect(joinCodeFrom("?join=ABC")).toBeNull();
    expect(joinCodeFrom("?join=K7MXQ0")).toBeNull(); // 0 is not in the alphabet
  });

  test("the socket endpoint follows the page's host and security", () => {
    expect(endpointFor({ protocol: "https:", host: "play.example" })).toBe("wss://play.example");
    expect(endpointFor({ protocol: "http:", host: "localhost:2567" })).toBe("ws://localhost:2567");
  });
});

describe("join errors in plain words", () => {
  test.each([
    [{ code: JOIN_ERRORS.NAME_TAKEN, message: 'the name "Ada" is taken in this game' }, "errors.join.nameTaken"],
    [{ code: JOIN_ERRORS.ROOM_FULL, message: "every firm is taken" }, "errors.join.roomFull"],
    [{ code: JOIN_ERRORS.GAME_STARTED, message: "started" }, "errors.join.gameStarted"],
    [{ code: 4212, message: 'room "ZZZZZZ" not found' }, "errors.join.notFound"],
    [{ code: 522, message: 'room "ZZZZZZ" not found' }, "errors.join.notFound"],
    // The server's message is for developers: never shown, whatever it says.
    [{ code: JOIN_ERRORS.INVALID_OPTIONS, message: "invalid join options: name: a name has at most 24 characters" }, "errors.join.invalidOptions"],
    [{ name: "MatchMakeError", message: "Failed to fetch" }, "errors.join.unreachable"],
    [{ code: "ECONNREFUSED", message: "fetch failed" }, "errors.join.unreachable"],
    [{ message: "anything else" }, "errors.join.failed"],
  ] as const)("%o", (error, key) => {
    expect(joinErrorText(error)).toBe(translate("en", key));
  });
});

describe("the remembered seat", () => {
  test("saved, loaded, forgotten; damaged entries read as none", () => {
    const store = new MemoryStore();
    const seat = { code: "K7MXQA", name: "Ada", reconnectionToken: "K7MXQA:abc", seatToken: "s".repeat(24) };
    saveSeat(store, seat);
    expect(loadSeat(store)).toEqual(seat);
    forgetSeat(store);
    expect(loadSeat(store)).toBeNull();
    store.setItem("scale-or-ship:seat", "{not json");
    expect(loadSeat(store)).toBeNull();
    store.setItem("scale-or-ship:seat", JSON.stringify({ code: "K7MXQA" }));
    expect(loadSeat(store)).toBeNull();
  });
});
