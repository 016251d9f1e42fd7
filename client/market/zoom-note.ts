/**
 * When the legend's "Zoomed out / in" notice shows: from the report whose layout stepped the
 * zoom, through that report, until the next quarter's news begins (a notice about last
 * quarter's step read beside this quarter's news reads as if the news zoomed the field).
 */
export type ZoomEvent =
  /** The field was laid out: `animate` for a new quarter's reports; the zoom before and after ($M per circle). */
  | { kind: "layout"; animate: boolean; before: number | null; after: number }
  /** The room's phase changed. */
  | { kind: "phase"; phase: string };

/** The zoom the notice points back to (the amount a circle stood for before the step), or null: no notice. */
export function zoomNoteAfter(shown: number | null, event: ZoomEvent): number | null {
  if (event.kind === "phase") return event.phase === "news" || event.phase === "over" ? null : shown;
  if (event.animate) return event.before !== null && event.before !== event.after ? event.before : null;
  // A re-layout without a new quarter (a rejoin, a resize, a language switch) keeps the notice unless the zoom moved again.
  return event.before !== event.after ? null : shown;
}
