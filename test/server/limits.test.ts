import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { DEFAULT_LIMITS } from "../../server/rooms/limits.js";
import { CLOSE_CODES } from "../../shared/schemas/protocol.js";
import { FAST, host, join, waitFor } from "./helpers.js";

let colyseus: ColyseusTestServer;
beforeAll(async () => {
  colyseus = await boot(createApp()); // the production limits
});
afterAll(async () => {
  await colyseus.shutdown();
});

test("a flood is rate-limited, oversized messages are refused, and sustained abuse disconnects with a reason", async () => {
  const { player: ada, server } = await host(colyseus, "Ada", { ...FAST, firms: 3 });
  const bo = await join(colyseus, server.roomId, { name: "Bo" });

  for (let i = 0; i < 30; i++) bo.room.send("ready", { ready: i % 2 === 0 });
  await waitFor(() => bo.all("rejected").length >= 30 - DEFAULT_LIMITS.messagesPerSecond);
  const limited = bo.all("rejected").filter((r) => r.code === "RATE_LIMITED");
  expect(limited.length).toBeGreaterThanOrEqual(30 - DEFAULT_LIMITS.messagesPerSecond - 1);
  expect(limited.length).toBeLessThanOrEqual(30 - DEFAULT_LIMITS.messagesPerSecond + 1);
  expect(limited[0]?.message).toMatch(/per second/);

  await new Promise((resolve) => setTimeout(resolve, 1100));
  const before = bo.all("rejected").length;
  bo.room.send("draft", { action: { train: 1 }, note: "x".repeat(9000) });
  await waitFor(() => bo.all("rejected").length > before);
  expect(bo.last("rejected")).toMatchObject({ type: "draft", code: "TOO_LARGE" });

  const left = new Promise<{ code: number; reason?: string }>((resolve) => bo.room.onLeave((code, reason) => resolve({ code, reason })));
  for (let i = 0; i < 200; i++) bo.room.send("ready", { ready: true });
  const { code, reason } = await left;
  expect(code).toBe(CLOSE_CODES.ABUSE);
  expect(reason).toMatch(/too many refused messages/);
  // The room and the other player carry on; the abuser's lobby seat is freed.
  await waitFor(() => ada.room.state.players.length === 1);
  ada.room.send("start");
  await waitFor(() => ada.room.state.phase === "decide");
});
