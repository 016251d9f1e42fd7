import type { StepResult } from "./step.js";

const fixed = (digits: number) => (value: number) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const ms = fixed(1);
const whole = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "–");

const COLUMNS: [string, (r: StepResult) => string][] = [
  ["rooms", (r) => whole(r.rooms)],
  ["clients", (r) => whole(r.clients)],
  ["ack p50 ms", (r) => ms(r.ack.p50)],
  ["ack p99 ms", (r) => ms(r.ack.p99)],
  ["ack max ms", (r) => ms(r.ack.max)],
  ["server-side ack p99/max ms", (r) => `${ms(r.serverAck.p99)}/${ms(r.serverAck.max)}`],
  ["resolve→patch p50 ms", (r) => ms(r.resolveToPatch.p50)],
  ["resolve→patch p99 ms", (r) => ms(r.resolveToPatch.p99)],
  ["server CPU %", (r) => whole(r.serverCpuPercent)],
  ["CPU ms/room-quarter", (r) => fixed(1)(r.serverCpuMsPerRoomQuarter)],
  ["writes/room-quarter", (r) => fixed(1)(r.serverWritesPerRoomQuarter)],
  ["server RSS MB", (r) => whole(r.rssMB)],
  ["MB/room", (r) => fixed(2)(r.rssPerRoomMB)],
  ["heap KB/room", (r) => whole(r.heapPerRoomKB)],
  ["bytes/client/quarter", (r) => whole(r.bytesPerClientQuarter)],
  ["client loop p99 ms", (r) => ms(r.clientLoop.p99)],
  ["server loop p99/max ms", (r) => `${ms(r.serverLoop.p99)}/${ms(r.serverLoop.max)}`],
  ["other CPU %", (r) => whole(r.otherCpuPercent + r.stealPercent)],
];

/** The steps as a Markdown table (it goes into the README as printed). */
export function table(results: readonly StepResult[]): string {
  const rows = [COLUMNS.map(([name]) => name), ...results.map((r) => COLUMNS.map(([, cell]) => cell(r)))];
  const widths = COLUMNS.map((_, c) => Math.max(...rows.map((row) => (row[c] as string).length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c] as number)).join(" | ")} |`;
  const [head, ...body] = rows;
  return [line(head as string[]), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...body.map(line)].join("\n");
}

/** What else a step saw: health counters that qualify its figures. */
export function notes(r: StepResult): string {
  return [
    `${r.rooms} rooms: ${r.ack.count.toLocaleString("en-US")} acks over ${r.windowSeconds.toFixed(1)} s, ${r.quartersPerRoom.toFixed(1)} quarters per room`,
    `client CPU ${whole(r.clientCpuPercent)}%, other processes ${whole(r.otherCpuPercent)}%, stolen ${whole(r.stealPercent)}%, client loop max ${ms(r.clientLoop.max)} ms`,
    `ping rounds ${r.pingRounds.count} (longest ${ms(r.pingRounds.maxMs)} ms over ${r.pingRounds.sockets} sockets)`,
    `GC pauses ≥ 2 ms: ${r.gcPauses.count} (longest ${ms(r.gcPauses.maxMs)} ms, ${whole(r.gcPauses.totalMs)} ms in all)`,
    slowAcks(r),
    `last submitter's accepted → result p50 ${ms(r.lastAckToResult.p50)} ms, p99 ${ms(r.lastAckToResult.p99)} ms`,
    `bytes/client/quarter by kind: ${Object.entries(r.bytesByKind)
      .filter(([, n]) => n >= 0.5)
      .sort(([, a], [, b]) => b - a)
      .map(([kind, n]) => `${kind} ${whole(n)}`)
      .join(", ")}`,
    `heap ${whole(r.heapBaseMB)}→${whole(r.heapMB)} MB, RSS ${whole(r.rssBaseMB)}→${whole(r.rssMB)} MB`,
    `rejected ${r.rejected}, unanswered ${r.unanswered}, drops ${r.drops}, rooms over ${r.roomsOver}, failed rooms ${r.failedRooms}`,
  ].join("; ");
}

function slowAcks(r: StepResult): string {
  const { slow, duringPing, duringGc, neither } = r.slowAcks;
  const pct = (n: number) => `${slow > 0 ? Math.round((100 * n) / slow) : 0}%`;
  return `slow acks: ${slow} (${fixed(2)((100 * slow) / Math.max(1, r.ack.count))}% of all), in flight during a ping round ${pct(duringPing)}, a GC pause ${pct(duringGc)}, neither ${pct(neither)}`;
}
