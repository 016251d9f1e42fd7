import Phaser from "phaser";
import { cssColour } from "./palette.js";

/** A disc of one colour: the Canvas renderer cannot tint, so each colour has its own texture. */
function dot(colour: number): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 8;
  const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
  ctx.fillStyle = cssColour(colour);
  ctx.beginPath();
  ctx.arc(4, 4, 3.5, 0, Math.PI * 2);
  ctx.fill();
  return canvas;
}

/**
 * Bursts of droplets flying off a bubble's rim: narrative popped in a correction, or a whole
 * firm gone when it is delisted. One emitter per colour serves every burst of that colour.
 */
export class Pops {
  private readonly emitters = new Map<number, Phaser.GameObjects.Particles.ParticleEmitter>();
  /** The rim the next particles are born on (set just before each burst). */
  private rim = { x: 0, y: 0, r: 0, angle: 0 };

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly depth: number,
  ) {}

  private emitter(colour: number): Phaser.GameObjects.Particles.ParticleEmitter {
    const existing = this.emitters.get(colour);
    if (existing) return existing;
    const key = `sos-dot-${colour.toString(16)}`;
    if (!this.scene.textures.exists(key)) this.scene.textures.addCanvas(key, dot(colour));
    const rim = this.rim;
    const emitter = this.scene.add.particles(0, 0, key, {
      emitting: false,
      lifespan: { min: 500, max: 900 },
      speed: { min: 40, max: 140 },
      // Outward from the centre, through the point on the rim where the droplet is born.
      angle: { onEmit: () => Phaser.Math.RadToDeg(rim.angle) + Phaser.Math.Between(-15, 15) },
      scale: { start: 0.9, end: 0.2 },
      alpha: { start: 0.9, end: 0 },
      emitZone: {
        type: "random",
        source: {
          getRandomPoint(point: Phaser.Types.Math.Vector2Like) {
            rim.angle = Math.random() * Math.PI * 2;
            point.x = Math.cos(rim.angle) * rim.r;
            point.y = Math.sin(rim.angle) * rim.r;
          },
        },
      },
    });
    emitter.setDepth(this.depth);
    this.emitters.set(colour, emitter);
    return emitter;
  }

  /** `count` droplets in `colour` from the rim of the circle at (x, y) with radius `r`. */
  burst(x: number, y: number, r: number, count: number, colour: number): void {
    if (count <= 0) return;
    this.rim.x = x;
    this.rim.y = y;
    this.rim.r = r;
    this.emitter(colour).explode(Math.round(count), x, y);
  }

  get active(): boolean {
    for (const emitter of this.emitters.values()) if (emitter.getAliveParticleCount() > 0) return true;
    return false;
  }

  destroy(): void {
    for (const emitter of this.emitters.values()) emitter.destroy();
    this.emitters.clear();
  }
}
