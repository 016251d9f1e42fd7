import { connect, type Socket } from "node:net";
import type { ColyseusTestServer } from "@colyseus/testing";
import { boot } from "@colyseus/testing";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { createApp } from "../../server/app.js";
import { log } from "../../server/log.js";
import { waitFor } from "./helpers.js";

/** The test server's port (@colyseus/testing listens on 2568 whatever it is given). */
const PORT = 2568;
const LIMIT = 5;
let colyseus: ColyseusTestServer;

beforeAll(async () => {
  colyseus = await boot(createApp({ connectionsPerAddress: LIMIT }));
});
afterAll(async () => {
  await colyseus.shutdown();
});

/** A connection from `from` (Linux routes all of 127/8 to loopback; 127.0.0.1 itself is never limited) and whether it has closed. */
function open(from: string): { socket: Socket; closed: () => boolean; reply: () => string } {
  let closed = false;
  let reply = "";
  const socket = connect({ port: PORT, host: "127.0.0.1", localAddress: from });
  socket.on("data", (d) => {
    reply += d;
  });
  socket.on("close", () => {
    closed = true;
  });
  socket.on("error", () => undefined);
  return { socket, closed: () => closed, reply: () => reply };
}

test("an address holding its limit of open connections (half-sent requests) gets new ones closed at once; others and the machine itself are not limited", async () => {
  const warnings = vi.spyOn(log, "warn");
  // Slowloris: connections that send part of a request's headers and then nothing.
  const held = Array.from({ length: LIMIT }, () => open("127.0.0.2"));
  for (const c of held) c.socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n");
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(held.every((c) => !c.closed())).toBe(true);

  const extra = open("127.0.0.2");
  await waitFor(() => extra.closed());
  expect(extra.reply()).toBe("");
  expect(warnings).toHaveBeenCalledWith(
    "connection limit: closing new connections from an address",
    expect.objectContaining({ address: "127.0.0.2", limit: LIMIT }),
  );

  // Another address, and loopback itself, still get answers.
  const other = open("127.0.0.3");
  other.socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  await waitFor(() => other.reply().includes('{"ok":true}'));
  expect((await fetch(`http://127.0.0.1:${PORT}/healthz`)).status).toBe(200);

  // A held connection closes: the address gets one again.
  held[0]?.socket.destroy();
  await new Promise((resolve) => setTimeout(resolve, 100));
  const again = open("127.0.0.2");
  again.socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  await waitFor(() => again.reply().includes('{"ok":true}'));
  for (const c of held) c.socket.destroy();
  warnings.mockRestore();
});

test("a create body of JSON null is refused as invalid options (400), not as too large; a body over 1 MB is 413", async () => {
  const create = (body: string) =>
    fetch(`http://127.0.0.1:${PORT}/matchmake/create/market`, { method: "POST", headers: { "content-type": "application/json" }, body });
  const nothing = await create("null");
  expect(nothing.status).toBe(400);
  expect(await nothing.text()).not.toMatch(/too large/);
  const huge = await create(`{"name":"${"a".repeat(1024 * 1024)}"}`);
  expect(huge.status).toBe(413);
  expect(await huge.json()).toEqual({ code: 413, error: "the request body is too large" });
});
