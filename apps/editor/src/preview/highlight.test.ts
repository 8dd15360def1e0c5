import { describe, expect, it } from 'vitest';
import { splitRuns } from './highlight';

describe('finding spans -> runs', () => {
  it('marks exactly the span', () => {
    const runs = splitRuns('您好，催什么催，马上', [{ key: 'a', start: 3, end: 7 }]);
    expect(runs.map((r) => [r.text, r.keys])).toEqual([
      ['您好，', []],
      ['催什么催', ['a']],
      ['，马上', []],
    ]);
  });

  it('keeps overlapping findings visible', () => {
    const runs = splitRuns('abcdef', [
      { key: 'x', start: 1, end: 4 },
      { key: 'y', start: 3, end: 5 },
    ]);
    expect(runs.map((r) => [r.text, r.keys])).toEqual([
      ['a', []],
      ['bc', ['x']],
      ['d', ['x', 'y']],
      ['e', ['y']],
      ['f', []],
    ]);
  });

  it('anchors a zero-length finding and clamps out-of-range spans', () => {
    const runs = splitRuns('abc', [
      { key: 'z', start: 1, end: 1 },
      { key: 'w', start: 2, end: 99 },
    ]);
    expect(runs.map((r) => [r.text, r.keys, r.anchors])).toEqual([
      ['a', [], []],
      ['b', [], ['z']],
      ['c', ['w'], []],
    ]);
  });

  it('uses UTF-16 offsets (emoji are two units)', () => {
    const text = '好😀坏';
    const runs = splitRuns(text, [{ key: 'e', start: 1, end: 3 }]);
    expect(runs.find((r) => r.keys.length)?.text).toBe('😀');
  });
});
