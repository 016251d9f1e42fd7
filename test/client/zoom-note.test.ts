import { describe, expect, test } from "vitest";
import { type ZoomEvent, zoomNoteAfter } from "../../client/market/zoom-note.js";

/** The notice after each event in turn, from none. */
function notices(events: readonly ZoomEvent[]): (number | null)[] {
  let shown: number | null = null;
  return events.map((e) => {
    shown = zoomNoteAfter(shown, e);
    return shown;
  });
}

describe("the legend's zoom notice", () => {
  test("shows with the report whose layout stepped the zoom, and is gone when the next quarter's news begins", () => {
    expect(
      notices([
        { kind: "phase", phase: "decide" },
        { kind: "layout", animate: true, before: 1000, after: 2000 }, // quarter 1's reports: zoomed out
        { kind: "phase", phase: "report" },
        { kind: "phase", phase: "news" }, // quarter 2
        { kind: "phase", phase: "decide" },
      ]),
    ).toEqual([null, 1000, 1000, null, null]);
  });
  test("a quarter whose zoom did not step shows none; a re-layout at the same zoom (resize, rejoin, language) keeps it, one at another zoom ends it", () => {
    expect(notices([{ kind: "layout", animate: true, before: 2000, after: 2000 }])).toEqual([null]);
    expect(
      notices([
        { kind: "layout", animate: true, before: 1000, after: 500 },
        { kind: "layout", animate: false, before: 500, after: 500 },
        { kind: "layout", animate: false, before: 500, after: 800 },
      ]),
    ).toEqual([1000, 1000, null]);
    // The first sight of the market has nothing to compare with.
    expect(notices([{ kind: "layout", animate: false, before: null, after: 500 }])).toEqual([null]);
  });
  test("the game's end clears it", () => {
    expect(
      notices([
        { kind: "layout", animate: true, before: 1000, after: 2000 },
        { kind: "phase", phase: "over" },
      ]),
    ).toEqual([1000, null]);
  });
});
