/**
 * In-process engine figures (no file I/O, no JSON output), to separate the engine from the CLI:
 * conversations/s of evaluate + score with the standard pack, and the phrase-matching stage alone —
 * the pack-wide automaton (one scan per message) against the naive baseline (every rule's phrases
 * searched separately in every message).
 *
 * Env: BENCH_ENGINE_CONVERSATIONS (default 20000), BENCH_PACK.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePack, MessageView, scoreConversation, type CompiledPack, type Conversation } from '@zhijian/core';
import { conversations } from './generate.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const count = Number(process.env.BENCH_ENGINE_CONVERSATIONS) || 20_000;
const packJson = JSON.parse(readFileSync(process.env.BENCH_PACK ?? join(root, 'rule-packs/ecommerce-chat.zh.json'), 'utf8')) as unknown;

const convs: Conversation[] = [];
for (const c of conversations(count)) {
  convs.push({ id: c.id, channel: 'chat', timeZone: 'Asia/Shanghai', messages: c.messages.map((m) => ({ ...m })) });
}
const messages = convs.reduce((n, c) => n + c.messages.length, 0);

function cpuMs<T>(fn: () => T): { ms: number; value: T } {
  const start = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, value };
}

function scoreAll(pack: CompiledPack): number {
  let total = 0;
  for (const c of convs) total += scoreConversation(pack, c, { now: 0 }).findings.length;
  return total;
}

/** The matching stage alone: every phrase group of the pack asked on every message. */
function matchAll(pack: CompiledPack): number {
  let hits = 0;
  const groups = pack.table.groupCount;
  for (const c of convs) {
    c.messages.forEach((m, i) => {
      const view = new MessageView(i, m, pack.table);
      void view.text; // normalisation is common to both ways: keep it out of the comparison
      for (let g = 0; g < groups; g++) hits += view.groupHits(g).length;
    });
  }
  return hits;
}

const compiled = compilePack(packJson);
const naive = compilePack(packJson, { naive: true });
// Warm up both paths (JIT, OpenCC tables) before measuring.
scoreAll(compiled);
scoreAll(naive);

const full = cpuMs(() => scoreAll(compiled));
const fullNaive = cpuMs(() => scoreAll(naive));
// Normalisation is measured apart and subtracted, so the matching figures compare matching only.
const norm = cpuMs(() => {
  let n = 0;
  for (const c of convs) c.messages.forEach((m, i) => (n += new MessageView(i, m, compiled.table).text.length));
  return n;
});
const matched = cpuMs(() => matchAll(compiled));
const matchedNaive = cpuMs(() => matchAll(naive));
if (full.value !== fullNaive.value || matched.value !== matchedNaive.value) {
  throw new Error(`the naive baseline disagrees with the automaton (${full.value} vs ${fullNaive.value} findings)`);
}

const perSecond = (ms: number) => Math.round(count / (ms / 1000));
const matchOnly = (ms: number) => Math.max(1, ms - norm.ms);
console.log(`\nengine, in process (${count} conversations, ${messages} messages, ${compiled.table.patternCount} phrases in ${compiled.table.groupCount} groups; CPU time)`);
console.log(`  evaluate + score, automaton      ${perSecond(full.ms).toString().padStart(8)} conversations/s  (${(full.ms / count * 1000).toFixed(1)} µs each)`);
console.log(`  evaluate + score, naive          ${perSecond(fullNaive.ms).toString().padStart(8)} conversations/s`);
console.log(`  phrase matching only, automaton  ${(matchOnly(matched.ms) / messages * 1000).toFixed(2).padStart(8)} µs/message`);
console.log(`  phrase matching only, naive      ${(matchOnly(matchedNaive.ms) / messages * 1000).toFixed(2).padStart(8)} µs/message`);
console.log(`  matching speed-up                ${(matchOnly(matchedNaive.ms) / matchOnly(matched.ms)).toFixed(1).padStart(8)}x   whole engine: ${(fullNaive.ms / full.ms).toFixed(2)}x`);
console.log(`  normalisation                    ${(norm.ms / messages * 1000).toFixed(2).padStart(8)} µs/message`);
