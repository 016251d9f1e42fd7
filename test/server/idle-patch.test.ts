import { describe, expect, test } from "vitest";
import { FAST, host, join, testServer, waitFor } from "./helpers.js";

describe("a room's patch interval with nothing to send", () => {
  const server = testServer();

  test("an idle room skips Colyseus' patch; a change is patched at the next interval; phase timers still run", async () => {
    const { player, server: room } = await host(server.colyseus, "Ada", { ...FAST, firms: 2, decisionSeconds: 1 });
    await waitFor(() => player.room.state.players.length === 1);
    // Colyseus' patch encodes and sends through its serializer's applyPatches: count those.
    const serializer = (room as unknown as { _serializer: { applyPatches: (...args: unknown[]) => boolean } })._serializer;
    const applyPatches = serializer.applyPatches.bind(serializer);
    let patches = 0;
    serializer.applyPatches = (...args: unknown[]) => {
      patches++;
      return applyPatches(...args);
    };
    // Patches run here, synchronously (the room's own interval cannot run in between).
    room.broadcastPatch(); // whatever was still pending goes
    patches = 0;
    for (let i = 0; i < 3; i++) expect(room.broadcastPatch()).toBe(false);
    expect(patches).toBe(0);

    const ada = room.flow.roster.players[0]?.id ?? null;
    expect(room.command("ready", { ready: true }, { playerId: ada, facilitator: false })).toBeUndefined();
    expect(room.broadcastPatch()).toBe(true);
    expect(patches).toBe(1);
    await waitFor(() => player.room.state.players[0]?.ready === true);
    room.broadcastPatch();
    expect(patches).toBe(1);

    // The room's clock still runs at every interval: the decision's one second runs out with
    // nobody submitting and the quarter resolves, and the players see it.
    const bo = await join(server.colyseus, room.roomId, { name: "Bo" });
    player.room.send("start");
    await waitFor(() => player.room.state.quarter === 1 && bo.room.state.quarter === 1);
  });
});
