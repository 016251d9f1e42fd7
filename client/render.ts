/**
 * Renderer strings of CPU rasterisers (SwiftShader, llvmpipe, Microsoft's Basic Render
 * Driver): a headless browser, a virtual machine, a school laptop without a GPU driver. Pure,
 * for tests; `softwareWebGL()` in game.ts reads the string from a throwaway WebGL context.
 */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|basic render driver|software/i.test(renderer);
}

export type RendererChoice = "canvas" | "webgl";

/**
 * Which Phaser renderer draws the bubble field. On a GPU, WebGL. Where WebGL runs on the CPU
 * the Canvas renderer: the browser's 2D canvas is rasterised on the CPU by Skia, which is
 * built for it, while every software-WebGL frame pays for a full pipeline (the cheapest frame,
 * one quad, costs ~33 ms at 1280×720 on SwiftShader here). Measured with
 * `npm run bench:frames` (README, "Frame rate"). `?renderer=canvas|webgl` in the address
 * overrides the choice (the bench runs both).
 */
export function chooseRenderer(rendererString: string | null, override: string | null): RendererChoice {
  if (override === "canvas" || override === "webgl") return override;
  if (rendererString === null) return "canvas"; // no WebGL at all
  return isSoftwareRenderer(rendererString) ? "canvas" : "webgl";
}
