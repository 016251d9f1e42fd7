import Phaser from "phaser";

/** First scene: nothing to load; hands over to the Preloader. */
export class Boot extends Phaser.Scene {
  constructor() {
    super("Boot");
  }

  create(): void {
    this.scene.start("Preloader");
  }
}
