import { matchMaker } from "colyseus";

export type Stage = "starting" | "ready" | "stopping";

/** Milliseconds a dependency may take to answer the readiness probe. */
const PROBE_TIMEOUT_MS = 1000;

/**
 * Liveness and readiness for `/healthz/live` and `/healthz/ready`. Live while the process
 * answers; ready once it has listened and restored its games, until it starts shutting down,
 * and only while Redis (when used) answers.
 */
export class Health {
  stage: Stage = "starting";

  constructor(private readonly usesRedis: boolean) {}

  async readiness(): Promise<{ ready: true } | { ready: false; reason: string }> {
    if (this.stage === "starting") return { ready: false, reason: "starting" };
    if (this.stage === "stopping") return { ready: false, reason: "shutting down" };
    if (this.usesRedis && !(await answers(matchMaker.presence.exists("market:ready-probe")))) return { ready: false, reason: "redis unreachable" };
    return { ready: true };
  }
}

async function answers(request: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([request.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
