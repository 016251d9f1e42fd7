import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { isIPv6 } from "node:net";
import { matchMaker } from "colyseus";
import { ADDRESS_RATE_LIMITED, CREATE_INVALID_OPTIONS, MAX_OPTIONS_DEPTH } from "../../shared/schemas/protocol.js";
import type { AddressLimiter, LimitKind } from "./rate-limit.js";

/** Larger matchmaking bodies are refused (Colyseus' own limit for a pre-read body). */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The address a request is counted under: the socket's peer, or with `trustProxy` hops, the
 * address the outermost trusted proxy saw (the `trustProxy`-th entry of X-Forwarded-For from
 * the right; the proxies must append to it). A header the client sends is never believed
 * beyond that. IPv6 addresses count by their /64 (one subscriber's block); IPv4 in IPv6
 * notation as IPv4.
 */
export function clientAddress(req: IncomingMessage, trustProxy: number): string {
  let address = req.socket.remoteAddress ?? "unknown";
  if (trustProxy > 0) {
    const header = req.headers["x-forwarded-for"];
    const hops = (Array.isArray(header) ? header.join(",") : (header ?? ""))
      .split(",")
      .map((h) => h.trim())
      .filter((h) => h !== "");
    const seen = hops[hops.length - trustProxy];
    if (seen) address = seen;
  }
  return addressKey(address);
}

/** An address as one key: `::ffff:1.2.3.4` is 1.2.3.4; an IPv6 address is its /64 prefix. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1] as string;
  if (!isIPv6(address)) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head === "" ? [] : head.split(":");
  const right = address.includes("::") ? (tail === "" ? [] : tail.split(":")) : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** What a request is limited as (null: not limited), from its method, path and (for matchmaking) parsed body. */
export function limitKindOf(method: string, pathname: string, body: unknown): LimitKind | null {
  if (method === "POST") {
    const matchmaking = /^\/matchmake\/(\w+)\//.exec(pathname)?.[1];
    if (matchmaking === "create" || matchmaking === "joinOrCreate") return "create";
    if (matchmaking === "joinById" || matchmaking === "join" || matchmaking === "reconnect") {
      const options = body as { facilitatorKey?: unknown } | null;
      return options && typeof options === "object" && options.facilitatorKey !== undefined ? "key" : "join";
    }
    return null;
  }
  if (method !== "GET" && method !== "HEAD") return null;
  if (/^\/api\/rooms\/[^/]+\/?$/.test(pathname)) return "lookup";
  if (/^\/api\/games\/[^/]+\//.test(pathname)) return "key";
  return null;
}

/** How deeply `value` nests objects and arrays (iteratively: a hostile body must not overflow the stack). */
export function nesting(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (item === null || typeof item !== "object") continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function answer(req: IncomingMessage, res: ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void {
  const cors = { ...matchMaker.controller.DEFAULT_CORS_HEADERS, ...matchMaker.controller.getCorsHeaders(new Headers(req.headers as Record<string, string>)) };
  const json = JSON.stringify(body);
  res.writeHead(status, status === ADDRESS_RATE_LIMITED ? "Rate Limited" : undefined, {
    ...cors,
    ...headers,
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(json)),
  });
  res.end(json);
}

/** What `readBody` gives for a body over MAX_BODY_BYTES (a JSON `null` body is null, not too large). */
const TOO_LARGE = Symbol("too large");

/** A matchmaking request's body, read whole and parsed (the raw text when it is not JSON: Colyseus refuses it); TOO_LARGE when too large. */
function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners("data");
        req.resume();
        resolve(TOO_LARGE);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      if (raw === "") return resolve({});
      try {
        resolve(JSON.parse(raw));
      } catch {
        resolve(raw);
      }
    });
    req.on("error", reject);
  });
}

/**
 * Screens every HTTP request of `server` before Colyseus and Express see it: requests over
 * their address's limit are answered `ADDRESS_RATE_LIMITED` (with `Retry-After`) and go no
 * further; a matchmaking body is read first (Colyseus takes a pre-read `req.body`) so that
 * a facilitator-key join is told from a plain one, and a body nested deeper than
 * MAX_OPTIONS_DEPTH is refused as invalid options (it would otherwise overflow the stack
 * further on and be answered as a full room).
 */
export function screenRequests(server: Server, limiter: AddressLimiter, trustProxy: number): void {
  const emit = server.emit as (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  server.emit = function (this: Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event !== "request") return emit.call(this, event, ...args);
    const [req, res] = args as [IncomingMessage, ServerResponse];
    const pass = () => emit.call(this, event, req, res);
    const pathname = new URL(req.url ?? "/", "http://server").pathname;
    const method = req.method ?? "GET";
    if (method === "POST" && pathname.startsWith("/matchmake/")) {
      req.headers[ADDRESS_HEADER] = clientAddress(req, trustProxy);
      readBody(req).then(
        (body) => {
          if (body === TOO_LARGE) return answer(req, res, 413, { code: 413, error: "the request body is too large" });
          if (nesting(body, MAX_OPTIONS_DEPTH) > MAX_OPTIONS_DEPTH) {
            const what = /^\/matchmake\/(create|joinOrCreate)\//.test(pathname) ? "room" : "join";
            return answer(req, res, CREATE_INVALID_OPTIONS, {
              code: CREATE_INVALID_OPTIONS,
              error: `invalid ${what} options: nested more than ${MAX_OPTIONS_DEPTH} levels deep`,
            });
          }
          if (refused(limitKindOf(method, pathname, body))) return;
          (req as IncomingMessage & { body?: unknown }).body = body;
          pass();
        },
        () => res.destroy(),
      );
      return true;
    }
    if (refused(limitKindOf(method, pathname, undefined))) return true;
    return pass();

    function refused(kind: LimitKind | null): boolean {
      if (!kind) return false;
      const verdict = limiter.take(kind, clientAddress(req, trustProxy), Date.now());
      if (verdict.ok) return false;
      answer(
        req,
        res,
        ADDRESS_RATE_LIMITED,
        { code: ADDRESS_RATE_LIMITED, error: `${REFUSED[kind]} from your address: try again in ${verdict.retryAfter} s`, retryAfter: verdict.retryAfter },
        { "retry-after": String(verdict.retryAfter) },
      );
      return true;
    }
  } as Server["emit"];
}

/** What was refused, in the error message. */
const REFUSED: Record<LimitKind, string> = {
  create: "too many new games",
  join: "too many joins",
  lookup: "too many game look-ups",
  key: "too many facilitator key attempts",
  trial: "too many new economies tried",
};

/**
 * The header that carries, to the room (its `onAuth`), the address a matchmaking request was
 * counted under: set by the gate, replacing whatever a client sent in it.
 */
export const ADDRESS_HEADER = "x-scale-or-ship-address";
