import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type ReviewStore } from '../src/index.js';
import { AUTO, PACK, conversation, tempDir } from './helpers.js';

let store: ReviewStore;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  store = openStore(join(t.dir, 'reviews.db'));
  store.recordConversation(conversation('c1'));
  const { hash } = store.recordPack(PACK);
  const r = store.openReview('c1', 'alice', hash, AUTO);
  const d = store.appendDecision(r, { kind: 'confirm', findingKey: 'rude@3' });
  store.appendDecision(r, { kind: 'undo', target: d.id });
  store.submitReview(r, { score: 95, grade: '优秀', vetoed: false });
});
afterEach(() => {
  store.close();
  cleanup();
});

const APPEND_ONLY = ['decisions', 'submissions', 'review_findings', 'submission_findings'];
const A_COLUMN: Record<string, string> = { decisions: 'at', submissions: 'score', review_findings: 'points', submission_findings: 'points' };

describe('append-only records', () => {
  it.each(APPEND_ONLY)('the schema refuses UPDATE and DELETE on %s', (table) => {
    const before = store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number };
    expect(before.n).toBeGreaterThan(0);
    expect(() => store.db.prepare(`UPDATE ${table} SET ${A_COLUMN[table]} = ${A_COLUMN[table]}`).run()).toThrow(/append-only/);
    expect(() => store.db.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only/);
    expect(store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual(before);
  });

  it('an undo is a new record: the undone decision is still there, unchanged', () => {
    const log = store.decisionsFor('c1');
    expect(log.map((d) => d.kind)).toEqual(['confirm', 'undo']);
    expect(log[1]).toMatchObject({ kind: 'undo', target: log[0]!.id });
  });

  it('no source file UPDATEs or DELETEs an append-only table', () => {
    const src = join(import.meta.dirname, '..', 'src');
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = readFileSync(join(src, f), 'utf8');
      for (const table of APPEND_ONLY) {
        expect(text, f).not.toMatch(new RegExp(`UPDATE\\s+(OR\\s+\\w+\\s+)?${table}\\b`, 'i'));
        expect(text, f).not.toMatch(new RegExp(`DELETE\\s+FROM\\s+${table}\\b`, 'i'));
        expect(text, f).not.toMatch(new RegExp(`(REPLACE|INSERT\\s+OR\\s+REPLACE)\\s+INTO\\s+${table}\\b`, 'i'));
      }
    }
  });
});
