/**
 * Seeded pseudo-random generator (sfc32) whose whole state is four uint32 numbers, so it
 * lives inside the plain-JSON game state and survives a JSON round trip.
 */
export interface RngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** Hashes any string or number seed into a generator state (cyrb128). */
export function seedRng(seed: string | number): RngState {
  const text = String(seed);
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  // Signed 32-bit words: the same bits as unsigned ones to every operation of nextUint32 (each reads them through
  // `| 0`, `^`, `<<` or `>>>`), and each is overwritten by the draws below. V8 keeps the fields as small integers
  // only if no field ever holds a number beyond 2^31 − 1; one unsigned seed word would box all four of every
  // generator for good (every draw then reads and writes heap numbers).
  const rng = { a: h1 ^ h2 ^ h3 ^ h4, b: h2 ^ h1, c: h3 ^ h1, d: h4 ^ h1 };
  for (let i = 0; i < 12; i++) nextUint32(rng);
  return rng;
}

/** Advances the generator in place and returns a uint32. */
export function nextUint32(rng: RngState): number {
  const t = (((rng.a + rng.b) | 0) + rng.d) | 0;
  rng.d = (rng.d + 1) | 0;
  rng.a = rng.b ^ (rng.b >>> 9);
  rng.b = (rng.c + (rng.c << 3)) | 0;
  rng.c = (rng.c << 21) | (rng.c >>> 11);
  rng.c = (rng.c + t) | 0;
  return t >>> 0;
}

/** Uniform in [0, 1). */
export function nextFloat(rng: RngState): number {
  return nextUint32(rng) / 4294967296;
}

/** Uniform in [min, max). */
export function nextRange(rng: RngState, min: number, max: number): number {
  return min + (max - min) * nextFloat(rng);
}

/** Uniform integer in [min, max] inclusive. */
export function nextInt(rng: RngState, min: number, max: number): number {
  return min + Math.floor(nextFloat(rng) * (max - min + 1));
}

/** Standard normal draw (Box–Muller; uses two uniforms). */
export function nextNormal(rng: RngState): number {
  // Two `nextUint32` steps written out with the four words in locals (read once, written once): the same words in
  // the same order as `1 - nextFloat(rng)` then `nextFloat(rng)`, so the same bits.
  let a = rng.a;
  let b = rng.b;
  let c = rng.c;
  const d = rng.d;
  const first = (((a + b) | 0) + d) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  c = (c + first) | 0;
  const second = (((a + b) | 0) + ((d + 1) | 0)) | 0;
  rng.d = (d + 2) | 0;
  rng.a = b ^ (b >>> 9);
  rng.b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  rng.c = (c + second) | 0;
  const u = 1 - (first >>> 0) / 4294967296;
  const v = (second >>> 0) / 4294967296;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A mean-one lognormal draw: exp(σ·z − σ²/2) for a standard normal z, so σ is the spread of its
 * log and its mean is 1. σ = 0 returns 1 without drawing (the generator does not move).
 */
export function nextLuck(rng: RngState, sigma: number): number {
  return sigma > 0 ? Math.exp(sigma * nextNormal(rng) - (sigma * sigma) / 2) : 1;
}

/** Picks an index with probability proportional to its weight. */
export function pickWeighted(rng: RngState, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let u = nextFloat(rng) * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i] as number;
    if (u < 0) return i;
  }
  return weights.length - 1;
}

export function cloneRng(rng: RngState): RngState {
  return { a: rng.a, b: rng.b, c: rng.c, d: rng.d };
}
