import { expect, test } from "vitest";
import { reportRows } from "../../shared/synced.js";
import { FAST, host, join, nextRejection, testServer, track, waitFor } from "./helpers.js";

const served = testServer();

const watch = async (code: string) => track(await served.colyseus.sdk.joinById(code, { spectator: true }));

test("a screen for the room joins without a seat and never receives private state or pending actions", async () => {
  const { player: ada, server } = await host(served.colyseus, "Ada", { ...FAST, firms: 3, teamSize: 2, seed: "screen" });
  const bo = await join(served.colyseus, server.roomId, { name: "Bo", firmId: "f1" });
  const cy = await join(served.colyseus, server.roomId, { name: "Cy", firmId: "f2" });
  const screen = await watch(server.roomId);
  await waitFor(() => screen.room.state.firms.length === 3);
  // No seat: the roster holds the two players only, and a free place is still free.
  expect(server.flow.roster.players.map((p) => p.name)).toEqual(["Ada", "Bo", "Cy"]);
  expect(screen.room.state.players.length).toBe(3);

  ada.room.send("start");
  await waitFor(() => ada.room.state.phase === "decide");
  bo.room.send("draft", { action: { train: 31.3131 } });
  ada.room.send("submit", { action: { train: 12.345, marketing: 6.789 } });
  await waitFor(() => ada.last("accepted") && ada.last("draft"));
  await waitFor(() => screen.room.state.firms[0]?.submitted);

  // It sees the public market (the same synced state as a player) and no message at all.
  expect(screen.messages).toEqual([]);
  const seen = JSON.stringify(screen.room.state.toJSON());
  for (const secret of ["12.345", "6.789", "31.3131", "lastAction", "hype", "pending"]) expect(seen).not.toContain(secret);
  // It cannot act: every intent is refused, nothing changes.
  expect(await nextRejection(screen, () => screen.room.send("submit", { action: { train: 1 } }))).toMatchObject({ code: "NO_FIRM" });
  expect(await nextRejection(screen, () => screen.room.send("pause"))).toMatchObject({ code: "NOT_FACILITATOR" });
  expect(server.match?.pending.get("f2")).toBeUndefined();

  // A started game takes a screen too (a player would be refused), and it follows the quarter.
  const late = await watch(server.roomId);
  cy.room.send("submit", { action: { train: 5 } });
  await waitFor(() => late.room.state.quarter === 1);
  expect(late.messages).toEqual([]);
  expect(reportRows(late.room.state.firms[0]).at(-1)?.valuation).toBe(reportRows(ada.room.state.firms[0]).at(-1)?.valuation);
});
