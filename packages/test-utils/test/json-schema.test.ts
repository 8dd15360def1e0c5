import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { UnsupportedSchemaError, orderMinMax, schemaArb } from '../src/index.js';

const root = {
  $defs: {
    role: { enum: ['agent', 'customer'] },
    list: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
};

const schema = {
  type: 'object',
  properties: {
    role: { $ref: '#/$defs/role', default: 'agent' },
    words: { type: 'array', $ref: '#/$defs/list', minItems: 2, uniqueItems: true },
    n: { type: 'integer', minimum: 3, maximum: 7 },
    ratio: { type: 'number', minimum: 0, maximum: 1 },
    secs: { type: 'number', exclusiveMinimum: 0 },
    time: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
    limit: { anyOf: [{ type: 'integer', minimum: 1 }, { const: 'end' }] },
    scope: { type: 'object', properties: { first: { type: 'integer', minimum: 1 }, last: { type: 'integer', minimum: 1 } }, additionalProperties: false, maxProperties: 1 },
    flag: { type: 'boolean' },
  },
  required: ['words', 'n'],
  additionalProperties: false,
};

describe('schemaArb', () => {
  it.prop([schemaArb(schema, { root, string: () => fc.constantFrom('投诉', '差评', '抱歉') }) as fc.Arbitrary<Record<string, unknown>>], { numRuns: 100 })(
    'generates values of the schema',
    (v) => {
      expect(Object.keys(v).every((k) => k in schema.properties)).toBe(true);
      const words = v.words as string[];
      expect(words.length).toBeGreaterThanOrEqual(2);
      expect(new Set(words).size).toBe(words.length);
      expect(v.n).toSatisfy((n: number) => Number.isInteger(n) && n >= 3 && n <= 7);
      if ('role' in v) expect(['agent', 'customer']).toContain(v.role);
      if ('ratio' in v) expect(v.ratio).toSatisfy((x: number) => x >= 0 && x <= 1);
      if ('secs' in v) expect(v.secs).toBeGreaterThan(0);
      if ('time' in v) expect(v.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      if ('limit' in v) expect(v.limit === 'end' || (Number.isInteger(v.limit) && (v.limit as number) >= 1)).toBe(true);
      if ('scope' in v) expect(Object.keys(v.scope as object).length).toBeLessThanOrEqual(1);
    },
  );

  it('throws on a keyword it does not know, so a new rule type cannot be generated wrongly', () => {
    expect(() => schemaArb({ type: 'string', format: 'date' }, { root })).toThrow(UnsupportedSchemaError);
    expect(() => schemaArb({ oneOf: [{ type: 'string' }] }, { root })).toThrow(UnsupportedSchemaError);
  });

  it('orderMinMax raises maxX to minX, defaults included', () => {
    const s = { properties: { minPerMinute: { type: 'number', default: 100 }, maxPerMinute: { type: 'number', default: 300 } } };
    expect(orderMinMax({ minPerMinute: 325 }, s)).toEqual({ minPerMinute: 325, maxPerMinute: 325 });
    expect(orderMinMax({ minPerMinute: 12, maxPerMinute: 6 }, s)).toEqual({ minPerMinute: 12, maxPerMinute: 12 });
    expect(orderMinMax({ maxPerMinute: 200 }, s)).toEqual({ maxPerMinute: 200 });
  });
});
