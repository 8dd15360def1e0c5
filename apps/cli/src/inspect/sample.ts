/**
 * Sampling the batch, as inspectors do (抽检): N at random (seeded: the same seed gives the same
 * sample, so a reopened batch is the same queue), the N lowest automatic scores, or N per agent.
 */

export const STRATEGIES = ['random', 'lowest-score', 'per-agent'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export interface Sampleable {
  readonly score: number;
  readonly agent: string;
}

export interface SampleOptions {
  /** How many (per agent for per-agent); undefined = all. */
  n: number | undefined;
  strategy: Strategy;
  seed: string;
}

/**
 * The sampled items. random keeps the batch order; lowest-score is in ascending score (ties in
 * batch order); per-agent groups agents in order of first appearance, batch order inside.
 */
export function sample<T extends Sampleable>(items: readonly T[], o: SampleOptions): T[] {
  if (o.n === undefined) return o.strategy === 'lowest-score' ? byScore(items) : [...items];
  const n = Math.max(0, o.n);
  switch (o.strategy) {
    case 'random':
      return pick(items.map((_, i) => i), n, rng(o.seed)).map((i) => items[i]!);
    case 'lowest-score':
      return byScore(items).slice(0, n);
    case 'per-agent': {
      const groups = new Map<string, number[]>();
      items.forEach((item, i) => {
        const g = groups.get(item.agent);
        if (g) g.push(i);
        else groups.set(item.agent, [i]);
      });
      const random = rng(o.seed);
      return [...groups.values()].flatMap((g) => pick(g, n, random)).map((i) => items[i]!);
    }
  }
}

function byScore<T extends Sampleable>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.score - b.item.score || a.i - b.i)
    .map((x) => x.item);
}

/** n of the indices, uniformly (partial Fisher-Yates), returned in ascending order. */
function pick(indices: readonly number[], n: number, random: () => number): number[] {
  if (n >= indices.length) return [...indices];
  const a = [...indices];
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, n).sort((x, y) => x - y);
}

/** mulberry32, seeded with the FNV-1a hash of the seed text. */
export function rng(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
