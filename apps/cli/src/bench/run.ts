/**
 * `pnpm bench`: generates synthetic chats, then runs the built `zhijian score` on them in child
 * processes (output to /dev/null, --stats) with the standard pack: the compiled matcher on JSONL
 * and CSV, the --naive baseline, and a run 10x smaller to show that memory is flat.
 *
 * Env: BENCH_CONVERSATIONS (default 100000), BENCH_SMALL (default a tenth), BENCH_PACK, BENCH_FORMAT
 * (output format, default jsonl), BENCH_KEEP=1 keeps the generated files, BENCH_SIMILARITY (or
 * --similarity) = both | with | without: run the pack with and/or without its similarity rules
 * (similar-sentence, repeated-clause; see similarity.ts), default both.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBenchFile } from './generate.js';
import { packWithoutSimilarity, similarityRuns } from './similarity.js';

interface Stats {
  conversations: number;
  messages: number;
  seconds: number;
  conversationsPerSecond: number;
  maxRssMB: number;
}

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = fileURLToPath(new URL('../bin.js', import.meta.url));

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

function score(file: string, pack: string, extra: string[]): Promise<Stats> {
  const format = process.env.BENCH_FORMAT ?? 'jsonl';
  const args = [bin, 'score', file, '--pack', pack, '--format', format, '--stats', ...extra];
  const child = spawn(process.execPath, args, { stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      const last = stderr.trim().split('\n').pop() ?? '';
      if (code !== 0 && code !== 1) return reject(new Error(`zhijian score exited ${code}:\n${stderr}`));
      try {
        resolve(JSON.parse(last) as Stats);
      } catch {
        reject(new Error(`no --stats line in:\n${stderr}`));
      }
    });
  });
}

function row(label: string, s: Stats): string {
  return `${label.padEnd(28)} ${String(s.conversations).padStart(8)} ${String(s.messages).padStart(10)} ${s.seconds.toFixed(2).padStart(8)} ${String(s.conversationsPerSecond).padStart(10)} ${s.maxRssMB.toFixed(1).padStart(9)}`;
}

async function main(): Promise<void> {
  const pack = process.env.BENCH_PACK ?? join(root, 'rule-packs/ecommerce-chat.zh.json');
  if (!existsSync(pack)) {
    console.error(`bench: pack not found: ${pack} (set BENCH_PACK)`);
    process.exit(2);
  }
  const similarity = similarityRuns(process.argv.slice(2), process.env);
  const large = envInt('BENCH_CONVERSATIONS', 100_000);
  const small = envInt('BENCH_SMALL', Math.max(1, Math.round(large / 10)));
  const dir = mkdtempSync(join(tmpdir(), 'zhijian-bench-'));
  try {
    const files = { jsonl: join(dir, 'large.jsonl'), csv: join(dir, 'large.csv'), small: join(dir, 'small.jsonl') };
    const t0 = performance.now();
    await writeBenchFile(files.jsonl, 'jsonl', large);
    await writeBenchFile(files.csv, 'csv', large);
    await writeBenchFile(files.small, 'jsonl', small);
    const mb = (f: string): string => (statSync(f).size / 1048576).toFixed(0);
    console.log(`generated ${large} conversations (JSONL ${mb(files.jsonl)} MB, CSV ${mb(files.csv)} MB) and ${small} in ${((performance.now() - t0) / 1000).toFixed(1)} s, in ${dir}`);
    const without = packWithoutSimilarity(pack, dir);
    console.log(`pack: ${pack}${similarity === 'with' ? '' : `\nwithout similarity rules: ${without.removed.length > 0 ? without.removed.join(', ') : '(the pack has none)'}`}\n`);
    console.log(`${'run'.padEnd(28)} ${'convs'.padStart(8)} ${'messages'.padStart(10)} ${'seconds'.padStart(8)} ${'convs/s'.padStart(10)} ${'maxRSS MB'.padStart(9)}`);
    // The main runs use the pack as given, or (--similarity without) the pack without its similarity rules.
    const main = similarity === 'without' ? without.path : pack;
    const suffix = similarity === 'without' ? ', no similarity' : '';
    const runs: Array<[string, string, string, string[]]> = [
      [`jsonl ${large}${suffix}`, files.jsonl, main, []],
      [`jsonl ${large} --naive${suffix}`, files.jsonl, main, ['--naive']],
      [`csv ${large}${suffix}`, files.csv, main, []],
      [`jsonl ${small}${suffix}`, files.small, main, []],
    ];
    // With / without, run back to back twice (best of each): the cores are shared, a single pair is noisy.
    if (similarity === 'both') {
      runs.push([`jsonl ${large}, no similarity`, files.jsonl, without.path, []]);
      runs.push([`jsonl ${large} (2nd)`, files.jsonl, pack, []]);
      runs.push([`jsonl ${large}, no sim. (2nd)`, files.jsonl, without.path, []]);
    }
    const results: Stats[] = [];
    for (const [label, file, packFile, extra] of runs) {
      const s = await score(file, packFile, extra);
      results.push(s);
      console.log(row(label, s));
    }
    const [fast, naive, , tiny, plain, again, plainAgain] = results as [Stats, Stats, Stats, Stats, Stats | undefined, Stats | undefined, Stats | undefined];
    console.log(`\ncompiled matcher vs --naive: ${(fast.conversationsPerSecond / naive.conversationsPerSecond).toFixed(2)}x conversations/s`);
    console.log(`peak RSS, ${large} vs ${small} conversations: ${fast.maxRssMB.toFixed(1)} MB vs ${tiny.maxRssMB.toFixed(1)} MB (${(fast.maxRssMB / tiny.maxRssMB).toFixed(2)}x for ${(large / small).toFixed(0)}x the conversations)`);
    if (plain && again && plainAgain) {
      const best = (a: Stats, b: Stats): number => Math.max(a.conversationsPerSecond, b.conversationsPerSecond);
      const withRules = best(fast, again);
      const withoutRules = best(plain, plainAgain);
      const share = withRules / withoutRules;
      console.log(`with vs without the similarity rules (best of 2 each): ${withRules} vs ${withoutRules} conversations/s (${(share * 100).toFixed(0)}% of the throughput; budget: at least 50%)`);
    }
  } finally {
    if (process.env.BENCH_KEEP === '1') console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
