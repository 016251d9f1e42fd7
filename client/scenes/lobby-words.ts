/** A seat's players in the lobby, each with whether they are ready (the host starts when all are). */
export function seatPlayers(members: readonly { name: string; ready: boolean; connected: boolean }[]): string {
  return members.map((p) => `${p.name} (${p.connected ? (p.ready ? "ready" : "not ready") : "offline"})`).join(", ");
}
