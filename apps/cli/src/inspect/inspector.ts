/**
 * The inspector controller: owns the two screens' states (each changed only by its pure reducer),
 * stores every decision before the screen shows it, submits, walks the queue and saves where the
 * inspector is after every key. Plain TypeScript: the Ink views subscribe to it, and tests and the
 * benchmark drive it without rendering.
 */
import { evaluateConversation, scoreEvaluation, type CompiledPack, type CompiledRule, type Lang } from '@zhijian/core';
import { ConflictError, StaleReviewError } from '@zhijian/store';
import type { BatchItem } from './batch.js';
import { geometry, type Geometry } from './geometry.js';
import { SORTS, filterChoices, initQueueState, queueReducer, selectedRow, type QueueAction, type QueueFilter, type QueueRow, type QueueState, type SortKey } from './queue-state.js';
import { decisionFor, initReviewState, reviewReducer, selectedFinding, type Flash, type ReviewAction, type ReviewContext, type ReviewScreenState } from './review-state.js';
import type { Cursor, ReviewSession } from './review-session.js';

/** A pause longer than this (ms) counts as this much review time. */
export const IDLE_MS = 5 * 60_000;

export interface InspectorOptions {
  /** The (sampled) batch; item i is queue row i. */
  items: readonly BatchItem[];
  pack: CompiledPack;
  session: ReviewSession;
  lang: Lang;
  timeZone: string;
  /** Evaluation instant of the batch. */
  now: number;
  size: { rows: number; cols: number };
  /** Identifies the batch (inputs, pack, sample) for resuming. */
  batchKey: string;
  /** Display width of the widest role label. */
  roleWidth: number;
  clock?: () => number;
}

export interface InspectorSnapshot {
  screen: 'queue' | 'review';
  help: boolean;
  queue: QueueState;
  review: ReviewScreenState | undefined;
  geometry: Geometry;
  /** Geometry of the open conversation (its index width). */
  reviewGeometry: Geometry | undefined;
  done: boolean;
}

export class Inspector {
  private snap: InspectorSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly items: readonly BatchItem[];
  private readonly pickable: readonly CompiledRule[];
  private readonly clock: () => number;
  /** Active milliseconds spent on each conversation, not yet submitted. */
  private readonly spent = new Map<string, number>();
  /** When the inspector last did something on the open conversation. */
  private lastActive = 0;
  /** Decisions stored and conversations submitted in this run. */
  readonly stats = { decisions: 0, submitted: 0 };

  constructor(private readonly o: InspectorOptions) {
    this.items = o.items;
    this.clock = o.clock ?? Date.now;
    this.pickable = [...o.pack.rules.filter((r) => r.manual), ...o.pack.rules.filter((r) => !r.manual && !r.pointless)].filter((r) => r.def.enabled !== false);
    const rows = this.withStatuses(o.items.map((i) => i.row));
    const geo = geometry(o.size.rows, o.size.cols, 1, o.roleWidth);
    const grades = [...new Set([...o.pack.grades.map((g) => g.label), o.pack.vetoGrade])];
    this.snap = { screen: 'queue', help: false, queue: initQueueState(rows, geo.queueRows, filterChoices(rows, grades)), review: undefined, geometry: geo, reviewGeometry: undefined, done: false };
  }

  getSnapshot = (): InspectorSnapshot => this.snap;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Goes back to where this inspector was in this batch (queue position, or the open conversation). */
  resume(): void {
    const c = this.o.session.loadCursor();
    if (!c || c.batch !== this.o.batchKey) return;
    const q = c.queue ?? {};
    const sort = (SORTS as readonly unknown[]).includes(q.sort) ? (q.sort as SortKey) : undefined;
    const filter = q.filter !== null && typeof q.filter === 'object' ? (q.filter as QueueFilter) : undefined;
    this.setQueue(queueReducer(this.snap.queue, { type: 'restore', ...(sort ? { sort } : {}), ...(filter ? { filter } : {}), search: q.search ?? '', ...(c.conversationId ? { focus: c.conversationId } : {}) }));
    const row = this.snap.queue.rows.find((r) => r.id === c.conversationId);
    if (c.screen === 'review' && row) {
      // The time already spent on it survives a restart (even a killed one).
      if (typeof c.spentMs === 'number' && c.spentMs > 0) this.spent.set(row.id, c.spentMs);
      this.open(row, { messageIndex: c.messageIndex ?? 0, findingKey: c.findingKey });
    }
    this.changed();
  }

  queue(action: QueueAction): void {
    if (action.type === 'intent' && !this.snap.queue.picker && !this.snap.queue.searching) {
      const row = selectedRow(this.snap.queue);
      switch (action.intent) {
        case 'open':
          if (row) this.open(row);
          return this.changed();
        case 'help':
          return this.setHelp(true);
        case 'quit':
          this.snap = { ...this.snap, done: true };
          return this.changed();
      }
    }
    this.setQueue(queueReducer(this.snap.queue, action));
    this.changed();
  }

  review(action: ReviewAction): void {
    const s = this.snap.review;
    if (!s) return;
    this.tick();
    if (action.type === 'intent' && s.modal.kind === 'none') {
      switch (action.intent) {
        case 'submit':
          this.submit(s);
          return this.changed();
        case 'nextConversation':
        case 'prevConversation':
          this.step(action.intent === 'nextConversation' ? 1 : -1);
          return this.changed();
        case 'back':
          this.leave();
          return this.changed();
        case 'help':
          return this.setHelp(true);
      }
    }
    const decision = decisionFor(s, action);
    if (decision) {
      const id = s.ctx.conversation.id;
      try {
        const record = this.o.session.append(id, s.ctx.auto, decision);
        this.stats.decisions++;
        this.setReview(reviewReducer(s, { type: 'recorded', record }));
        this.markInProgress(id);
      } catch (err) {
        this.setReview(reviewReducer(s, { type: 'flash', flash: { id: 'error', data: { message: (err as Error).message } } }));
      }
    } else {
      this.setReview(reviewReducer(s, action));
    }
    this.changed();
  }

  closeHelp(): void {
    this.setHelp(false);
  }

  resize(rows: number, cols: number): void {
    const geo = geometry(rows, cols, 1, this.o.roleWidth);
    this.snap = { ...this.snap, geometry: geo, queue: queueReducer(this.snap.queue, { type: 'resize', height: geo.queueRows }) };
    const s = this.snap.review;
    if (s) {
      const rg = this.reviewGeometry(s.ctx.conversation.messages.length);
      this.snap = { ...this.snap, reviewGeometry: rg, review: reviewReducer(s, { type: 'resize', viewport: { rows: rg.messageRows, textCols: rg.textCols } }) };
    }
    this.emit();
  }

  /** Geometry of the review screen for a conversation of n messages. */
  reviewGeometry(messages: number): Geometry {
    return geometry(this.snap.geometry.rows, this.snap.geometry.cols, messages, this.o.roleWidth);
  }

  private open(row: QueueRow, at?: { messageIndex: number; findingKey: string | undefined }, flash?: Flash): void {
    const item = this.items[row.index]!;
    const { pack, lang, timeZone, now, session } = this.o;
    const conversation = item.conversation;
    const changed = session.record(conversation, item.source) === 'changed';
    const evaluation = evaluateConversation(pack, conversation, { timeZone, now, lang });
    const auto = scoreEvaluation(pack, conversation, evaluation, undefined, lang);
    const ctx: ReviewContext = { pack, conversation, evaluation, lang, auto, pickable: this.pickable, source: item.source };
    const g = this.reviewGeometry(conversation.messages.length);
    let s = initReviewState(ctx, session.log(conversation.id), { rows: g.messageRows, textCols: g.textCols });
    if (at) s = reviewReducer(s, { type: 'goto', messageIndex: at.messageIndex, ...(at.findingKey ? { findingKey: at.findingKey } : {}) });
    const shown = flash ?? (changed ? { id: 'contentChanged' as const } : undefined);
    if (shown) s = reviewReducer(s, { type: 'flash', flash: shown });
    this.lastActive = this.clock();
    this.snap = { ...this.snap, screen: 'review', review: s, reviewGeometry: g, queue: queueReducer(this.snap.queue, { type: 'focus', id: row.id }) };
  }

  private leave(): void {
    this.tick();
    this.snap = { ...this.snap, screen: 'queue', review: undefined, reviewGeometry: undefined };
  }

  /**
   * Adds the time since the last key to the open conversation's time. A pause longer than
   * IDLE_MS counts as IDLE_MS: a terminal left open over lunch is not review time.
   */
  private tick(): void {
    const s = this.snap.review;
    if (!s) return;
    const id = s.ctx.conversation.id;
    const now = this.clock();
    this.spent.set(id, (this.spent.get(id) ?? 0) + Math.min(IDLE_MS, Math.max(0, now - this.lastActive)));
    this.lastActive = now;
  }

  /** Opens the next/previous conversation of the queue's current order; false at either end. */
  private step(dir: 1 | -1, flash?: Flash): boolean {
    const s = this.snap.review;
    const q = this.snap.queue;
    if (!s) return false;
    const at = q.view.findIndex((i) => q.rows[i]!.id === s.ctx.conversation.id);
    const next = at < 0 ? undefined : q.rows[q.view[at + dir] ?? -1];
    if (!next) {
      if (!flash) this.setReview(reviewReducer(s, { type: 'flash', flash: { id: dir === 1 ? 'lastConversation' : 'firstConversation' } }));
      return false;
    }
    this.tick();
    this.open(next, undefined, flash);
    return true;
  }

  private submit(s: ReviewScreenState): void {
    const id = s.ctx.conversation.id;
    this.tick();
    const seconds = (this.spent.get(id) ?? 0) / 1000;
    try {
      const sub = this.o.session.submit(id, s.ctx.auto, s.result, s.review.lastDecisionId, seconds);
      this.spent.delete(id);
      this.stats.submitted++;
      const row = this.rowById(id);
      if (row) this.setRow({ ...row, status: 'reviewed', reviewer: this.o.session.inspector, finalScore: sub.score, finalGrade: sub.grade });
      const pending = s.result.findings.filter((f) => f.pending === true).length;
      const flash: Flash = { id: 'submitted', data: { id, score: sub.score, grade: sub.grade, pending, version: sub.version } };
      if (!this.step(1, flash)) {
        this.leave();
        this.setQueue({ ...this.snap.queue, flash: { id: 'submitted', data: flash.data! } });
      }
    } catch (err) {
      if (err instanceof ConflictError) {
        this.o.session.reopenFresh(id, s.ctx.auto);
        const when = new Date(err.submittedAt).toISOString().slice(0, 16).replace('T', ' ');
        this.setReview(reviewReducer(s, { type: 'flash', flash: { id: 'conflict', data: { who: err.submittedBy, when } } }));
      } else if (err instanceof StaleReviewError) {
        this.setReview(reviewReducer(reviewReducer(s, { type: 'reload', log: this.o.session.log(id) }), { type: 'flash', flash: { id: 'stale' } }));
      } else {
        this.setReview(reviewReducer(s, { type: 'flash', flash: { id: 'error', data: { message: (err as Error).message } } }));
      }
    }
  }

  private markInProgress(id: string): void {
    const row = this.rowById(id);
    if (row && row.status === 'new') this.setRow({ ...row, status: 'in-progress', reviewer: this.o.session.inspector });
  }

  private rowById(id: string): QueueRow | undefined {
    return this.snap.queue.rows.find((r) => r.id === id);
  }

  private withStatuses(rows: readonly QueueRow[]): QueueRow[] {
    const statuses = this.o.session.statuses();
    return rows.map((r, index) => {
      const e = statuses.get(r.id);
      if (!e) return { ...r, index };
      const row: QueueRow = { ...r, index, status: e.status, ...(e.reviewer ? { reviewer: e.reviewer } : {}) };
      if (e.status !== 'reviewed') return row;
      const sub = this.o.session.latestSubmission(r.id);
      return sub ? { ...row, finalScore: sub.score, finalGrade: sub.grade } : row;
    });
  }

  private setRow(row: QueueRow): void {
    this.setQueue(queueReducer(this.snap.queue, { type: 'row', row }));
  }

  private setQueue(queue: QueueState): void {
    this.snap = { ...this.snap, queue };
  }

  private setReview(review: ReviewScreenState): void {
    this.snap = { ...this.snap, review };
  }

  private setHelp(help: boolean): void {
    this.snap = { ...this.snap, help };
    this.emit();
  }

  /** After every key: save where the inspector is, then redraw. */
  private changed(): void {
    const { screen, queue, review } = this.snap;
    const cursor: Cursor = {
      batch: this.o.batchKey,
      screen,
      queue: { filter: queue.filter, sort: queue.sort, search: queue.search },
    };
    const id = review?.ctx.conversation.id ?? selectedRow(queue)?.id;
    if (id !== undefined) cursor.conversationId = id;
    if (review) {
      cursor.messageIndex = review.cursor;
      cursor.spentMs = this.spent.get(review.ctx.conversation.id) ?? 0;
      const f = selectedFinding(review);
      if (f) cursor.findingKey = f.key;
    }
    try {
      this.o.session.saveCursor(cursor);
    } catch {
      // The position is a convenience; decisions are stored on their own.
    }
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
