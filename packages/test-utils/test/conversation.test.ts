import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { applyMutations, conversationArb, mutationArb, propertyRuns, shiftConversation, wallTimesArb } from '../src/index.js';

describe('conversation arbitraries', () => {
  it.prop([conversationArb({ timestamps: 'all' })], { numRuns: 50 })('timestamps: all messages timed in "all" mode', (c) => {
    expect(c.messages.every((m) => typeof m.ts === 'number')).toBe(true);
  });

  it.prop([conversationArb({ timestamps: 'none' })], { numRuns: 50 })('timestamps: none in "none" mode', (c) => {
    expect(c.messages.every((m) => m.ts === undefined && m.endTs === undefined)).toBe(true);
  });

  it.prop([conversationArb(), fc.integer({ min: -1e9, max: 1e9 })], { numRuns: 50 })('shiftConversation moves ts and endTs, and only them', (c, d) => {
    const s = shiftConversation(c, d);
    s.messages.forEach((m, i) => {
      const o = c.messages[i]!;
      expect(m.ts).toBe(o.ts === undefined ? undefined : o.ts + d);
      expect(m.endTs).toBe(o.endTs === undefined ? undefined : o.endTs + d);
      expect(m.text).toBe(o.text);
    });
  });

  it.prop([fc.integer({ min: 0, max: 8 }).chain((n) => wallTimesArb(n, 540, 1380, 2))], { numRuns: 50 })('wallTimesArb: sorted, inside the window', (walls) => {
    for (let i = 0; i < walls.length; i++) {
      const minute = Math.floor((walls[i]!.second % 86_400) / 60);
      expect(minute >= 540 && minute < 1380).toBe(true);
      if (i > 0) expect(walls[i]!.second).toBeGreaterThanOrEqual(walls[i - 1]!.second);
    }
  });

  it.prop([fc.jsonValue(), fc.array(mutationArb(), { maxLength: 4 })], { numRuns: 50 })('applyMutations never changes its input', (doc, ms) => {
    const before = JSON.stringify(doc);
    applyMutations(doc, ms);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('propertyRuns reads ZHIJIAN_PROPERTY_RUNS', () => {
    const saved = process.env.ZHIJIAN_PROPERTY_RUNS;
    try {
      process.env.ZHIJIAN_PROPERTY_RUNS = '1000';
      expect(propertyRuns()).toBe(1000);
      expect(propertyRuns(0.5)).toBe(500);
      process.env.ZHIJIAN_PROPERTY_RUNS = 'x';
      expect(() => propertyRuns()).toThrow();
    } finally {
      if (saved === undefined) delete process.env.ZHIJIAN_PROPERTY_RUNS;
      else process.env.ZHIJIAN_PROPERTY_RUNS = saved;
    }
  });
});
