/**
 * Renderer strings of CPU rasterisers (SwiftShader, llvmpipe, Microsoft's Basic Render
 * Driver): a headless browser, a virtual machine, a school laptop without a GPU driver. There
 * every pixel of a multisampled frame costs CPU time (the market's correction frames take
 * about twice as long with multisampling), so the game turns multisampling off; on a GPU it
 * stays on. Pure, for tests; game.ts reads the string from a throwaway WebGL context.
 */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|basic render driver|software/i.test(renderer);
}
