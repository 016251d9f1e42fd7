import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ENGINE_VERSION, type Injection, score } from "../../shared/index.js";
import { configFor, playRandomGame } from "../helpers/play.js";

/**
 * The golden replay pins the whole economy: a fixed config, seed, action stream and
 * facilitator injections must reach exactly this final state. Change the hash only on
 * purpose, when a rule or a default changes, and bump ENGINE_VERSION with it.
 */
const GOLDEN = {
  engineVersion: "2.15.0",
  finalStateSha256: "19cb59f99f8e7b60b611e26a699669e2eb838862379ef980886b4abcff86e024",
};

const injections: Record<number, Injection[]> = {
  4: [{ kind: "regime", regime: "application" }],
  6: [{ kind: "event", event: { kind: "selloff", depth: 0.2 } }],
  8: [{ kind: "disclosure", on: true }],
};

describe("golden replay", () => {
  it("reaches the pinned final state", () => {
    const { states } = playRandomGame(configFor("ai-2025"), "golden", 6, "golden-actions", injections);
    const final = states.at(-1);
    const hash = createHash("sha256").update(JSON.stringify(final)).digest("hex");
    expect(ENGINE_VERSION).toBe(GOLDEN.engineVersion);
    expect(final?.log.filter((e) => e.kind === "injection")).toHaveLength(3);
    expect(hash, `final state sha256 ${hash}; standings ${JSON.stringify(final && score(final))}`).toBe(GOLDEN.finalStateSha256);
  });
});
