/**
 * The benchmark's with / without comparison for the similarity rules: a copy of the pack without
 * the rules whose type compares sentences (similar-sentence, repeated-clause), written beside the
 * generated chats. BENCH_SIMILARITY (or --similarity) = both (default), with, or without.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SIMILARITY_TYPES: readonly string[] = ['similar-sentence', 'repeated-clause'];

export type SimilarityRuns = 'both' | 'with' | 'without';

export function similarityRuns(argv: readonly string[], env: NodeJS.ProcessEnv): SimilarityRuns {
  const i = argv.findIndex((a) => a === '--similarity' || a.startsWith('--similarity='));
  const flag = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.slice('--similarity='.length) : argv[i + 1];
  const value = flag ?? env.BENCH_SIMILARITY ?? 'both';
  if (value !== 'both' && value !== 'with' && value !== 'without') throw new Error(`bench: --similarity / BENCH_SIMILARITY must be both, with or without (got "${value}")`);
  return value;
}

/** Writes `dir/pack-without-similarity.json`; returns its path and the ids of the rules left out. */
export function packWithoutSimilarity(pack: string, dir: string): { path: string; removed: string[] } {
  const def = JSON.parse(readFileSync(pack, 'utf8')) as { rules: Array<{ id: string; type: string }> };
  const removed = def.rules.filter((r) => SIMILARITY_TYPES.includes(r.type)).map((r) => r.id);
  const path = join(dir, 'pack-without-similarity.json');
  writeFileSync(path, JSON.stringify({ ...def, rules: def.rules.filter((r) => !SIMILARITY_TYPES.includes(r.type)) }));
  return { path, removed };
}
