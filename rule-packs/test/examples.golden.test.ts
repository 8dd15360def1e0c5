/**
 * Golden runs of the bundled sample chats (examples/): each file is imported, scored with the
 * standard pack at a fixed instant, and compared with examples/expected/<file>.jsonl, which was
 * written by reasoning from the spec (not copied from the engine). The rendered finding messages
 * and the pack hash are left out of the comparison.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importConversations, parseTimestamp, scoreConversation, type ImportFormat, type ScoreResult } from '@zhijian/core';
import { pack } from './support.js';

const EXAMPLES = new URL('../../examples/', import.meta.url);
const NOW = parseTimestamp('2025-06-30 12:00:00', 'Asia/Shanghai')!;

interface GoldenFinding {
  ruleId: string;
  messageIndex: number;
  start: number;
  end: number;
  evidence: string;
  points: number;
  pending?: true;
}

interface Golden {
  conversationId: string;
  score: number;
  grade: string;
  vetoed: boolean;
  findings: GoldenFinding[];
  notes: string[];
}

function project(r: ScoreResult): Golden {
  return {
    conversationId: r.conversationId,
    score: r.score,
    grade: r.grade,
    vetoed: r.vetoed,
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      messageIndex: f.messageIndex,
      start: f.start,
      end: f.end,
      evidence: f.evidence,
      points: f.points,
      ...(f.pending ? { pending: true as const } : {}),
    })),
    notes: r.notes,
  };
}

function read(file: string): string {
  return readFileSync(new URL(file, EXAMPLES), 'utf8');
}

function scoreFile(file: string, format: ImportFormat): Golden[] {
  const { conversations, problems } = importConversations(read(file), format, { timeZone: 'Asia/Shanghai' });
  expect(problems).toEqual([]);
  return conversations.map((c) => project(scoreConversation(pack, c, { now: NOW })));
}

function expected(file: string): Golden[] {
  return read(`expected/${file}.jsonl`)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Golden);
}

const runs = [
  { file: 'chats.csv', format: 'csv' as const },
  { file: 'chats.jsonl', format: 'jsonl' as const },
].map((r) => ({ ...r, actual: scoreFile(r.file, r.format), expected: expected(r.file) }));

describe.each(runs)('examples/$file', ({ actual, expected: want }) => {
  it('scores the same conversations, in file order, as the expected file lists', () => {
    expect(actual.map((r) => r.conversationId)).toEqual(want.map((r) => r.conversationId));
  });

  it.each(want.map((w) => [w.conversationId, w] as const))('%s matches its expected result', (id, w) => {
    const got = actual.find((r) => r.conversationId === id);
    expect(got).toEqual(w);
  });
});

describe('examples coverage', () => {
  const all = runs.flatMap((r) => r.expected);

  it.each(pack.rules.filter((r) => !r.manual).map((r) => r.def.id))('%s fires in at least one example conversation', (id) => {
    expect(all.some((r) => r.findings.some((f) => f.ruleId === id))).toBe(true);
  });

  it('holds clean 优秀 chats, a vetoed chat and every grade', () => {
    expect(all.filter((r) => r.findings.length === 0 && r.grade === '优秀').length).toBeGreaterThanOrEqual(5);
    expect(new Set(all.map((r) => r.grade))).toEqual(new Set(['优秀', '良好', '合格', '不合格']));
    expect(all.some((r) => r.vetoed)).toBe(true);
  });

  it('chats.csv is exactly the CSV interchange format (header, ids, local timestamps, named agents)', () => {
    const { conversations } = importConversations(read('chats.csv'), 'csv');
    expect(read('chats.csv').split('\n')[0]).toBe('conversation_id,timestamp,role,speaker,text,kind');
    expect(conversations.map((c) => c.id)).toEqual(conversations.map((_, i) => `c-${String(i + 1).padStart(3, '0')}`));
    expect(conversations.length).toBeGreaterThanOrEqual(15);
    for (const c of conversations) {
      for (const m of c.messages) {
        expect(m.ts, `${c.id}: every row has a timestamp`).toBeTypeOf('number');
        if (m.role === 'agent') expect(m.speaker, `${c.id}: agents are named`).toBeTruthy();
      }
    }
    expect(read('chats.csv').split('\n').slice(1).filter((l) => /^c-\d{3},/.test(l)).every((l) => /^c-\d{3},\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},/.test(l))).toBe(true);
  });
});
