/**
 * A small deterministic PRNG (mulberry32) seeded from text, so that a server's recap
 * for a given week makes the same random choices in `/recap preview` and in the real post.
 */
export function seededRandom(seed: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An index in [0, length) from an injected random source, safe against 1, NaN or out-of-range values. */
export function randomIndex(length: number, random: () => number): number {
  const r = random();
  const index = Number.isFinite(r) ? Math.floor(r * length) : 0;
  return Math.min(length - 1, Math.max(0, index));
}

/** One item at random; undefined for none. */
export function pickOne<T>(items: readonly T[], random: () => number): T | undefined {
  return items.length === 0 ? undefined : items[randomIndex(items.length, random)];
}

/** Fisher–Yates on a copy, driven by the injected random source. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1, random);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}
