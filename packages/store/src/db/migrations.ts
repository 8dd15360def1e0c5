/**
 * Versioned schema. `PRAGMA user_version` is the source of truth (it lives in the database header,
 * so it commits or rolls back with the migration's own transaction); `schema_migrations` keeps a
 * human-readable log of when each step ran.
 *
 * Rules: never edit a released step, only append a new one. Each step runs in its own
 * BEGIN IMMEDIATE transaction and re-reads the version under that lock, so two processes opening
 * the same old file at once cannot both apply it.
 */
import type { Database } from 'better-sqlite3';
import { StoreError } from '../errors.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** 'zjrv' — marks the file as a zhijian review store (PRAGMA application_id). */
export const APPLICATION_ID = 0x7a6a7276;

const APPEND_ONLY = (table: string): string => `
CREATE TRIGGER ${table}_append_only_update BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} are append-only'); END;
CREATE TRIGGER ${table}_append_only_delete BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} are append-only'); END;`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'conversations, packs, reviews, append-only decisions and submissions',
    sql: `
CREATE TABLE schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at INTEGER NOT NULL
) STRICT;

CREATE TABLE conversations (
  id            TEXT PRIMARY KEY,
  source_file   TEXT,
  agent         TEXT,
  channel       TEXT NOT NULL,
  message_count INTEGER NOT NULL,
  content_hash  TEXT NOT NULL,
  first_seen_at INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL
) STRICT;

-- The pack source JSON, once per content hash: a past review is always re-scored with it.
CREATE TABLE packs (
  hash        TEXT PRIMARY KEY,
  pack_id     TEXT NOT NULL,
  version     TEXT NOT NULL,
  json        TEXT NOT NULL,
  recorded_at INTEGER NOT NULL
) STRICT;

-- One working session of one inspector on one conversation, ending in at most one submission.
-- base_submission_id: the conversation's latest submission when the review was opened (0 = none),
-- the baseline of the optimistic conflict check.
CREATE TABLE reviews (
  id                 INTEGER PRIMARY KEY,
  conversation_id    TEXT NOT NULL REFERENCES conversations(id),
  inspector          TEXT NOT NULL,
  pack_hash          TEXT NOT NULL REFERENCES packs(hash),
  content_hash       TEXT NOT NULL,
  base_submission_id INTEGER NOT NULL DEFAULT 0,
  opened_at          INTEGER NOT NULL
) STRICT;
CREATE INDEX reviews_by_conversation ON reviews(conversation_id, inspector, id);

CREATE TABLE decisions (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id       INTEGER NOT NULL REFERENCES reviews(id),
  conversation_id TEXT NOT NULL,
  inspector       TEXT NOT NULL,
  at              INTEGER NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('confirm', 'dismiss', 'manual-add', 'manual-remove', 'comment', 'undo')),
  finding_key     TEXT,
  target_id       INTEGER REFERENCES decisions(id),
  payload         TEXT,
  CHECK ((kind = 'undo') = (target_id IS NOT NULL))
) STRICT;
CREATE INDEX decisions_by_conversation ON decisions(conversation_id, inspector, id);
${APPEND_ONLY('decisions')}

CREATE TABLE submissions (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id        INTEGER NOT NULL UNIQUE REFERENCES reviews(id),
  conversation_id  TEXT NOT NULL REFERENCES conversations(id),
  inspector        TEXT NOT NULL,
  version          INTEGER NOT NULL,
  pack_hash        TEXT NOT NULL REFERENCES packs(hash),
  content_hash     TEXT NOT NULL,
  score            REAL NOT NULL,
  max_score        REAL NOT NULL,
  grade            TEXT NOT NULL,
  vetoed           INTEGER NOT NULL CHECK (vetoed IN (0, 1)),
  submitted_at     INTEGER NOT NULL,
  seconds_spent    REAL NOT NULL,
  last_decision_id INTEGER NOT NULL DEFAULT 0,
  review_json      TEXT NOT NULL,
  UNIQUE (conversation_id, version)
) STRICT;
CREATE INDEX submissions_by_time ON submissions(submitted_at);
${APPEND_ONLY('submissions')}
`,
  },
  {
    version: 2,
    name: 'auto findings at open time, submitted findings, inspector sessions',
    // Submissions made under v1 have no recorded findings: they count in score and time reports
    // but not in per-rule or per-category figures (nothing to backfill them from).
    sql: `
CREATE TABLE review_findings (
  review_id   INTEGER NOT NULL REFERENCES reviews(id),
  finding_key TEXT NOT NULL,
  rule_id     TEXT NOT NULL,
  category    TEXT NOT NULL,
  points      REAL NOT NULL,
  pending     INTEGER NOT NULL CHECK (pending IN (0, 1)),
  PRIMARY KEY (review_id, finding_key)
) STRICT;
${APPEND_ONLY('review_findings')}

-- What a submission decided about each finding: the review's auto findings joined with the folded
-- decisions, plus the manual items. Written once at submit time; reports only GROUP BY it.
CREATE TABLE submission_findings (
  submission_id INTEGER NOT NULL REFERENCES submissions(id),
  source        TEXT NOT NULL CHECK (source IN ('auto', 'manual')),
  finding_key   TEXT NOT NULL,
  rule_id       TEXT NOT NULL,
  category      TEXT,
  points        REAL NOT NULL,
  outcome       TEXT NOT NULL CHECK (outcome IN ('confirmed', 'dismissed', 'undecided')),
  pending       INTEGER NOT NULL CHECK (pending IN (0, 1)),
  PRIMARY KEY (submission_id, source, finding_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX submission_findings_by_rule ON submission_findings(rule_id);
${APPEND_ONLY('submission_findings')}

CREATE TABLE sessions (
  inspector  TEXT PRIMARY KEY,
  state      TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The file was written by a newer zhijian: refusing is the only safe thing to do. */
export class SchemaTooNewError extends StoreError {
  override name = 'SchemaTooNewError';
  constructor(
    readonly path: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `${path} has review-store schema version ${found}, but this zhijian only knows up to version ${known}. ` +
        `It was written by a newer zhijian: upgrade zhijian to open it (nothing was changed).`,
    );
  }
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses files that are not ours, or are newer than this code. */
export function checkSchema(db: Database, path: string, migrations: readonly Migration[] = MIGRATIONS): number {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = schemaVersion(db);
  const known = migrations[migrations.length - 1]?.version ?? 0;
  if (appId !== 0 && appId !== APPLICATION_ID) {
    throw new StoreError(`${path} is an SQLite database of another application (application_id ${appId}), not a zhijian review store.`);
  }
  if (appId === 0 && version === 0) {
    const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number };
    if (tables.n > 0) throw new StoreError(`${path} is an SQLite database but not a zhijian review store (it already has tables).`);
  }
  if (version > known) throw new SchemaTooNewError(path, version, known);
  return version;
}

/**
 * Brings the database up to the last step of `migrations`. Returns the versions before and after.
 * `migrations` is a parameter so tests can build an old file with a prefix of the list.
 */
export function migrate(
  db: Database,
  path: string,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => number = Date.now,
): { from: number; to: number } {
  assertOrdered(migrations);
  const from = checkSchema(db, path, migrations);
  for (const step of migrations) {
    if (step.version <= from) continue;
    db.transaction(() => {
      if (schemaVersion(db) >= step.version) return; // another process got here first
      db.exec(step.sql);
      if (step.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(step.version, step.name, now());
      db.pragma(`user_version = ${step.version}`);
    }).immediate();
  }
  return { from, to: schemaVersion(db) };
}

export function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration #${i} has version ${m.version}, expected ${i + 1}`);
  });
}
