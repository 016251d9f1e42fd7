import Phaser from "phaser";
import { FieldLabels, FieldLegend } from "./FieldLabels.js";
import type { FirmFigures } from "./figures.js";
import { IdleThrottle } from "./IdleThrottle.js";
import { Pops } from "./Pops.js";
import { legendRadius, type Packing, type Point, packCircles, type Size } from "./packing.js";
import { BUBBLE } from "./palette.js";
import { zoomNoteAfter } from "./zoom-note.js";

/** A bubble as the debug hook reports it: where it is drawn once the tweens end (canvas px = CSS px). */
export interface BubbleSnapshot {
  firmId: string;
  x: number;
  y: number;
  radius: number;
  coreRadius: number;
  valuation: number;
  fundamentals: number;
}

/** Long enough to follow the change, short enough not to hold up the report. */
export const TWEEN_MS = 750;
const GAP = 4; // px between bubbles
/** Droplets a shrinking bubble throws at most: 40 bursting bubbles stay a few hundred sprites, cheap on a CPU renderer. */
const MAX_DROPLETS = 16;

interface Shape {
  x: number;
  y: number;
  radius: number;
  core: number;
}

/** One firm's bubble: what is drawn now (tweened) and where it is going. */
interface Bubble {
  drawn: Shape;
  target: Shape;
  figures: FirmFigures;
}

/**
 * Draws every bubble into one Graphics: see-through shells (valuation) with a thin rim, solid
 * cores (fundamentals), your firm's yellow outline, the "submitted" ticks. Layer by layer, not
 * bubble by bubble: bubbles never overlap, so the picture is the same, and all fills (then all
 * strokes) go to the GPU as one batch. In software WebGL (SwiftShader) every switch between
 * fill and stroke costs a draw call, and bubble by bubble that made a frame several times
 * slower (see server/bench/frames.ts).
 */
function drawBubbles(g: Phaser.GameObjects.Graphics, bubbles: readonly Bubble[], pointed: string | null): void {
  const shown = bubbles.filter((b) => b.drawn.radius > 0.25);
  for (const { drawn } of shown) g.fillStyle(BUBBLE.shell, BUBBLE.shellAlpha).fillCircle(drawn.x, drawn.y, drawn.radius);
  for (const { drawn } of shown) if (drawn.core > 0.25) g.fillStyle(BUBBLE.core, 1).fillCircle(drawn.x, drawn.y, drawn.core);
  // The tick sits on the rim at one o'clock, where it hides the least.
  const ticks = shown
    .filter((b) => b.figures.submitted)
    .map(({ drawn }) => ({ x: drawn.x + drawn.radius * Math.SQRT1_2, y: drawn.y - drawn.radius * Math.SQRT1_2 }));
  for (const t of ticks) g.fillStyle(BUBBLE.submitted, 1).fillCircle(t.x, t.y, 7);
  for (const { drawn } of shown) g.lineStyle(1.5, BUBBLE.shell, BUBBLE.rimAlpha).strokeCircle(drawn.x, drawn.y, drawn.radius);
  for (const { drawn, figures } of shown) if (figures.mine) g.lineStyle(3, BUBBLE.mine, 1).strokeCircle(drawn.x, drawn.y, drawn.radius + 2.5);
  // The bubble whose figures are shown (pointer over it, or its leaderboard row focused).
  for (const { drawn, figures } of shown) if (figures.firmId === pointed) g.lineStyle(2, 0xffffff, 1).strokeCircle(drawn.x, drawn.y, drawn.radius + 6);
  for (const t of ticks)
    g.lineStyle(2, 0xffffff, 1)
      .beginPath()
      .moveTo(t.x - 3.5, t.y + 0.5)
      .lineTo(t.x - 1, t.y + 3)
      .lineTo(t.x + 3.5, t.y - 2.5)
      .strokePath();
}

/**
 * The field of bubbles, one per listed firm: area ∝ valuation, core area ∝ fundamentals. On
 * each report the bubbles tween to their new sizes; in a correction the shells that shrank
 * burst droplets; a delisted firm's bubble bursts and goes. The canvas is the field (the game
 * is resized to the field's slot), so a bubble's pixels are CSS pixels. The zoom persists
 * across quarters (packing.ts), so the whole market visibly swells and shrinks; the legend
 * under the field says what a circle is worth, the market's total, and when the zoom changed.
 */
export class BubbleField {
  readonly labels: FieldLabels;
  readonly legend = new FieldLegend();
  private readonly bubbles = new Map<string, Bubble>();
  private readonly pops: Pops;
  private readonly graphics: Phaser.GameObjects.Graphics;
  /** Set when a tween moved something: the Graphics is redrawn once, after the tweens ran. */
  private dirty = false;
  private readonly throttle: IdleThrottle;
  private packing: Packing | null = null;
  private order: string[] = [];
  private pointed: string | null = null;
  private size: Size;
  /** The firms last shown, to lay them out again when the field changes size. */
  private shown: readonly FirmFigures[] = [];
  /** Total listed valuation last shown ($M), and its change over the last quarter seen live. */
  private lastTotal: number | null = null;
  private totalChange: number | null = null;
  /** The zoom before the last quarter's step, while the legend points the step out. */
  private zoomedFrom: number | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    onSelect: (firmId: string) => void,
  ) {
    this.size = { width: scene.scale.width, height: scene.scale.height };
    this.labels = new FieldLabels(this.size);
    scene.scale.on(Phaser.Scale.Events.RESIZE, this.resized, this);
    this.graphics = scene.add.graphics();
    this.pops = new Pops(scene, 10);
    this.throttle = new IdleThrottle(scene, () => this.animating);
    scene.events.on(Phaser.Scenes.Events.POST_UPDATE, this.redrawIfMoved, this);
    scene.input.on("pointermove", (p: Phaser.Input.Pointer) => {
      const firmId = this.firmAt(p.x, p.y);
      scene.input.setDefaultCursor(firmId ? "pointer" : "default");
      this.point(firmId);
    });
    scene.input.on("gameout", () => this.point(null));
    scene.input.on("pointerdown", (p: Phaser.Input.Pointer) => {
      const firmId = this.firmAt(p.x, p.y);
      if (firmId) onSelect(firmId);
    });
  }

  /**
   * Lays the firms out for their latest reports. `animate`: tween from what is drawn now (a
   * new quarter); else jump there (the first sight of the market). `correction`: shells that
   * shrank burst.
   */
  show(firms: readonly FirmFigures[], animate: boolean, correction: boolean): void {
    this.throttle.wake();
    const listed = firms.filter((f) => !f.delisted && f.valuation > 0);
    const radii = listed.map((f) => Math.sqrt(f.valuation));
    const previousCentres = listed.map((f) => this.previousCentre(f.firmId));
    const before = this.packing?.reference ?? null;
    const packing = packCircles(radii, this.size, {
      gap: GAP,
      previous: this.packing ? { centres: previousCentres, reference: this.packing.reference } : undefined,
    });
    this.packing = packing;
    this.shown = firms;
    const total = listed.reduce((sum, f) => sum + f.valuation, 0);
    // A new quarter: how the whole market moved, and whether the zoom stepped.
    if (animate) this.totalChange = this.lastTotal ? total / this.lastTotal - 1 : null;
    this.zoomedFrom = zoomNoteAfter(this.zoomedFrom, { kind: "layout", animate, before, after: packing.reference });
    this.lastTotal = total;
    this.showLegend();
    this.order = listed.map((f) => f.firmId);
    this.pointed = null;
    this.labels.point(null, null);

    for (const gone of firms.filter((f) => f.delisted || f.valuation <= 0)) this.remove(gone.firmId, animate);
    listed.forEach((figures, i) => {
      const centre = packing.centres[i] as Point;
      const radius = (radii[i] as number) * packing.scale;
      const core = Math.sqrt(Math.min(figures.fundamentals, figures.valuation)) * packing.scale;
      const target = { x: centre.x, y: centre.y, radius, core };
      let bubble = this.bubbles.get(figures.firmId);
      if (!bubble) {
        bubble = { drawn: { ...target }, target: { ...target }, figures };
        this.bubbles.set(figures.firmId, bubble);
      }
      const shrank = target.radius < bubble.target.radius - 0.5;
      const lostArea = bubble.target.radius ** 2 - target.radius ** 2;
      bubble.figures = figures;
      bubble.target = target;
      this.scene.tweens.killTweensOf(bubble.drawn);
      if (animate) {
        if (correction && shrank) this.pops.burst(bubble.drawn.x, bubble.drawn.y, bubble.drawn.radius, Math.min(MAX_DROPLETS, 4 + lostArea / 240), BUBBLE.pop);
        this.scene.tweens.add({ targets: bubble.drawn, ...target, duration: TWEEN_MS, ease: "Cubic.easeInOut", onUpdate: () => this.moved() });
        this.labels.settle(true);
      } else {
        Object.assign(bubble.drawn, target);
      }
    });
    this.redraw();
    this.labels.show(
      listed,
      listed.map((f) => {
        const t = (this.bubbles.get(f.firmId) as Bubble).target;
        // Labels clear the yellow outline of your firm and the tick badges on the rims.
        return { x: t.x, y: t.y, r: t.radius, margin: f.mine ? 5 : 2 };
      }),
    );
  }

  /** The room's phase changed: the zoom notice ends when the next quarter's news begins. */
  phaseBegan(phase: string): void {
    const next = zoomNoteAfter(this.zoomedFrom, { kind: "phase", phase });
    if (next === this.zoomedFrom) return;
    this.zoomedFrom = next;
    this.showLegend();
  }

  private showLegend(): void {
    if (!this.packing || this.lastTotal === null) return;
    this.legend.show({
      reference: this.packing.reference,
      radius: legendRadius(this.size),
      valuations: this.shown.filter((f) => !f.delisted && f.valuation > 0).map((f) => f.valuation),
      totalChange: this.totalChange,
      zoomedFrom: this.zoomedFrom,
    });
  }

  /** Writes the labels and the legend again (the page's language changed), moving nothing. */
  relabel(): void {
    if (this.shown.length > 0) this.show(this.shown, false, false);
  }

  /** Updates what changes between reports (the submitted ticks) without moving anything. */
  mark(firms: readonly FirmFigures[]): void {
    for (const figures of firms) {
      const bubble = this.bubbles.get(figures.firmId);
      if (!bubble || bubble.figures.submitted === figures.submitted) continue;
      bubble.figures = { ...bubble.figures, submitted: figures.submitted };
      this.dirty = true;
      this.throttle.wake();
    }
    this.redrawIfMoved();
  }

  /** Shows a firm's full figures by its bubble (null hides them). */
  point(firmId: string | null): void {
    const bubble = firmId ? this.bubbles.get(firmId) : undefined;
    const pointed = bubble ? firmId : null;
    if (pointed === this.pointed) return;
    this.pointed = pointed;
    this.throttle.wake();
    this.redraw();
    const t = bubble?.target;
    this.labels.point(bubble?.figures ?? null, t ? { x: t.x, y: t.y, r: t.radius } : null);
  }

  /** Target positions and sizes (what is drawn once the tweens end), in field pixels. */
  snapshot(): BubbleSnapshot[] {
    return this.order.flatMap((firmId) => {
      const b = this.bubbles.get(firmId);
      if (!b) return [];
      const { x, y, radius, core } = b.target;
      return [{ firmId, x, y, radius, coreRadius: core, valuation: b.figures.valuation, fundamentals: b.figures.fundamentals }];
    });
  }

  /** Pixels per √$M: a firm worth V is drawn with radius √V × scale. */
  get scale(): number {
    return this.packing?.scale ?? 0;
  }

  /** The zoom: the amount ($M) the legend's circle stands for. */
  get reference(): number {
    return this.packing?.reference ?? 0;
  }

  get animating(): boolean {
    for (const b of this.bubbles.values()) if (this.scene.tweens.isTweening(b.drawn)) return true;
    return this.pops.active;
  }

  firmAt(x: number, y: number): string | null {
    // Smallest first: a speck drawn next to a big bubble stays clickable.
    // A speck still gets a target the size of a fingertip.
    const hits = [...this.bubbles.entries()].filter(([, b]) => (x - b.drawn.x) ** 2 + (y - b.drawn.y) ** 2 <= Math.max(b.drawn.radius, 8) ** 2);
    hits.sort(([, a], [, b]) => a.drawn.radius - b.drawn.radius);
    return hits[0]?.[0] ?? null;
  }

  destroy(): void {
    this.scene.scale.off(Phaser.Scale.Events.RESIZE, this.resized, this);
    this.scene.events.off(Phaser.Scenes.Events.POST_UPDATE, this.redrawIfMoved, this);
    this.throttle.destroy();
    this.bubbles.clear();
    this.graphics.destroy();
    this.pops.destroy();
  }

  private moved(): void {
    this.dirty = true;
  }

  private redrawIfMoved(): void {
    if (this.dirty) this.redraw();
    if (this.labels.settling && !this.animating) this.labels.settle(false);
  }

  private redraw(): void {
    this.dirty = false;
    this.graphics.clear();
    drawBubbles(
      this.graphics,
      this.order.flatMap((id) => this.bubbles.get(id) ?? []),
      this.pointed,
    );
  }

  private previousCentre(firmId: string): Point | null {
    const b = this.bubbles.get(firmId);
    return b ? { x: b.target.x, y: b.target.y } : null;
  }

  /** The field changed size (a rotated phone, a resized window): the same market, laid out afresh at the same zoom. */
  private resized(gameSize: Phaser.Structs.Size): void {
    const size = { width: gameSize.width, height: gameSize.height };
    if (size.width < 8 || size.height < 8 || (size.width === this.size.width && size.height === this.size.height)) return;
    this.size = size;
    this.labels.resize(size);
    const reference = this.packing?.reference;
    this.packing = null;
    for (const b of this.bubbles.values()) this.scene.tweens.killTweensOf(b.drawn);
    this.bubbles.clear();
    if (this.shown.length === 0) return;
    // A fresh layout in the new shape, keeping the zoom if it still fits.
    this.packing = reference ? { centres: [], scale: 0, reference } : null;
    this.show(this.shown, false, false);
  }

  private remove(firmId: string, animate: boolean): void {
    const bubble = this.bubbles.get(firmId);
    if (!bubble) return;
    if (animate) {
      const { x, y, radius } = bubble.drawn;
      this.pops.burst(x, y, radius * 0.6, Math.min(2 * MAX_DROPLETS, 10 + radius), BUBBLE.delisted);
    }
    this.scene.tweens.killTweensOf(bubble.drawn);
    this.bubbles.delete(firmId);
  }
}
