/**
 * Per-inspector session state: where the inspector was (conversation, message, finding, queue
 * filter and sort), so reopening the app resumes exactly there. One small JSON blob per inspector,
 * overwritten on every move (an upsert is one committed transaction; cheap in WAL mode).
 */
import type { Database, Statement } from 'better-sqlite3';
import { StoreError } from './errors.js';

export interface SessionState {
  conversationId?: string;
  messageIndex?: number;
  findingIndex?: number;
  /** The queue view: whatever filter and sort the terminal app uses. */
  queue?: { filter?: unknown; sort?: unknown };
  [extra: string]: unknown;
}

/** The state is small by design; refuse anything that is clearly not a cursor. */
export const MAX_SESSION_BYTES = 64 * 1024;

export class Sessions {
  private readonly upsert: Statement<[string, string, number]>;
  private readonly select: Statement<[string], { state: string; updated_at: number }>;

  constructor(
    db: Database,
    private readonly now: () => number,
  ) {
    this.upsert = db.prepare(
      `INSERT INTO sessions (inspector, state, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (inspector) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    );
    this.select = db.prepare('SELECT state, updated_at FROM sessions WHERE inspector = ?');
  }

  save(inspector: string, state: SessionState): void {
    if (typeof inspector !== 'string' || inspector.length === 0) throw new StoreError('saveSession: inspector must be a non-empty string');
    if (state === null || typeof state !== 'object' || Array.isArray(state)) throw new StoreError('saveSession: state must be an object');
    const json = JSON.stringify(state);
    if (Buffer.byteLength(json) > MAX_SESSION_BYTES) throw new StoreError(`saveSession: state is over ${MAX_SESSION_BYTES} bytes`);
    this.upsert.run(inspector, json, this.now());
  }

  load(inspector: string): SessionState | undefined {
    const row = this.select.get(inspector);
    return row ? (JSON.parse(row.state) as SessionState) : undefined;
  }

  /** When the inspector's session was last saved (epoch ms), if ever. */
  updatedAt(inspector: string): number | undefined {
    return this.select.get(inspector)?.updated_at;
  }
}
