import { matchMaker } from "colyseus";
import { describe, expect, test } from "vitest";
import { loadConfig } from "../../shared/config/load.js";
import { CREATE_INVALID_OPTIONS, type RoomSettingsInput } from "../../shared/schemas/protocol.js";
import { firstDifference, replay } from "../../shared/sim/record.js";
import { crashAndRestore, facilitate, host, join, nextRejection, storeServer, track, waitFor } from "./helpers.js";

const served = storeServer("sos-economy-");
const store = served.store;

const SLOW = { newsSeconds: 30, reportSeconds: 30, decisionSeconds: 300 };
/** A designer's override, as `npm run sim -- --config` takes it (the length is the form's own field). */
const ECONOMY = { sectors: { media: { servingCost: 0.61 } }, api: { pool: 2000 }, financing: { appetite: 0.05 } };

const standard = loadConfig("dotcom-1999");
if (!standard.ok) throw new Error("no scenario");

const createError = (options: Record<string, unknown>) =>
  served.colyseus.sdk.create("market", options).then(
    () => null,
    (e: { code: number; message: string }) => e,
  );

const roomCount = async () => (await matchMaker.query({ name: "market" })).length;

describe("a designer's economy in a live game", () => {
  test("a class game plays the override on its scenario at the form's length; the stored game and its record carry it, and a restart keeps it", async () => {
    const { facilitator, server, key } = await facilitate(served.colyseus, {
      ...SLOW,
      scenario: "dotcom-1999",
      quarters: 6,
      firms: 3,
      seed: "economy",
      economy: ECONOMY,
    });
    const code = server.roomId;
    expect(server.flow.config.sectors.media.servingCost).toBe(0.61);
    expect(standard.ok && standard.value.sectors.media.servingCost).not.toBe(0.61);
    // Everyone sees the override as compact JSON; the console lists its keys from it.
    const ada = await join(served.colyseus, code, { name: "Ada" });
    await waitFor(() => ada.room.state.settings.economy !== "");
    expect(JSON.parse(ada.room.state.settings.economy)).toEqual(ECONOMY);
    expect(ada.room.state.settings.quarters).toBe(6);

    // Play a quarter: news → decide → resolve.
    facilitator.room.send("start");
    await waitFor(() => ada.room.state.phase === "news");
    facilitator.room.send("forceNext");
    await waitFor(() => ada.room.state.phase === "decide");
    facilitator.room.send("forceNext");
    await waitFor(() => ada.room.state.quarter === 1);
    const match = server.match;
    if (!match) throw new Error("no match");
    expect(match.state.config.quarters).toBe(6);
    expect(match.state.config.sectors.media.servingCost).toBe(0.61);
    expect(match.state.config.api.pool).toBe(2000);
    expect(match.state.config.financing.appetite).toBe(0.05);
    // The rest is the scenario's.
    expect(match.state.config.correction).toEqual(standard.ok && standard.value.correction);

    const saved = store.load(code);
    expect(saved?.settings.economy).toEqual(ECONOMY);
    expect(saved?.record.config.sectors.media.servingCost).toBe(0.61);
    expect(saved?.record.config.quarters).toBe(6);
    expect(saved?.record.quarters).toHaveLength(1);
    if (!saved) throw new Error("not stored");
    expect(firstDifference(replay(saved.record).states.at(-1), match.state)).toBeNull();

    // A restart brings the game back with its economy.
    const back = await crashAndRestore(served, server, code, [ada, facilitator]);
    expect(back.flow.settings.economy).toEqual(ECONOMY);
    expect(back.flow.config.sectors.media.servingCost).toBe(0.61);
    expect(back.match?.state.config.api.pool).toBe(2000);
    const console2 = track(await served.colyseus.sdk.joinById(code, { facilitatorKey: key }));
    await waitFor(() => console2.room.state.settings.economy !== "");
    expect(JSON.parse(console2.room.state.settings.economy)).toEqual(ECONOMY);
  });

  test("an unknown key, a bad value or an oversized override refuses the create, naming the key; no room is made", async () => {
    const before = await roomCount();
    const settings = (economy: unknown): RoomSettingsInput => ({ ...SLOW, quarters: 8, economy }) as RoomSettingsInput;
    expect(await createError({ facilitator: true, settings: settings({ sectors: { medai: { servingCost: 0.5 } } }) })).toMatchObject({
      code: CREATE_INVALID_OPTIONS,
      message: expect.stringContaining("settings.economy.sectors.medai: unknown key"),
    });
    expect(await createError({ facilitator: true, settings: settings({ sectors: { media: { servingCost: -1 } } }) })).toMatchObject({
      code: CREATE_INVALID_OPTIONS,
      message: expect.stringMatching(/settings\.economy\.sectors\.media\.servingCost: must be at least 0 and at most 20/),
    });
    expect(await createError({ name: "Ada", settings: settings({ sectors: { media: { name: "m".repeat(7000) } } }) })).toMatchObject({
      code: CREATE_INVALID_OPTIONS,
      message: expect.stringContaining("settings.economy: an economy override may take at most 6 KB"),
    });
    expect(await createError({ name: "Ada", settings: settings([1, 2]) })).toMatchObject({
      code: CREATE_INVALID_OPTIONS,
      message: expect.stringContaining("settings.economy"),
    });
    // The length is the form's field, which would win unseen; a prototype's name is no setting (sent as JSON, an own key).
    expect(await createError({ facilitator: true, settings: settings({ quarters: 1000 }) })).toMatchObject({
      code: CREATE_INVALID_OPTIONS,
      message: expect.stringContaining("settings.economy.quarters: the game's length is set by the room's quarters"),
    });
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const economy = JSON.parse(`{"api": {"pool": 2000}, "${key}": {"opex": {"fixed": 1}}}`);
      expect(await createError({ facilitator: true, settings: settings(economy) })).toMatchObject({
        code: CREATE_INVALID_OPTIONS,
        message: expect.stringContaining(`settings.economy.${key}: "${key}" is a reserved name`),
      });
    }
    expect(await roomCount()).toBe(before);
  });

  test("a friends host loads an override in the lobby; a refused one names the key and changes nothing; {} goes back to the scenario's economy", async () => {
    const { player: ada, server } = await host(served.colyseus, "Ada", { ...SLOW, quarters: 8, firms: 3 });
    const plain = JSON.stringify(server.flow.config);

    ada.room.send("configure", { economy: ECONOMY });
    await waitFor(() => ada.room.state.settings.economy !== "");
    expect(server.flow.config.sectors.media.servingCost).toBe(0.61);
    expect(server.flow.config.quarters).toBe(8);
    const custom = JSON.stringify({ settings: server.flow.settings, config: server.flow.config, state: ada.room.state.settings.toJSON() });

    const badValue = await nextRejection(ada, () => ada.room.send("configure", { economy: { sectors: { media: { servingCost: -1 } } } }));
    expect(badValue).toMatchObject({ type: "configure", code: "BAD_SETTINGS" });
    expect(badValue.issues).toEqual([
      {
        path: "economy.sectors.media.servingCost",
        message: "must be at least 0 and at most 20",
        problem: { problem: "tooSmall", min: 0, inclusive: expect.any(Boolean) },
      },
    ]);
    const unknownKey = await nextRejection(ada, () => ada.room.send("configure", { quarters: 12, economy: { api: { poool: 1 } } }));
    expect(unknownKey.issues).toEqual([{ path: "economy.api.poool", message: "unknown key", problem: { problem: "unknownKey" } }]);
    const tooBig = await nextRejection(ada, () => ada.room.send("configure", { economy: { sectors: { media: { name: "m".repeat(7000) } } } }));
    // The size is the override's own schema: the patch itself does not match it.
    expect(tooBig).toMatchObject({
      code: "INVALID_MESSAGE",
      issues: [{ path: "economy", message: expect.stringContaining("at most 6 KB"), problem: { problem: "tooLarge", maxKB: 6 } }],
    });
    expect(JSON.stringify({ settings: server.flow.settings, config: server.flow.config, state: ada.room.state.settings.toJSON() })).toBe(custom);

    // The room's length still applies on top of the override.
    ada.room.send("configure", { quarters: 10 });
    await waitFor(() => ada.room.state.settings.quarters === 10);
    expect(server.flow.config.quarters).toBe(10);
    expect(server.flow.config.sectors.media.servingCost).toBe(0.61);

    ada.room.send("configure", { economy: {} });
    await waitFor(() => ada.room.state.settings.economy === "");
    const back = JSON.parse(plain) as typeof server.flow.config;
    expect(server.flow.config).toEqual({ ...back, quarters: 10 });
  });
});
