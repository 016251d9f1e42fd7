import Phaser from "phaser";

const DOT = "sos-dot";

/** A white disc with soft edges, tinted per burst. */
function dot(): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 8;
  const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
  ctx.fillStyle = "#ffffff";
  ctx.beginPath();
  ctx.arc(4, 4, 3.5, 0, Math.PI * 2);
  ctx.fill();
  return canvas;
}

/**
 * Bursts of droplets flying off a bubble's rim: narrative popped in a correction, or a whole
 * firm gone when it is delisted. One emitter serves every burst.
 */
export class Pops {
  private readonly emitter: Phaser.GameObjects.Particles.ParticleEmitter;
  /** The rim the next particles are born on (set just before each burst). */
  private rim = { x: 0, y: 0, r: 0, angle: 0 };

  constructor(scene: Phaser.Scene, depth: number) {
    if (!scene.textures.exists(DOT)) scene.textures.addCanvas(DOT, dot());
    const rim = this.rim;
    this.emitter = scene.add.particles(0, 0, DOT, {
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
    this.emitter.setDepth(depth);
  }

  /** `count` droplets in `colour` from the rim of the circle at (x, y) with radius `r`. */
  burst(x: number, y: number, r: number, count: number, colour: number): void {
    if (count <= 0) return;
    this.rim.x = x;
    this.rim.y = y;
    this.rim.r = r;
    this.emitter.setParticleTint(colour);
    this.emitter.explode(Math.round(count), x, y);
  }

  get active(): boolean {
    return this.emitter.getAliveParticleCount() > 0;
  }

  destroy(): void {
    this.emitter.destroy();
  }
}
