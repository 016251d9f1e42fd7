import { timingSafeEqual } from "node:crypto";
import { monitor } from "colyseus";
import type express from "express";
import type { Health } from "./health.js";

export interface MonitorAccess {
  user: string;
  password: string;
}

/** Where the Colyseus monitor is mounted (when a password is set). */
export const MONITOR_PATH = "/colyseus";

/**
 * Operations routes: `/healthz/live`, `/healthz/ready` (503 with a reason when not ready) and
 * the Colyseus monitor behind HTTP basic auth (not mounted without a password).
 */
export function mountOps(app: express.Application, health: Health, access: MonitorAccess | null): void {
  app.get("/healthz/live", (_req, res) => {
    res.json({ live: true });
  });
  app.get("/healthz/ready", async (_req, res) => {
    const readiness = await health.readiness();
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  if (access)
    app.use(
      MONITOR_PATH,
      basicAuth(access),
      monitor({
        columns: ["roomId", "clients", "maxClients", "locked", "elapsedTime", "processId", "publicAddress", { metadata: "phase" }],
      }) as unknown as express.RequestHandler,
    );
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function basicAuth(access: MonitorAccess): express.RequestHandler {
  return (req, res, next) => {
    const header = req.headers.authorization ?? "";
    const [scheme, encoded] = header.split(" ");
    if (scheme === "Basic" && encoded) {
      const decoded = Buffer.from(encoded, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon >= 0 && same(decoded.slice(0, colon), access.user) && same(decoded.slice(colon + 1), access.password)) return next();
    }
    res.setHeader("WWW-Authenticate", 'Basic realm="Scale or Ship monitor", charset="UTF-8"');
    res.status(401).json({ error: "the monitor needs its user name and password" });
  };
}
