/** The inspector controller with a real (in-memory) store: two inspectors, restarts, review time. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPack } from '@zhijian/core';
import { openStore } from '@zhijian/store';
import type { BatchItem } from '../src/inspect/batch.js';
import { press } from '../src/inspect/press.js';
import { selectedFinding } from '../src/inspect/review-state.js';
import { exampleItems, harness, standardPack } from './inspect-helpers.js';

let pack: CompiledPack;
let items: BatchItem[];

beforeAll(async () => {
  pack = standardPack();
  items = await exampleItems(pack, ['c-009', 'c-013', 'c-020']);
});

const ENTER = { return: true } as const;

describe('inspector controller', () => {
  it('refuses to submit over a later submission by someone else, then submits a new version', () => {
    const store = openStore(':memory:');
    const alice = harness(pack, items, store, 'alice').make();
    const bob = harness(pack, items, store, 'bob').make();
    press(alice, '', ENTER); // alice opens c-009
    press(alice, 'a'); // and confirms its first finding
    press(bob, '', ENTER);
    press(bob, 's'); // bob submits c-009 first
    expect(store.latestSubmission('c-009')).toMatchObject({ inspector: 'bob', version: 1 });

    press(alice, 's');
    const s = alice.getSnapshot().review!;
    expect(s.ctx.conversation.id).toBe('c-009');
    expect(s.flash).toMatchObject({ id: 'conflict', data: { who: 'bob' } });
    expect(store.latestSubmission('c-009')).toMatchObject({ inspector: 'bob' });

    press(alice, 's'); // after looking: alice's version replaces bob's
    expect(store.latestSubmission('c-009')).toMatchObject({ inspector: 'alice', version: 2 });
    expect(alice.getSnapshot().review!.ctx.conversation.id).toBe('c-013');
    store.close();
  });

  it('a restart shows the queue status from the store and resumes the open conversation', () => {
    const h = harness(pack, items);
    const one = h.make();
    press(one, '', ENTER);
    press(one, 's'); // c-009 reviewed
    press(one, 'n');
    press(one, 'x');
    press(one, '重复');
    press(one, '', ENTER); // c-013: a decision, in progress
    const at = one.getSnapshot().review!;

    const two = h.make();
    const rows = two.getSnapshot().queue.rows;
    expect(rows.find((r) => r.id === 'c-009')).toMatchObject({ status: 'reviewed', reviewer: 'tester', finalScore: expect.any(Number) });
    expect(rows.find((r) => r.id === 'c-013')).toMatchObject({ status: 'in-progress', reviewer: 'tester' });
    two.resume();
    const s = two.getSnapshot().review!;
    expect(s.ctx.conversation.id).toBe('c-013');
    expect(s.cursor).toBe(at.cursor);
    expect(selectedFinding(s)?.key).toBe(selectedFinding(at)?.key);
    expect(s.review.reasons).toEqual({ [selectedFinding(at)!.key]: '重复' });
    h.store.close();
  });

  it('counts active review time: pauses beyond five minutes count as five minutes', () => {
    const store = openStore(':memory:');
    let now = 0;
    const h = harness(pack, items, store);
    const app = h.make(undefined, () => now);
    press(app, '', ENTER);
    now += 30_000;
    press(app, 'j');
    now += 60 * 60_000; // an hour away from the keyboard
    press(app, 'k');
    now += 10_000;
    press(app, 's');
    expect(store.latestSubmission('c-009')!.secondsSpent).toBe(30 + 300 + 10);
    store.close();
  });

  it('says so at either end of the queue', () => {
    const h = harness(pack, items);
    const app = h.make();
    press(app, '', ENTER);
    press(app, '[');
    expect(app.getSnapshot().review!.flash?.id).toBe('firstConversation');
    press(app, ']]');
    expect(app.getSnapshot().review!.ctx.conversation.id).toBe('c-020');
    press(app, ']');
    expect(app.getSnapshot().review!.flash?.id).toBe('lastConversation');
    press(app, 'q');
    expect(app.getSnapshot().screen).toBe('queue');
    press(app, 'q');
    expect(app.getSnapshot().done).toBe(true);
    h.store.close();
  });
});
