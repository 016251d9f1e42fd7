import { describe, expect, it } from "vitest";
import { createGame, score } from "../../shared/index.js";
import { winningFirm } from "../../shared/sim/metrics.js";
import { configFor, seats } from "../helpers/play.js";

describe("who won a simulated game", () => {
  it("is the first firm in the standings while it is listed", () => {
    const state = createGame(configFor("ai-2025"), "winner-1", seats(3));
    (state.firms[0] as { delisted: boolean }).delisted = true;
    const standings = score(state);
    expect(winningFirm(standings)?.delisted).toBe(false);
    expect(winningFirm(standings)?.firmId).not.toBe(state.firms[0]?.id);
  });

  it("is nobody when every firm was delisted (the tie-break on seat order does not make the first seat a winner)", () => {
    const state = createGame(configFor("ai-2025"), "winner-2", seats(3));
    for (const firm of state.firms) (firm as { delisted: boolean }).delisted = true;
    const standings = score(state);
    expect(standings[0]?.rank).toBe(1);
    expect(winningFirm(standings)).toBeUndefined();
  });
});
