/**
 * Run settings of the property suites, from the environment:
 *  - ZHIJIAN_PROPERTY_RUNS: runs per property (default DEFAULT_PROPERTY_RUNS); CI can raise it;
 *  - ZHIJIAN_PROPERTY_SEED: replay a failure (fast-check prints the seed, and the path, on failure;
 *    @fast-check/vitest also puts the seed in the test name);
 *  - ZHIJIAN_PROPERTY_PATH: with the seed, replay exactly the shrunk counterexample;
 *  - ZHIJIAN_PROPERTY_VERBOSE: 1 or 2 for fast-check's verbose reports (every failing value met
 *    while shrinking; long with very long generated messages).
 * Failures always print the seed, the path and the shrunk counterexample.
 */
import fc from 'fast-check';

/** Runs per property by default: the whole core property suite stays well under 60 s on 2 cores. */
export const DEFAULT_PROPERTY_RUNS = 100;

function intFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return n;
}

/** Runs per property: ZHIJIAN_PROPERTY_RUNS, or the default; `scale` for properties that are costlier per run. */
export function propertyRuns(scale = 1): number {
  const runs = intFromEnv('ZHIJIAN_PROPERTY_RUNS') ?? DEFAULT_PROPERTY_RUNS;
  if (runs < 1) throw new Error('ZHIJIAN_PROPERTY_RUNS must be at least 1');
  return Math.max(1, Math.round(runs * scale));
}

/** fast-check parameters that fit any property (none of the value-typed fields: examples, reporters, plugins). */
export type PropertyParams = Omit<fc.Parameters<unknown>, 'examples' | 'reporter' | 'asyncReporter' | 'plugins'>;

/** fast-check parameters for one property: numRuns from the environment, seed and path when given. */
export function propertyParams(scale = 1, extra: PropertyParams = {}): PropertyParams {
  const seed = intFromEnv('ZHIJIAN_PROPERTY_SEED');
  const path = process.env.ZHIJIAN_PROPERTY_PATH;
  return {
    numRuns: propertyRuns(scale),
    verbose: intFromEnv('ZHIJIAN_PROPERTY_VERBOSE') ?? fc.VerbosityLevel.None,
    ...(seed !== undefined ? { seed } : {}),
    ...(path !== undefined && path !== '' ? { path } : {}),
    ...extra,
  };
}

/** A vitest timeout (ms) that grows with the number of runs. */
export function propertyTimeout(scale = 1, msPerRun = 50): number {
  return Math.max(30_000, propertyRuns(scale) * msPerRun * 4);
}
