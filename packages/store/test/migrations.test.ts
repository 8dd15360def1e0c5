import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, SchemaTooNewError, StoreError, migrate, openStore } from '../src/index.js';
import { AUTO, PACK, clock, conversation, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const tables = (db: Database.Database): string[] =>
  (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{ name: string }>).map((r) => r.name);

describe('migrations', () => {
  it('are numbered 1..n in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('create the whole schema in an empty file, in WAL mode', () => {
    const file = join(dir, 'nested', 'reviews.db');
    const store = openStore(file);
    try {
      expect(store.schemaVersion).toBe(SCHEMA_VERSION);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(store.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(tables(store.db)).toEqual([
        'conversations', 'decisions', 'packs', 'review_findings', 'reviews', 'schema_migrations', 'sessions', 'submission_findings', 'submissions',
      ]);
      const log = store.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>;
      expect(log.map((r) => r.version)).toEqual([1, 2]);
      expect(store.integrityCheck()).toBe('ok');
    } finally {
      store.close();
    }
    // Opening again migrates nothing.
    const again = openStore(file);
    expect((again.db.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n).toBe(2);
    again.close();
  });

  it('migrate a v1 file and keep its data', () => {
    const file = join(dir, 'v1.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    expect(migrate(raw, file, MIGRATIONS.slice(0, 1))).toEqual({ from: 0, to: 1 });
    // A v1 store with a conversation, a review, two decisions and one submission.
    raw.exec(`
      INSERT INTO conversations VALUES ('c1', 'chats.csv', '小王', 'chat', 4, 'sha256:old', 1000, 1000);
      INSERT INTO packs VALUES ('sha256:p', 'test-pack', '1.0.0', '{"id":"test-pack","version":"1.0.0","rules":[]}', 1000);
      INSERT INTO reviews (id, conversation_id, inspector, pack_hash, content_hash, base_submission_id, opened_at)
        VALUES (1, 'c1', '李质检', 'sha256:p', 'sha256:old', 0, 2000);
      INSERT INTO decisions (review_id, conversation_id, inspector, at, kind, finding_key, target_id, payload)
        VALUES (1, 'c1', '李质检', 2100, 'dismiss', 'greet@1', NULL, '{"reason":"误报"}'),
               (1, 'c1', '李质检', 2200, 'confirm', 'rude@3', NULL, NULL);
      INSERT INTO submissions (review_id, conversation_id, inspector, version, pack_hash, content_hash, score, max_score, grade,
        vetoed, submitted_at, seconds_spent, last_decision_id, review_json)
        VALUES (1, 'c1', '李质检', 1, 'sha256:p', 'sha256:old', 95, 100, '优秀', 0, 3000, 1,
                2, '{"decisions":{"greet@1":"dismissed","rude@3":"confirmed"},"manual":[],"comments":[],"reasons":{"greet@1":"误报"},"lastDecisionId":2}');
    `);
    raw.close();

    const store = openStore(file);
    try {
      expect(store.schemaVersion).toBe(SCHEMA_VERSION);
      expect(store.decisionsFor('c1').map((d) => d.kind)).toEqual(['dismiss', 'confirm']);
      expect(store.decisionsFor('c1')[0]).toMatchObject({ kind: 'dismiss', findingKey: 'greet@1', reason: '误报', inspector: '李质检', at: 2100 });
      expect(store.latestSubmission('c1')).toMatchObject({ score: 95, grade: '优秀', version: 1, inspector: '李质检' });
      expect(store.queueStatus().get('c1')).toMatchObject({ status: 'reviewed', reviewer: '李质检' });
      // Tables of v2 work on the migrated file.
      store.saveSession('李质检', { conversationId: 'c1', findingIndex: 1 });
      expect(store.loadSession('李质检')).toEqual({ conversationId: 'c1', findingIndex: 1 });
      // v1 submissions have no recorded findings: they count in score reports, not rule reports.
      expect(store.reportByAgent()).toMatchObject([{ agent: '小王', conversations: 1, averageScore: 95 }]);
      expect(store.reportByRule()).toEqual([]);
      expect(store.integrityCheck()).toBe('ok');
    } finally {
      store.close();
    }
  });

  it('refuse a file written by a newer schema, with a clear message, and change nothing', () => {
    const file = join(dir, 'new.db');
    openStore(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    let error: unknown;
    try {
      openStore(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchemaTooNewError);
    expect((error as SchemaTooNewError).found).toBe(SCHEMA_VERSION + 1);
    expect((error as Error).message).toMatch(new RegExp(`schema version ${SCHEMA_VERSION + 1}.*only knows up to version ${SCHEMA_VERSION}.*upgrade zhijian`));
    expect(() => openStore(file, { readonly: true })).toThrow(SchemaTooNewError);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    check.close();
  });

  it('refuse an SQLite file that is not a review store', () => {
    const file = join(dir, 'other.db');
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    expect(() => openStore(file)).toThrow(/not a zhijian review store/);
    const foreign = new Database(join(dir, 'foreign.db'));
    foreign.pragma('application_id = 42');
    foreign.close();
    expect(() => openStore(join(dir, 'foreign.db'))).toThrow(/another application/);
  });

  it('read-only: opens a current file, refuses a missing or an older one', () => {
    expect(() => openStore(join(dir, 'missing.db'), { readonly: true })).toThrow(StoreError);
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);

    const old = join(dir, 'old.db');
    const raw = new Database(old);
    migrate(raw, old, MIGRATIONS.slice(0, 1));
    raw.close();
    expect(() => openStore(old, { readonly: true })).toThrow(/version 1; this zhijian needs 2.*without read-only/);

    const file = join(dir, 'ro.db');
    const c = clock();
    const writer = openStore(file, { now: c.now });
    writer.recordConversation(conversation('c1'));
    const pack = writer.recordPack(PACK);
    const review = writer.openReview('c1', 'a', pack.hash, AUTO);
    writer.appendDecision(review, { kind: 'confirm', findingKey: 'rude@3' });
    const reader = openStore(file, { readonly: true });
    try {
      expect(reader.decisionsFor('c1')).toHaveLength(1);
      expect(reader.queueStatus().get('c1')?.status).toBe('in-progress');
      expect(() => reader.saveSession('a', {})).toThrow(/readonly|read-only|query_only|attempt to write/i);
    } finally {
      reader.close();
      writer.close();
    }
  });

  it('default path is .zhijian/reviews.db under the working directory (folder created)', () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const store = openStore();
      store.close();
      expect(existsSync(join(dir, '.zhijian', 'reviews.db'))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });
});
