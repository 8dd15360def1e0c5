import { describe, expect, it } from 'vitest';
import { escapeSegment, findNode, lineColumnOf, locatePointer, parseJsonTree, pointerOf, pointerSegments, prefersKey } from './pointer-range';

const TEXT = `{
  "id": "p",
  "rules": [
    {
      "id": "a.b",
      "points": "five",
      "options": { "a/b": 1, "t~x": [true, null] }
    }
  ],
  "dup": 1,
  "dup": 2
}`;

const slice = (r: { offset: number; length: number }): string => TEXT.slice(r.offset, r.offset + r.length);

describe('JSON pointer -> range', () => {
  const { root, errors } = parseJsonTree(TEXT);

  it('parses without errors', () => {
    expect(errors).toEqual([]);
  });

  it('unescapes RFC 6901 segments and builds pointers back', () => {
    expect(pointerSegments('/rules/0/options/a~1b')).toEqual(['rules', '0', 'options', 'a/b']);
    expect(pointerSegments('/t~0x')).toEqual(['t~x']);
    expect(pointerSegments('')).toEqual([]);
    expect(pointerOf(['options', 'a/b', 't~x', 3])).toBe('/options/a~1b/t~0x/3');
    expect(escapeSegment('~/')).toBe('~0~1');
  });

  it('marks a scalar value exactly', () => {
    const at = locatePointer(root, '/rules/0/points');
    expect(at.exact).toBe(true);
    expect(slice(at)).toBe('"five"');
    expect(slice(locatePointer(root, '/rules/0/options/a~1b'))).toBe('1');
    expect(slice(locatePointer(root, '/rules/0/options/t~0x/1'))).toBe('null');
  });

  it('marks an object by its property name, an array item object by its brace', () => {
    expect(slice(locatePointer(root, '/rules/0/options'))).toBe('"options"');
    expect(slice(locatePointer(root, '/rules'))).toBe('"rules"');
    expect(slice(locatePointer(root, '/rules/0'))).toBe('{');
    expect(slice(locatePointer(root, ''))).toBe('{');
  });

  it('marks the property name for an unknown property', () => {
    expect(prefersKey('schema.additionalProperties')).toBe(true);
    expect(slice(locatePointer(root, '/rules/0/points', { preferKey: true }))).toBe('"points"');
  });

  it('falls back to the deepest existing ancestor for a missing property', () => {
    const at = locatePointer(root, '/rules/0/category');
    expect(at.exact).toBe(false);
    expect(slice(at)).toBe('{');
    expect(locatePointer(root, '/rules/7').exact).toBe(false);
    expect(locatePointer(root, '/rules/x').exact).toBe(false);
    expect(locatePointer(root, '/id/deeper').exact).toBe(false);
  });

  it('takes the last of duplicate keys, as JSON.parse does', () => {
    expect(slice(locatePointer(root, '/dup'))).toBe('2');
  });

  it('survives broken JSON (the tree is error-tolerant)', () => {
    const broken = '{"rules": [{"id": "x", "points": 5x}]}';
    const tree = parseJsonTree(broken);
    expect(tree.errors.length).toBeGreaterThan(0);
    expect(findNode(tree.root, '/rules/0/id').exact).toBe(true);
  });

  it('gives 0-based line and column', () => {
    const offset = TEXT.indexOf('"five"');
    expect(lineColumnOf(TEXT, offset)).toEqual({ line: 5, column: 16 });
  });
});
