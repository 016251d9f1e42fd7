import { describe, expect, test } from "vitest";
import { clearDraft, type DraftMemo, loadDraft, saveDraft } from "../../client/panel/draft-memory.js";
import { MemoryStore } from "../helpers/memory-store.js";

const memo: DraftMemo = {
  quarter: 2,
  choice: "custom",
  amounts: { train: "77.7", "apps.medical": "12", raise: "" },
  distill: true,
  openWeights: false,
  hardware: "locked",
  submittedBy: null,
};

describe("the panel's draft across a reload", () => {
  test("kept per game and firm for its quarter; another quarter's draft is dropped when read", () => {
    const store = new MemoryStore();
    saveDraft(store, "K7MXQA", "f1", memo);
    expect(loadDraft(store, "K7MXQA", "f1", 2)).toEqual(memo);
    expect(loadDraft(store, "K7MXQA", "f2", 2)).toBeNull();
    expect(loadDraft(store, "HJKMNP", "f1", 2)).toBeNull();
    expect(loadDraft(store, "K7MXQA", "f1", 3)).toBeNull();
    // The stale draft is gone: coming back to quarter 2 does not bring it back.
    expect(loadDraft(store, "K7MXQA", "f1", 2)).toBeNull();
  });

  test("cleared on submission; damaged or missing storage changes nothing", () => {
    const store = new MemoryStore();
    saveDraft(store, "K7MXQA", "f1", memo);
    clearDraft(store, "K7MXQA", "f1");
    expect(loadDraft(store, "K7MXQA", "f1", 2)).toBeNull();
    store.setItem("sos.draft.K7MXQA.f1", '{"quarter":2,"choice":"moon"');
    expect(loadDraft(store, "K7MXQA", "f1", 2)).toBeNull();
    store.setItem("sos.draft.K7MXQA.f1", JSON.stringify({ ...memo, amounts: { train: 5 } }));
    expect(loadDraft(store, "K7MXQA", "f1", 2)).toBeNull();
    expect(() => saveDraft(null, "K7MXQA", "f1", memo)).not.toThrow();
    expect(loadDraft(null, "K7MXQA", "f1", 2)).toBeNull();
  });
});
