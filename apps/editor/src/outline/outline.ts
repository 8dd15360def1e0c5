/**
 * The outline (categories and their rules) read from the syntax tree, so it stays useful while the
 * JSON is broken or the pack invalid. Pure.
 */
import { getNodeValue, type Node } from 'jsonc-parser';
import { findNode, pointerOf } from '../monaco/pointer-range';
import type { Outline, OutlineCategory, OutlineRule } from '../preview/protocol';

function prop(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  let found: Node | undefined;
  for (const p of node.children ?? []) if (p.children?.[0]?.value === name) found = p.children[1];
  return found;
}

function str(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

function localized(node: Node | undefined, lang: 'zh' | 'en'): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return node.value as string;
  if (node.type === 'object') return str(prop(node, lang)) ?? str(prop(node, 'zh'));
  return undefined;
}

export function buildOutline(root: Node | undefined, lang: 'zh' | 'en'): Outline {
  const categories: OutlineCategory[] = [];
  const byId = new Map<string, OutlineCategory>();
  const cats = findNode(root, '/categories');
  if (cats.exact && cats.node?.type === 'array') {
    (cats.node.children ?? []).forEach((c, i) => {
      const id = str(prop(c, 'id')) ?? '';
      const category: OutlineCategory = { id, name: localized(prop(c, 'name'), lang) ?? id, pointer: pointerOf(['categories', i]), rules: [] };
      categories.push(category);
      if (id && !byId.has(id)) byId.set(id, category);
    });
  }
  const orphans: OutlineRule[] = [];
  const rules = findNode(root, '/rules');
  if (rules.exact && rules.node?.type === 'array') {
    (rules.node.children ?? []).forEach((r, i) => {
      const pointsNode = prop(r, 'points');
      const enabledNode = prop(r, 'enabled');
      const rule: OutlineRule = {
        id: str(prop(r, 'id')) ?? '',
        type: str(prop(r, 'type')) ?? '',
        points: pointsNode?.type === 'number' ? (pointsNode.value as number) : undefined,
        enabled: !(enabledNode?.type === 'boolean' && getNodeValue(enabledNode) === false),
        pointer: pointerOf(['rules', i]),
      };
      const category = byId.get(str(prop(r, 'category')) ?? '');
      if (category) category.rules.push(rule);
      else orphans.push(rule);
    });
  }
  return { categories, orphans };
}
