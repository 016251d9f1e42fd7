import type { Server } from "node:http";
import type { Socket } from "node:net";
import { log } from "../log.js";
import { addressKey } from "./gate.js";

/**
 * Connections one client address may hold open at once, HTTP and WebSocket together. A class
 * of 160 behind one school address opens about 1,100 while its pages load (a WebSocket and up
 * to 6 HTTP connections each); one address holding thousands of half-sent requests
 * (slowloris) would otherwise use up the process's file descriptors, and then nobody joins.
 */
export const DEFAULT_CONNECTIONS_PER_ADDRESS = 2000;

/** Node's defaults are 60 s for a request's headers and 300 s for the whole request: a matchmaking request is a few hundred bytes. */
const HEADERS_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 60_000;

/** The machine itself (a reverse proxy on the same host, the benchmarks' thousands of clients): never limited. */
const LOOPBACK: ReadonlySet<string> = new Set(["127.0.0.1", "::1"]);

/** One warning per address per minute, however many connections it tries. */
const WARN_EVERY_MS = 60_000;

/**
 * Closes a new connection at once when its address (the socket's peer: an IPv4 address or an
 * IPv6 /64; 127.0.0.1 and ::1 are never limited) already holds `limit` (null: no limit, e.g.
 * behind a reverse proxy, where every connection comes from the proxy and the proxy limits
 * them), and shortens how long a request
 * may take to send its headers (20 s) and itself (60 s). Returns the connections open now by address.
 */
export function capConnections(server: Server, limit: number | null): ReadonlyMap<string, number> {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  const open = new Map<string, number>();
  const warned = new Map<string, { at: number; refused: number }>();
  if (limit === null) return open;
  server.on("connection", (socket: Socket) => {
    const peer = socket.remoteAddress ?? "unknown";
    const address = addressKey(peer);
    if (LOOPBACK.has(peer) || LOOPBACK.has(address)) return;
    const held = open.get(address) ?? 0;
    if (held >= limit) {
      socket.destroy();
      const now = Date.now();
      const warning = warned.get(address) ?? { at: 0, refused: 0 };
      warning.refused++;
      if (now - warning.at >= WARN_EVERY_MS) {
        log.warn("connection limit: closing new connections from an address", { address, limit, refused: warning.refused });
        warning.at = now;
        warning.refused = 0;
      }
      warned.set(address, warning);
      return;
    }
    open.set(address, held + 1);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else {
        open.delete(address);
        warned.delete(address);
      }
    });
  });
  return open;
}
