import Phaser from "phaser";

/** Game steps per second while nothing on the canvas moves: enough for scene changes. */
const IDLE_FPS = 1;
/** Steps without motion before the loop slows down. */
const STILL_STEPS = 30;

/**
 * Phaser redraws the whole canvas every frame, even when nothing moves. Where WebGL runs on
 * the CPU (SwiftShader: headless Chromium, computers without a usable GPU) a frame of 40
 * bubbles costs several display frames, and the HTML around the canvas (the decision panel)
 * is held up with it. So while the field is still, the game loop steps IDLE_FPS times a
 * second (scene changes still happen; input is handled as it arrives; the countdown keeps its
 * own timer), and anything that moves lifts the limit at once.
 */
export class IdleThrottle {
  private readonly loop: Phaser.Core.TimeStep;
  private readonly originalLimit: number;
  private limited = false;
  private still = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly busy: () => boolean,
  ) {
    this.loop = scene.game.loop;
    this.originalLimit = this.loop.fpsLimit;
    scene.events.on(Phaser.Scenes.Events.POST_UPDATE, this.check, this);
  }

  /** Something is about to move: back to the full frame rate. */
  wake(): void {
    this.still = 0;
    if (!this.limited) return;
    this.limited = false;
    this.loop.setFPSLimit(this.originalLimit);
  }

  destroy(): void {
    this.scene.events.off(Phaser.Scenes.Events.POST_UPDATE, this.check, this);
    this.wake();
  }

  private check(): void {
    if (this.busy()) {
      this.wake();
      return;
    }
    if (this.limited || ++this.still < STILL_STEPS) return;
    this.limited = true;
    this.loop.setFPSLimit(IDLE_FPS);
  }
}
