/**
 * One property for the call-centre and complaint rule types: on any call-like conversation (timed,
 * partly timed or untimed utterances, events, overlaps, ends before starts), evaluation never
 * throws, every finding is the original slice of an existing message, a rule gives at most one
 * finding per message, and untimed input is reported in the notes instead of findings.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compilePack } from '../pack/compile-pack.js';
import { evaluateConversation } from '../engine/evaluate.js';
import type { Conversation, Message } from '../model/conversation.js';
import type { PackDef, RuleDef } from '../pack/pack-types.js';

const T0 = Date.UTC(2024, 5, 18, 2, 0, 0);
const TEXTS = ['您好，工号0827', '请稍等', '嗯', '太差了', '非常抱歉', '为您补发', '给您发一张优惠券', '请问具体情况', '', '好的好的', '快递没收到，态度差'];

const message: fc.Arbitrary<Message> = fc
  .record({
    role: fc.constantFrom('agent', 'customer', 'system'),
    kind: fc.constantFrom('text', 'text', 'text', 'ring', 'end', 'transfer'),
    text: fc.constantFrom(...TEXTS),
    start: fc.option(fc.integer({ min: 0, max: 120_000 }), { nil: undefined }),
    length: fc.option(fc.integer({ min: -2_000, max: 30_000 }), { nil: undefined }),
  })
  .map(({ role, kind, text, start, length }) => {
    const m: Message = { role, text, kind };
    if (start !== undefined) m.ts = T0 + start;
    if (start !== undefined && length !== undefined) m.endTs = T0 + start + length;
    return m;
  });

const rules: RuleDef[] = [
  { id: 't.silence', type: 'silence-gap', category: 't', points: 1, options: { hold: { phrases: ['请稍等'] } } },
  { id: 't.overlap', type: 'overlap', category: 't', points: 1, options: { backchannels: ['好的'] } },
  { id: 't.rate', type: 'speech-rate', category: 't', points: 1 },
  { id: 't.answer', type: 'answer-delay', category: 't', points: 1 },
  {
    id: 't.order',
    type: 'ordered-steps',
    category: 't',
    points: 1,
    options: { steps: [{ phrases: ['抱歉', '请问'] }, { phrases: ['为您补发', { clause: [['优惠券'], ['给您']] }], notNegated: true }] },
  },
  { id: 't.end', type: 'last-event-role', category: 't', points: 1 },
  { id: 't.tag', type: 'tag', category: 't', points: 0, options: { phrases: ['快递', '态度'], exceptions: ['态度很好'] } },
];
const pack = compilePack({ id: 'p', version: '1.0.0', categories: [{ id: 't', name: 'T' }], rules } satisfies PackDef);

describe('call-centre and complaint rule types (property)', () => {
  it('never throw; findings are original slices of existing messages, at most one per rule and message', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 14 }), fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined }), (messages, started) => {
        const conv: Conversation = { id: 'p', channel: 'call', messages, ...(started !== undefined ? { startedAt: T0 + started } : {}) };
        const { findings } = evaluateConversation(pack, conv, { now: T0 });
        const seen = new Set<string>();
        for (const f of findings) {
          const m = messages[f.messageIndex]!;
          expect(m.text.slice(f.start, f.end)).toBe(f.evidence);
          expect(seen.has(`${f.ruleId}@${f.messageIndex}`)).toBe(false);
          seen.add(`${f.ruleId}@${f.messageIndex}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('without any timestamp the timed types find nothing and say why', () => {
    fc.assert(
      fc.property(fc.array(message.map(({ ts: _ts, endTs: _end, ...m }) => m), { minLength: 1, maxLength: 10 }), (messages) => {
        const { findings, notes } = evaluateConversation(pack, { id: 'p', channel: 'call', messages }, { now: T0 });
        expect(findings.filter((f) => ['t.silence', 't.overlap', 't.rate', 't.answer'].includes(f.ruleId))).toEqual([]);
        const utterances = messages.filter((m) => !['ring', 'end', 'transfer'].includes(m.kind ?? 'text') && m.role !== 'system');
        if (utterances.length > 0) expect(notes.some((n) => n.startsWith('t.silence:'))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
