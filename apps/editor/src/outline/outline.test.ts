import { describe, expect, it } from 'vitest';
import { parseJsonTree } from '../monaco/pointer-range';
import { buildOutline } from './outline';

describe('outline', () => {
  it('groups rules under their categories, with names in the interface language', () => {
    const text = JSON.stringify({
      categories: [
        { id: 'a', name: { zh: '甲', en: 'A' } },
        { id: 'b', name: 'B' },
      ],
      rules: [
        { id: 'a.x', type: 'phrase', category: 'a', points: 5 },
        { id: 'b.y', type: 'manual', category: 'b', points: 2, enabled: false },
        { id: 'z.z', type: 'phrase', category: 'nope' },
      ],
    });
    const zh = buildOutline(parseJsonTree(text).root, 'zh');
    expect(zh.categories.map((c) => [c.id, c.name, c.pointer, c.rules.map((r) => r.id)])).toEqual([
      ['a', '甲', '/categories/0', ['a.x']],
      ['b', 'B', '/categories/1', ['b.y']],
    ]);
    expect(zh.categories[1]!.rules[0]).toMatchObject({ enabled: false, points: 2, pointer: '/rules/1' });
    expect(zh.orphans.map((r) => r.id)).toEqual(['z.z']);
    expect(buildOutline(parseJsonTree(text).root, 'en').categories[0]!.name).toBe('A');
  });

  it('still outlines broken JSON', () => {
    const outline = buildOutline(parseJsonTree('{"categories": [{"id": "a", "name": "A"}], "rules": [{"id": "a.x", "category": "a", "points": 5x').root, 'zh');
    expect(outline.categories[0]!.rules.map((r) => r.id)).toEqual(['a.x']);
  });
});
