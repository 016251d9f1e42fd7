import type Phaser from "phaser";
import { FieldLabels } from "./FieldLabels.js";
import type { FirmFigures } from "./figures.js";
import type { Rect } from "./layout.js";
import { Pops } from "./Pops.js";
import { type Packing, type Point, packCircles } from "./packing.js";
import { BUBBLE } from "./palette.js";

/** A bubble as the debug hook reports it: where it is drawn once the tweens end (game px). */
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
const BADGE_R = 6; // px, the "submitted" tick

interface Shape {
  x: number;
  y: number;
  radius: number;
  core: number;
}

/** One firm: a see-through shell (valuation), a solid core (fundamentals), marks. */
class Bubble {
  readonly drawn: Shape;
  target: Shape;
  figures: FirmFigures;
  private readonly shell: Phaser.GameObjects.Arc;
  private readonly core: Phaser.GameObjects.Arc;
  private readonly ring: Phaser.GameObjects.Arc | null;
  private readonly badge: Phaser.GameObjects.Graphics;

  constructor(scene: Phaser.Scene, shape: Shape, figures: FirmFigures) {
    this.drawn = { ...shape };
    this.target = { ...shape };
    this.figures = figures;
    this.shell = scene.add.circle(0, 0, 1, BUBBLE.shell, BUBBLE.shellAlpha).setStrokeStyle(1.5, BUBBLE.shell, BUBBLE.rimAlpha);
    this.core = scene.add.circle(0, 0, 1, BUBBLE.core, 1);
    this.ring = figures.mine ? scene.add.circle(0, 0, 1).setStrokeStyle(3, BUBBLE.mine, 1) : null;
    this.badge = scene.add.graphics();
    this.badge.fillStyle(BUBBLE.submitted, 1).fillCircle(0, 0, BADGE_R);
    this.badge.lineStyle(2, 0xffffff, 1).beginPath().moveTo(-3, 0).lineTo(-1, 2.5).lineTo(3, -2.5).strokePath();
    this.apply();
  }

  /** Puts the Phaser objects where `drawn` says. */
  apply(): void {
    const { x, y, radius, core } = this.drawn;
    this.shell.setPosition(x, y).setRadius(Math.max(0.5, radius));
    this.core
      .setPosition(x, y)
      .setRadius(Math.max(0, core))
      .setVisible(core > 0.25);
    this.ring?.setPosition(x, y).setRadius(Math.max(0.5, radius) + 2);
    // The tick sits on the rim at one o'clock, where it hides the least.
    this.badge.setPosition(x + radius * Math.SQRT1_2, y - radius * Math.SQRT1_2).setVisible(this.figures.submitted);
  }

  contains(px: number, py: number): boolean {
    const { x, y, radius } = this.drawn;
    return (px - x) ** 2 + (py - y) ** 2 <= Math.max(radius, 8) ** 2;
  }

  destroy(): void {
    for (const o of [this.shell, this.core, this.ring, this.badge]) o?.destroy();
  }
}

/**
 * The field of bubbles, one per listed firm: area ∝ valuation, core area ∝ fundamentals. On
 * each report the bubbles tween to their new sizes; in a correction the shells that shrank
 * burst droplets; a delisted firm's bubble bursts and goes.
 */
export class BubbleField {
  readonly labels: FieldLabels;
  private readonly bubbles = new Map<string, Bubble>();
  private readonly pops: Pops;
  private packing: Packing | null = null;
  private order: string[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly rect: Rect,
    onSelect: (firmId: string) => void,
  ) {
    this.labels = new FieldLabels({ width: rect.width, height: rect.height });
    this.pops = new Pops(scene, 10);
    scene.input.on("pointermove", (p: Phaser.Input.Pointer) => {
      scene.input.setDefaultCursor(this.firmAt(p.x, p.y) ? "pointer" : "default");
    });
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
    const listed = firms.filter((f) => !f.delisted && f.valuation > 0);
    const radii = listed.map((f) => Math.sqrt(f.valuation));
    const previousCentres = listed.map((f) => this.previousCentre(f.firmId));
    const packing = packCircles(radii, this.rect, {
      gap: GAP,
      previous: this.packing ? { centres: previousCentres, scale: this.packing.scale } : undefined,
    });
    this.packing = packing;
    this.order = listed.map((f) => f.firmId);

    for (const gone of firms.filter((f) => f.delisted || f.valuation <= 0)) this.remove(gone.firmId, animate);
    listed.forEach((figures, i) => {
      const centre = packing.centres[i] as Point;
      const radius = (radii[i] as number) * packing.scale;
      const core = Math.sqrt(Math.min(figures.fundamentals, figures.valuation)) * packing.scale;
      const target = { x: this.rect.x + centre.x, y: this.rect.y + centre.y, radius, core };
      let bubble = this.bubbles.get(figures.firmId);
      if (!bubble) {
        bubble = new Bubble(this.scene, target, figures);
        this.bubbles.set(figures.firmId, bubble);
      }
      const shrank = target.radius < bubble.target.radius - 0.5;
      const lostArea = bubble.target.radius ** 2 - target.radius ** 2;
      bubble.figures = figures;
      bubble.target = target;
      this.scene.tweens.killTweensOf(bubble.drawn);
      if (animate) {
        if (correction && shrank) this.pops.burst(bubble.drawn.x, bubble.drawn.y, bubble.drawn.radius, 6 + lostArea / 120, BUBBLE.pop);
        const b = bubble;
        this.scene.tweens.add({ targets: b.drawn, ...target, duration: TWEEN_MS, ease: "Cubic.easeInOut", onUpdate: () => b.apply() });
      } else {
        Object.assign(bubble.drawn, target);
      }
      bubble.apply();
    });
    this.labels.show(
      listed,
      listed.map((f) => {
        const t = (this.bubbles.get(f.firmId) as Bubble).target;
        return { x: t.x - this.rect.x, y: t.y - this.rect.y, r: t.radius };
      }),
    );
  }

  /** Updates what changes between reports (the submitted ticks) without moving anything. */
  mark(firms: readonly FirmFigures[]): void {
    for (const figures of firms) {
      const bubble = this.bubbles.get(figures.firmId);
      if (!bubble || bubble.figures.submitted === figures.submitted) continue;
      bubble.figures = { ...bubble.figures, submitted: figures.submitted };
      bubble.apply();
    }
  }

  /** Target positions and sizes (what is drawn once the tweens end), in game pixels. */
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

  get animating(): boolean {
    for (const b of this.bubbles.values()) if (this.scene.tweens.isTweening(b.drawn)) return true;
    return this.pops.active;
  }

  firmAt(x: number, y: number): string | null {
    // Smallest first: a speck drawn next to a big bubble stays clickable.
    const hits = [...this.bubbles.entries()].filter(([, b]) => b.contains(x, y));
    hits.sort(([, a], [, b]) => a.drawn.radius - b.drawn.radius);
    return hits[0]?.[0] ?? null;
  }

  destroy(): void {
    for (const b of this.bubbles.values()) b.destroy();
    this.bubbles.clear();
    this.pops.destroy();
  }

  private previousCentre(firmId: string): Point | null {
    const b = this.bubbles.get(firmId);
    return b ? { x: b.target.x - this.rect.x, y: b.target.y - this.rect.y } : null;
  }

  private remove(firmId: string, animate: boolean): void {
    const bubble = this.bubbles.get(firmId);
    if (!bubble) return;
    if (animate) {
      const { x, y, radius } = bubble.drawn;
      this.pops.burst(x, y, radius * 0.6, 10 + radius * 1.5, BUBBLE.delisted);
    }
    this.scene.tweens.killTweensOf(bubble.drawn);
    bubble.destroy();
    this.bubbles.delete(firmId);
  }
}
