/**
 * The append-only decision log. Each append is its own committed transaction (BEGIN IMMEDIATE:
 * the checks and the INSERT see one consistent file), so a decision survives the process the
 * moment appendDecision returns. Nothing here, or anywhere, UPDATEs or DELETEs a decision (the
 * schema's triggers refuse it too): a change of mind is a new decision, an undo names the old one.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { ManualItem } from '@zhijian/core';
import { ReviewClosedError, StoreError } from './errors.js';
import { reviewStateOf, decisionKey } from './review-state.js';
import type { Catalog } from './catalog.js';

export type DecisionKind = DecisionInput['kind'];

/** What an inspector decided. Who and when are added by the store. */
export type DecisionInput =
  | { kind: 'confirm'; findingKey: string }
  | { kind: 'dismiss'; findingKey: string; reason?: string }
  | { kind: 'manual-add'; item: ManualItem }
  | { kind: 'manual-remove'; findingKey: string }
  | { kind: 'comment'; text: string; findingKey?: string }
  | { kind: 'undo'; target: number };

export interface DecisionMeta {
  id: number;
  reviewId: number;
  conversationId: string;
  inspector: string;
  /** Epoch milliseconds. */
  at: number;
}

export type DecisionRecord = DecisionMeta & DecisionInput;

interface DecisionRow {
  id: number;
  review_id: number;
  conversation_id: string;
  inspector: string;
  at: number;
  kind: DecisionKind;
  finding_key: string | null;
  target_id: number | null;
  payload: string | null;
}

interface ReviewForAppend {
  id: number;
  conversation_id: string;
  inspector: string;
  pack_hash: string;
  submitted: number;
  message_count: number;
}

export class DecisionLog {
  private readonly insertStmt: Statement;
  private readonly byConversationStmt: Statement<[string], DecisionRow>;
  private readonly byInspectorStmt: Statement<[string, string], DecisionRow>;
  private readonly byIdStmt: Statement<[number], DecisionRow>;
  private readonly reviewStmt: Statement<[number], ReviewForAppend>;
  private readonly autoKeyStmt: Statement<[number, string], { one: number }>;

  constructor(
    private readonly db: Database,
    private readonly catalog: Catalog,
    private readonly now: () => number,
  ) {
    this.insertStmt = db.prepare(
      `INSERT INTO decisions (review_id, conversation_id, inspector, at, kind, finding_key, target_id, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byConversationStmt = db.prepare('SELECT * FROM decisions WHERE conversation_id = ? ORDER BY id');
    this.byInspectorStmt = db.prepare('SELECT * FROM decisions WHERE conversation_id = ? AND inspector = ? ORDER BY id');
    this.byIdStmt = db.prepare('SELECT * FROM decisions WHERE id = ?');
    this.reviewStmt = db.prepare(
      `SELECT r.id, r.conversation_id, r.inspector, r.pack_hash, c.message_count,
              EXISTS (SELECT 1 FROM submissions s WHERE s.review_id = r.id) AS submitted
       FROM reviews r JOIN conversations c ON c.id = r.conversation_id WHERE r.id = ?`,
    );
    this.autoKeyStmt = db.prepare('SELECT 1 AS one FROM review_findings WHERE review_id = ? AND finding_key = ?');
  }

  /** Appends one decision to an open review and commits it. */
  append(reviewId: number, input: DecisionInput, options: { at?: number } = {}): DecisionRecord {
    validateInput(input);
    return this.db.transaction((): DecisionRecord => {
      const review = this.reviewStmt.get(reviewId);
      if (!review) throw new StoreError(`no review ${reviewId}`);
      if (review.submitted) throw new ReviewClosedError(reviewId);
      this.check(review, input);
      const at = options.at ?? this.now();
      const key = decisionKey(input) ?? null;
      const payload = payloadOf(input);
      const target = input.kind === 'undo' ? input.target : null;
      const info = this.insertStmt.run(reviewId, review.conversation_id, review.inspector, at, input.kind, key, target, payload);
      const id = Number(info.lastInsertRowid);
      return { ...input, id, reviewId, conversationId: review.conversation_id, inspector: review.inspector, at } as DecisionRecord;
    }).immediate();
  }

  /** The log of a conversation in order, for every inspector or for one. */
  decisionsFor(conversationId: string, inspector?: string): DecisionRecord[] {
    const rows = inspector === undefined ? this.byConversationStmt.all(conversationId) : this.byInspectorStmt.all(conversationId, inspector);
    return rows.map(toRecord);
  }

  private check(review: ReviewForAppend, input: DecisionInput): void {
    switch (input.kind) {
      case 'confirm':
      case 'dismiss':
        if (!this.autoKeyStmt.get(review.id, input.findingKey)) {
          throw new StoreError(`review ${review.id} has no auto finding ${input.findingKey}`);
        }
        return;
      case 'manual-add': {
        const { ruleId, messageIndex } = input.item;
        if (this.catalog.ruleInfo(review.pack_hash, ruleId) === undefined) {
          throw new StoreError(`the review's pack has no rule ${ruleId}`);
        }
        if (messageIndex >= review.message_count) {
          throw new StoreError(`conversation ${review.conversation_id} has no message ${messageIndex} (it has ${review.message_count})`);
        }
        return;
      }
      case 'manual-remove': {
        const state = reviewStateOf(this.decisionsFor(review.conversation_id, review.inspector));
        if (!state.manual.some((m) => decisionKey({ kind: 'manual-add', item: m }) === input.findingKey)) {
          throw new StoreError(`no manual item ${input.findingKey} to remove`);
        }
        return;
      }
      case 'undo': {
        const target = this.byIdStmt.get(input.target);
        if (!target || target.conversation_id !== review.conversation_id || target.inspector !== review.inspector) {
          throw new StoreError(`decision ${input.target} is not one of ${review.inspector}'s decisions on ${review.conversation_id}`);
        }
        return;
      }
      case 'comment':
        return;
    }
  }
}

function validateInput(input: DecisionInput): void {
  const bad = (what: string): never => {
    throw new StoreError(`invalid ${input.kind} decision: ${what}`);
  };
  const str = (v: unknown): boolean => typeof v === 'string' && v.length > 0;
  const index = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
  switch (input.kind) {
    case 'confirm':
    case 'manual-remove':
      if (!str(input.findingKey)) bad('findingKey must be a non-empty string');
      return;
    case 'dismiss':
      if (!str(input.findingKey)) bad('findingKey must be a non-empty string');
      if (input.reason !== undefined && typeof input.reason !== 'string') bad('reason must be a string');
      return;
    case 'manual-add': {
      const { ruleId, messageIndex, start, end, note } = input.item ?? ({} as ManualItem);
      if (!str(ruleId)) bad('item.ruleId must be a non-empty string');
      if (!index(messageIndex)) bad('item.messageIndex must be a non-negative integer');
      if (start !== undefined && !index(start)) bad('item.start must be a non-negative integer');
      if (end !== undefined && !index(end)) bad('item.end must be a non-negative integer');
      if (start !== undefined && end !== undefined && end < start) bad('item.end is before item.start');
      if (note !== undefined && typeof note !== 'string') bad('item.note must be a string');
      return;
    }
    case 'comment':
      if (!str(input.text)) bad('text must be a non-empty string');
      if (input.findingKey !== undefined && !str(input.findingKey)) bad('findingKey must be a non-empty string');
      return;
    case 'undo':
      if (!Number.isSafeInteger(input.target) || input.target <= 0) bad('target must be a decision id');
      return;
    default:
      throw new StoreError(`unknown decision kind ${(input as { kind: unknown }).kind}`);
  }
}

function payloadOf(input: DecisionInput): string | null {
  switch (input.kind) {
    case 'dismiss':
      return input.reason === undefined ? null : JSON.stringify({ reason: input.reason });
    case 'manual-add': {
      const { ruleId, messageIndex, start, end, note } = input.item;
      return JSON.stringify({ ruleId, messageIndex, start, end, note });
    }
    case 'comment':
      return JSON.stringify({ text: input.text });
    default:
      return null;
  }
}

function toRecord(row: DecisionRow): DecisionRecord {
  const meta: DecisionMeta = { id: row.id, reviewId: row.review_id, conversationId: row.conversation_id, inspector: row.inspector, at: row.at };
  const payload = row.payload === null ? {} : (JSON.parse(row.payload) as Record<string, unknown>);
  switch (row.kind) {
    case 'confirm':
    case 'manual-remove':
      return { ...meta, kind: row.kind, findingKey: row.finding_key! };
    case 'dismiss':
      return { ...meta, kind: 'dismiss', findingKey: row.finding_key!, ...(typeof payload.reason === 'string' ? { reason: payload.reason } : {}) };
    case 'manual-add': {
      const item: ManualItem = { ruleId: payload.ruleId as string, messageIndex: payload.messageIndex as number };
      if (typeof payload.start === 'number') item.start = payload.start;
      if (typeof payload.end === 'number') item.end = payload.end;
      if (typeof payload.note === 'string') item.note = payload.note;
      return { ...meta, kind: 'manual-add', item };
    }
    case 'comment':
      return { ...meta, kind: 'comment', text: payload.text as string, ...(row.finding_key !== null ? { findingKey: row.finding_key } : {}) };
    case 'undo':
      return { ...meta, kind: 'undo', target: row.target_id! };
  }
}
