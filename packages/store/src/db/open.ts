/** Opens (and creates, and migrates) the SQLite file with the pragmas the store relies on. */
import { mkdirSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import { checkSchema, migrate, SCHEMA_VERSION } from './migrations.js';

/** Relative to the current working directory. */
export const DEFAULT_STORE_PATH = '.zhijian/reviews.db';

export interface OpenDatabaseOptions {
  /** Open without writing anything: no folder, no migration, no journal-mode change. */
  readonly?: boolean;
  /** How long to wait for another process's write lock, ms (default 5000). */
  busyTimeoutMs?: number;
  now?: () => number;
}

export function openDatabase(path: string = DEFAULT_STORE_PATH, options: OpenDatabaseOptions = {}): Database.Database {
  const memory = path === ':memory:';
  const file = memory ? path : resolve(path);
  const timeout = options.busyTimeoutMs ?? 5000;
  if (options.readonly) {
    if (!memory && !existsSync(file)) throw new StoreError(`no review store at ${file}`);
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout });
    try {
      const version = checkSchema(db, file);
      if (version < SCHEMA_VERSION) {
        throw new StoreError(
          `${file} has review-store schema version ${version}; this zhijian needs ${SCHEMA_VERSION}. ` +
            `Open it once without read-only to migrate it.`,
        );
      }
      db.pragma('query_only = ON');
      return db;
    } catch (e) {
      db.close();
      throw e;
    }
  }
  if (!memory) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout });
  try {
    // WAL: readers never block the writer and the writer never blocks readers, so an inspector's
    // terminal, a report and a second inspector can share one file. The mode is stored in the file.
    db.pragma('journal_mode = WAL');
    // Durability: in WAL mode with synchronous=NORMAL a COMMIT returns once its frames are written
    // to the -wal file with write(); SQLite only fsyncs at checkpoints. Data handed to write() is in
    // the operating system's page cache, which outlives the process, so a crash or SIGKILL of the
    // process loses no committed transaction. Only a power loss or kernel crash can lose the last
    // few commits (never corrupt the file): the usual trade for an interactive tool, and what
    // makes "save every decision as it is made" cheap (no fsync per keystroke).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, file, undefined, options.now);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
