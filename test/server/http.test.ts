import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { FAST, host } from "./helpers.js";

let colyseus: ColyseusTestServer;
const clientDir = mkdtempSync(path.join(tmpdir(), "sos-client-"));

beforeAll(async () => {
  writeFileSync(path.join(clientDir, "index.html"), "<!doctype html><title>Scale or Ship</title>");
  colyseus = await boot(createApp({ clientDir }));
});
afterAll(async () => {
  await colyseus.shutdown();
});

const get = (url: string) => fetch(`http://localhost:2568${url}`);

test("one port serves the built client, the health check and the room API", async () => {
  const page = await get("/?join=K7MXQA");
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("<title>Scale or Ship</title>");
  expect(await (await get("/healthz")).json()).toEqual({ ok: true });

  const { server: listed } = await host(colyseus, "Ada", { ...FAST, private: false, name: "Open table" });
  const { server: hidden } = await host(colyseus, "Bo", { ...FAST, private: true });
  const rooms = (await (await get("/api/rooms")).json()) as { code: string; title: string; phase: string }[];
  expect(rooms.map((r) => r.code)).toEqual([listed.roomId]);
  // What the menu lists: title, host, places free, length.
  expect(rooms[0]).toMatchObject({ title: "Open table", phase: "lobby", firms: 6, players: 1, host: "Ada", quarters: 16, openSeats: 5 });

  // A private room is found by its code, never listed.
  expect(await (await get(`/api/rooms/${hidden.roomId}`)).json()).toMatchObject({ code: hidden.roomId, phase: "lobby" });
  expect((await get("/api/rooms/ZZZZZZ")).status).toBe(400);
  const missing = await get("/api/rooms/KKKKKK");
  expect(missing.status).toBe(404);
  expect(await missing.json()).toEqual({ error: "no game with code KKKKKK" });
});
