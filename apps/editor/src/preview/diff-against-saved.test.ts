import { describe, expect, it } from 'vitest';
import { describeConversationDiff, diffAgainstSaved, signed } from './diff-against-saved';
import type { PreviewFinding, PreviewResult } from './protocol';

const finding = (key: string, points = 5): PreviewFinding => ({
  key,
  ruleId: key.split('#')[0]!,
  messageIndex: 0,
  start: 0,
  end: 1,
  points,
  rulePoints: points,
  pending: false,
  veto: false,
  evidence: 'x',
  message: 'm',
});

const result = (id: string, score: number, keys: string[], grade = 'A'): PreviewResult => ({
  id,
  score,
  maxScore: 100,
  grade,
  vetoed: false,
  findings: keys.map((k) => finding(k)),
});

const words = {
  findings: (n: number) => `${n > 0 ? '+' : '-'}${Math.abs(n)} findings`,
  points: (n: number) => `${n > 0 ? '+' : '-'}${Math.abs(n)} points`,
  on: (id: string, parts: string) => `${parts} on ${id}`,
  separator: ', ',
};

describe('diff against the saved pack', () => {
  const saved = new Map([
    ['c-1', result('c-1', 95, ['r.a#0:0-1'])],
    ['c-2', result('c-2', 100, [])],
    ['c-3', result('c-3', 90, ['r.a#1:0-2', 'r.b#2:0-1'])],
  ]);

  it('lists only changed conversations, with findings added and removed and the score delta', () => {
    const d = diffAgainstSaved(saved, [
      result('c-1', 95, ['r.a#0:0-1']),
      result('c-2', 90, ['r.c#3:1-4', 'r.c#5:0-2'], 'B'),
      result('c-3', 95, ['r.a#1:0-2']),
    ]);
    expect(d.changed.map((c) => c.id)).toEqual(['c-2', 'c-3']);
    expect(d.changed[0]).toMatchObject({ added: 2, removed: 0, scoreDelta: -10, gradeBefore: 'A', gradeAfter: 'B', addedKeys: ['r.c#3:1-4', 'r.c#5:0-2'] });
    expect(d.changed[1]).toMatchObject({ added: 0, removed: 1, scoreDelta: 5 });
    expect(d).toMatchObject({ added: 2, removed: 1, scoreDelta: -5 });
  });

  it('says "+2 findings, -5 points on c-017"', () => {
    const d = diffAgainstSaved(new Map([['c-017', result('c-017', 100, [])]]), [result('c-017', 95, ['a#1:0-1', 'b#2:0-1'])]);
    expect(describeConversationDiff(d.changed[0]!, words)).toBe('+2 findings, -5 points on c-017');
  });

  it('counts a score change without finding changes (points edited) and avoids float noise', () => {
    const before = new Map([['c', result('c', 96.7, ['r#0:0-1'])]]);
    const d = diffAgainstSaved(before, [result('c', 96.6, ['r#0:0-1'])]);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]!.scoreDelta).toBe(-0.1);
    expect(describeConversationDiff(d.changed[0]!, words)).toBe('-0.1 points on c');
  });

  it('treats a conversation unknown to the saved run as starting from the maximum score', () => {
    const d = diffAgainstSaved(new Map(), [result('new', 90, ['r#0:0-1'])]);
    expect(d.changed[0]).toMatchObject({ added: 1, removed: 0, scoreDelta: -10 });
  });

  it('signs numbers', () => {
    expect([signed(2), signed(-5), signed(0)]).toEqual(['+2', '-5', '0']);
  });
});
