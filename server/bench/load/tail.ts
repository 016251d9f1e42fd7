/** An interval of server time, ms since the epoch. */
export interface Span {
  start: number;
  end: number;
}

/** What the slow acknowledgements coincided with on the server. */
export interface TailCauses {
  /** Acks at or above the threshold. */
  slow: number;
  /** Of those, how many were in flight while a ping round, or a GC pause, blocked the server. */
  duringPing: number;
  duringGc: number;
  neither: number;
}

const overlaps = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;

/**
 * Which slow acks were in flight while the server's loop was busy pinging every socket or
 * collecting garbage: evidence for what makes the tail, not proof (both clocks are this
 * machine's).
 */
export function tailCauses(
  latencies: ArrayLike<number>,
  sentAt: ArrayLike<number>,
  thresholdMs: number,
  pings: readonly Span[],
  gcs: readonly Span[],
): TailCauses {
  const causes: TailCauses = { slow: 0, duringPing: 0, duringGc: 0, neither: 0 };
  for (let i = 0; i < latencies.length; i++) {
    const latency = latencies[i] as number;
    if (latency < thresholdMs) continue;
    const flight = { start: sentAt[i] as number, end: (sentAt[i] as number) + latency };
    const ping = pings.some((p) => overlaps(p, flight));
    const gc = gcs.some((g) => overlaps(g, flight));
    causes.slow++;
    if (ping) causes.duringPing++;
    if (gc) causes.duringGc++;
    if (!ping && !gc) causes.neither++;
  }
  return causes;
}
