import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonErrorOffset, lineColumn } from './json-error.js';

describe('jsonErrorOffset', () => {
  it('finds where the text stops being JSON', () => {
    expect(jsonErrorOffset('[1,]')).toBe(3);
    expect(jsonErrorOffset('{"a":1,}')).toBe(7);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset('')).toBe(0);
    expect(jsonErrorOffset('{"a":"x\ny"}')).toBe(7);
    expect(jsonErrorOffset('{"a":"\\q"}')).toBe(7);
    expect(jsonErrorOffset('[01]')).toBe(2);
    expect(jsonErrorOffset('[tru]')).toBe(1);
    expect(jsonErrorOffset('{} x')).toBe(3);
    expect(jsonErrorOffset('[\n  {"id": "a",\n  "messages": [}\n]')).toBe(31);
    expect(lineColumn('[\n  {"id": "a",\n  "messages": [}\n]', 31)).toEqual({ line: 3, column: 16 });
  });

  it('agrees with JSON.parse on validity (property)', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', 'x', ' '), (json, at, junk) => {
        expect(jsonErrorOffset(json)).toBe(-1);
        const p = at % (json.length + 1);
        const broken = json.slice(0, p) + junk + json.slice(p);
        let valid = true;
        try {
          JSON.parse(broken);
        } catch {
          valid = false;
        }
        expect(jsonErrorOffset(broken) === -1).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });

  it('copes with deep nesting', () => {
    expect(jsonErrorOffset('['.repeat(100_000) + ']'.repeat(100_000))).toBe(-1);
  });
});
