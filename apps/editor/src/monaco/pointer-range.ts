/**
 * JSON pointer -> text range, on jsonc-parser's syntax tree (the parser Monaco's JSON language uses).
 * Pure: runs in the preview worker (problems are located there) and on the main thread (outline and
 * problem clicks), and is tested in Node.
 */
import { parseTree, type Node, type ParseError } from 'jsonc-parser';

export interface TextRange {
  offset: number;
  length: number;
}

export interface Located extends TextRange {
  /** False when the pointer leads past the document (a missing property): the range is its deepest existing ancestor. */
  exact: boolean;
}

export interface LocateOptions {
  /** Mark the property name instead of its value (an unknown property, a duplicate key). */
  preferKey?: boolean;
}

/** RFC 6901 segments: `/rules/0/a~1b` -> ['rules', '0', 'a/b']. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer;
  return body.split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => `/${escapeSegment(s)}`).join('');
}

export function parseJsonTree(text: string): { root: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return { root, errors };
}

/** The node a pointer names, or the deepest existing node on its way (exact = false). */
export function findNode(root: Node | undefined, pointer: string): { node: Node | undefined; exact: boolean } {
  if (!root) return { node: undefined, exact: false };
  let node: Node = root;
  for (const segment of pointerSegments(pointer)) {
    const next = child(node, segment);
    if (!next) return { node, exact: false };
    node = next;
  }
  return { node, exact: true };
}

function child(node: Node, segment: string): Node | undefined {
  if (node.type === 'object') {
    // The LAST property of that name wins, as in JSON.parse (which is what core validated).
    let found: Node | undefined;
    for (const prop of node.children ?? []) {
      if (prop.children?.[0]?.value === segment) found = prop.children[1];
    }
    return found;
  }
  if (node.type === 'array') {
    if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
    return node.children?.[Number(segment)];
  }
  return undefined;
}

/**
 * The range to mark for a pointer. A scalar value is marked whole. A multi-line object or array is
 * marked by its property name when it has one (a squiggle over forty lines helps nobody), else by its
 * opening bracket.
 */
export function rangeOfNode(node: Node | undefined, options: LocateOptions = {}): TextRange {
  if (!node) return { offset: 0, length: 0 };
  const key = node.parent?.type === 'property' && node.parent.children?.[1] === node ? node.parent.children[0] : undefined;
  if (options.preferKey && key) return { offset: key.offset, length: key.length };
  if (node.type === 'object' || node.type === 'array') {
    if (key) return { offset: key.offset, length: key.length };
    return { offset: node.offset, length: 1 };
  }
  return { offset: node.offset, length: node.length };
}

export function locatePointer(root: Node | undefined, pointer: string, options: LocateOptions = {}): Located {
  const { node, exact } = findNode(root, pointer);
  return { ...rangeOfNode(node, exact ? options : {}), exact };
}

/** Codes whose pointer names a property that should not be there: mark its name. */
export function prefersKey(code: string): boolean {
  return code === 'schema.additionalProperties' || code.endsWith('.duplicate-key') || code.endsWith('unknown-property');
}

/** 0-based line and column of an offset (for messages and tests; the editor uses its model). */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart };
}
