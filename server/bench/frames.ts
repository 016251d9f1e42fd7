/**
 * Frame times of the market view: N synthetic firms (default 40) animating a boom and a
 * correction in headless Chromium, with each of Phaser's renderers: Canvas (what the game
 * picks where WebGL runs on the CPU, as SwiftShader does here) and WebGL (what it picks on a
 * GPU; here, software WebGL).
 *
 *   tsx server/bench/frames.ts [--firms 40] [--cycles 6] [--viewport 1280x720]
 *                              [--renderer canvas|webgl|both] [--msaa on|off|both]
 *
 * It builds the client with the bench page (client/market/bench/frames.html) into
 * test-results/frames-build, serves it on a free port, and for each cycle publishes a boom
 * quarter, waits for it to settle, then publishes a correction and records every frame's
 * interval (requestAnimationFrame) until the tweens and bursts are over. It prints p50, p95
 * and max frame time for the idle field, the boom and the correction, the same correction
 * with the canvas hidden (what the HTML alone costs), and two floors drawn with bare WebGL on a
 * canvas of the same size, no Phaser: one full-size quad a frame, and 40 pulsing bubbles in
 * one draw call. `--msaa` (WebGL only) runs multisampled ("on", the game's setting on a GPU),
 * without ("off", its setting on a CPU rasteriser), or both; default off. Goals: p95 ≤ 17 ms
 * (60 fps) on a GPU, p95 ≤ 50 ms on a software renderer.
 */
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import express from "express";
import { chromium, type Page } from "playwright-core";

const ROOT = path.resolve(import.meta.dirname, "../..");
const OUT_DIR = path.join(ROOT, "test-results", "frames-build");
const PAGE = "market/bench/frames.html";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const { values } = parseArgs({
  options: {
    firms: { type: "string", default: "40" },
    cycles: { type: "string", default: "6" },
    viewport: { type: "string", default: "1280x720" },
    msaa: { type: "string", default: "off" },
    renderer: { type: "string", default: "both" },
  },
});
const msaaModes = values.msaa === "both" ? [true, false] : [values.msaa === "on"];
const renderers = values.renderer === "both" ? (["canvas", "webgl"] as const) : ([values.renderer === "webgl" ? "webgl" : "canvas"] as const);
const firms = Number(values.firms);
const cycles = Number(values.cycles);
const [width, height] = (values.viewport ?? "1280x720").split("x").map(Number) as [number, number];

async function buildBenchPage(): Promise<void> {
  const { build } = await import("vite");
  await build({
    configFile: path.join(ROOT, "vite.config.ts"),
    logLevel: "warn",
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      rolldownOptions: { input: { index: path.join(ROOT, "client/index.html"), frames: path.join(ROOT, "client", PAGE) } },
    },
  });
}

/**
 * Bare WebGL, no Phaser, one draw call a frame: either one translucent quad over the whole
 * canvas (the cheapest frame there is), or 40 bubbles (a see-through shell and a solid core
 * each, 100 segments, sizes pulsing): the best any renderer could do with this picture.
 */
const FLOOR_PAGE = (msaa: boolean, circles: boolean) => `<!doctype html><body style="margin:0;background:#10131a">
<canvas id="c" width="1280" height="720" style="display:block"></canvas><script>
const gl = document.getElementById("c").getContext("webgl", { antialias: ${msaa} });
const shader = (type, src) => { const s = gl.createShader(type); gl.shaderSource(s, src); gl.compileShader(s); return s; };
const program = gl.createProgram();
gl.attachShader(program, shader(gl.VERTEX_SHADER, "attribute vec2 p; attribute vec4 c; varying vec4 v; void main() { v = c; gl_Position = vec4(p.x / 640.0 - 1.0, 1.0 - p.y / 360.0, 0.0, 1.0); }"));
gl.attachShader(program, shader(gl.FRAGMENT_SHADER, "precision mediump float; varying vec4 v; void main() { gl_FragColor = v; }"));
gl.bindAttribLocation(program, 0, "p"); gl.bindAttribLocation(program, 1, "c");
gl.linkProgram(program); gl.useProgram(program);
gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
gl.enableVertexAttribArray(0); gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 24, 0);
gl.enableVertexAttribArray(1); gl.vertexAttribPointer(1, 4, gl.FLOAT, false, 24, 8);
gl.enable(gl.BLEND); gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
const bubbles = [];
for (let i = 0; i < 40; i++) { const x = 270 + (i % 7) * 88, y = 150 + Math.floor(i / 7) * 95; bubbles.push([x, y, 40, 0.32], [x, y, 32, 1]); }
let t = 0;
const frame = () => {
  t++;
  const data = [];
  if (${circles}) {
    for (const [x, y, r0, a] of bubbles) {
      const r = r0 * (1 + 0.1 * Math.sin(t / 8));
      for (let s = 0; s < 100; s++) {
        const a0 = (s / 100) * 6.2832, a1 = ((s + 1) / 100) * 6.2832;
        data.push(x, y, 0.34 * a, 0.71 * a, 0.91 * a, a, x + Math.cos(a0) * r, y + Math.sin(a0) * r, 0.34 * a, 0.71 * a, 0.91 * a, a, x + Math.cos(a1) * r, y + Math.sin(a1) * r, 0.34 * a, 0.71 * a, 0.91 * a, a);
      }
    }
  } else {
    for (const [x, y] of [[0, 0], [1280, 0], [0, 720], [0, 720], [1280, 0], [1280, 720]]) data.push(x, y, 0.06, 0.12, 0.18, 0.3);
  }
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array(data), gl.DYNAMIC_DRAW);
  gl.clearColor(0.06, 0.07, 0.1, 1); gl.clear(gl.COLOR_BUFFER_BIT);
  gl.drawArrays(gl.TRIANGLES, 0, data.length / 6);
  requestAnimationFrame(frame);
};
frame();
</script>`;

function serve(dir: string): Promise<Server> {
  const app = express()
    .get("/floor.html", (req, res) => {
      res.type("html").send(FLOOR_PAGE(req.query.msaa !== "0", req.query.shape === "circles"));
    })
    .use(express.static(dir));
  return new Promise((resolve) => {
    const server = app.listen(0, () => resolve(server));
  });
}

// Page scripts are strings, not functions: tsx would wrap a named function in a helper the
// page lacks, and this file is type-checked without the DOM's types.
const START_SAMPLING = `(() => {
  window.__frames = [];
  window.__sampling = true;
  let last;
  const step = (t) => {
    if (last !== undefined) window.__frames.push(t - last);
    last = t;
    if (window.__sampling) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})()`;

/** Frame intervals (ms) from requestAnimationFrame while `during` runs, and its result. */
async function sampleFrames<T>(page: Page, during: () => Promise<T>): Promise<{ frames: number[]; result: T }> {
  await page.evaluate(START_SAMPLING);
  const result = await during();
  const frames = (await page.evaluate("window.__sampling = false; window.__frames")) as number[];
  return { frames, result };
}

/** Publishes a quarter; returns the milliseconds the page spent laying it out. */
function advance(page: Page, kind: "boom" | "correction"): Promise<number> {
  return page.evaluate(`(() => {
    const t = performance.now();
    window.__bench.advance("${kind}");
    return performance.now() - t;
  })()`) as Promise<number>;
}

async function settle(page: Page): Promise<void> {
  // Generous: on a loaded machine a software-rendered frame can take a second.
  await page.waitForFunction("window.__sos && !window.__sos.animating", null, { timeout: 60_000, polling: 50 });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function summary(label: string, frames: readonly number[]): string {
  const sorted = [...frames].sort((a, b) => a - b);
  const f = (v: number) => v.toFixed(1).padStart(6);
  const over = frames.filter((v) => v > 17).length;
  return `${label.padEnd(24)} frames ${String(frames.length).padStart(5)}  p50 ${f(percentile(sorted, 50))}  p95 ${f(percentile(sorted, 95))}  max ${f(sorted.at(-1) ?? Number.NaN)} ms  (>17 ms: ${over})`;
}

if (!existsSync(CHROMIUM)) {
  console.error(`No Chromium at ${CHROMIUM}: install Debian's chromium, or set CHROMIUM_PATH.`);
  process.exit(1);
}
console.log("Building the client with the bench page…");
await buildBenchPage();
const server = await serve(OUT_DIR);
const port = (server.address() as AddressInfo).port;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-dev-shm-usage"] });

/** One run of the bench page with one renderer; returns printable lines. */
async function run(renderer: "canvas" | "webgl", msaa: boolean): Promise<string[]> {
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.goto(`http://localhost:${port}/${PAGE}?firms=${firms}&renderer=${renderer}&msaa=${msaa ? 1 : 0}`);
  await page.waitForFunction(`window.__sos && window.__sos.bubbles().length === ${firms}`, null, { timeout: 30_000 });
  // Long enough for the idle throttle to slow the game loop down (client/market/IdleThrottle.ts).
  await page.waitForTimeout(4000);
  const canvas = (await page.evaluate(`(() => { const c = document.querySelector("canvas"); return c.width + "×" + c.height; })()`)) as string;
  const type = (await page.evaluate("window.__game.renderer.type === 1 ? 'Canvas' : 'WebGL'")) as string;
  const idle = await sampleFrames(page, () => page.waitForTimeout(2000));
  const correction: number[] = [];
  const boom: number[] = [];
  const layoutMs: number[] = [];
  for (let i = 0; i < cycles; i++) {
    const up = await sampleFrames(page, async () => {
      const ms = await advance(page, "boom");
      await settle(page);
      return ms;
    });
    boom.push(...up.frames);
    layoutMs.push(up.result);
    const down = await sampleFrames(page, async () => {
      const ms = await advance(page, "correction");
      await settle(page);
      return ms;
    });
    correction.push(...down.frames);
    layoutMs.push(down.result);
  }
  // The same correction with the canvas hidden: what the HTML around it costs alone.
  await page.evaluate(`document.querySelector("canvas").style.visibility = "hidden"`);
  await sampleFrames(page, async () => {
    await advance(page, "boom");
    await settle(page);
  });
  const htmlOnly = await sampleFrames(page, async () => {
    await advance(page, "correction");
    await settle(page);
  });
  await page.close();

  const floor = async (shape: string) => {
    const floorPage = await (await browser.newContext({ viewport: { width, height } })).newPage();
    await floorPage.goto(`http://localhost:${port}/floor.html?shape=${shape}${msaa ? "" : "&msaa=0"}`);
    await floorPage.waitForTimeout(1000);
    const sampled = await sampleFrames(floorPage, () => floorPage.waitForTimeout(2000));
    await floorPage.close();
    return sampled.frames;
  };
  const floors =
    renderer === "webgl" ? [summary("  bare WebGL: one quad", await floor("quad")), summary("  bare WebGL: 40 bubbles", await floor("circles"))] : [];

  const sortedLayout = [...layoutMs].sort((a, b) => a - b);
  return [
    `${type} renderer${renderer === "webgl" ? `, multisampling ${msaa ? "on" : "off"}` : ""}, field canvas ${canvas} px:`,
    summary("  idle field", idle.frames),
    summary("  boom quarter (tweens)", boom),
    summary("  correction (pops)", correction),
    summary("  correction, no canvas", htmlOnly.frames),
    ...floors,
    `  laying out a quarter (packing, labels, tween set-up): median ${percentile(sortedLayout, 50).toFixed(1)} ms, max ${(sortedLayout.at(-1) ?? 0).toFixed(1)} ms`,
  ];
}

try {
  const renderer = await (async () => {
    const page = await browser.newPage();
    const name = (await page.evaluate(`(() => {
      const gl = document.createElement("canvas").getContext("webgl2");
      const info = gl && gl.getExtension("WEBGL_debug_renderer_info");
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : "unknown";
    })()`)) as string;
    await page.close();
    return name;
  })();
  const lines: string[] = [];
  for (const renderer of renderers) {
    for (const msaa of renderer === "webgl" ? msaaModes : [false]) lines.push(...(await run(renderer, msaa)), "");
  }
  console.log(`\n${firms} firms, viewport ${width}×${height}, ${cycles} boom/correction cycles`);
  console.log(`CPU: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, load average ${os.loadavg()[0]?.toFixed(2)}; Chromium renderer: ${renderer}\n`);
  console.log(lines.join("\n"));
} finally {
  await browser.close();
  server.close();
}
