/**
 * Random edits of a JSON document (a pack): delete a property, replace a value by a value of
 * another type or out of range, add an unknown property, drop or duplicate an array element.
 * Most results are schema-invalid; some stay valid. Used by "every pack the compiler accepts is
 * schema-valid".
 */
import fc from 'fast-check';

export type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'replace'; at: number; value: unknown }
  | { op: 'add'; at: number; key: string; value: unknown }
  | { op: 'drop-item'; at: number }
  | { op: 'duplicate-item'; at: number };

const ODD_VALUES: unknown[] = [null, true, false, 0, -1, 1.5, 1e9, '', 'x', '您好', [], {}, [''], { regex: '' }, { set: 'nope' }, 'agent', 'bogus-type', '25:00'];

export function mutationArb(): fc.Arbitrary<Mutation> {
  const at = fc.nat({ max: 10_000 });
  const value = fc.oneof(fc.constantFrom(...ODD_VALUES), fc.jsonValue({ maxDepth: 2 }));
  return fc.oneof(
    fc.record({ op: fc.constant('delete' as const), at }),
    fc.record({ op: fc.constant('replace' as const), at, value }),
    fc.record({ op: fc.constant('add' as const), at, key: fc.constantFrom('extra', 'phrases', 'role', 'cap', 'options', 'type', 'veto', 'points'), value }),
    fc.record({ op: fc.constant('drop-item' as const), at }),
    fc.record({ op: fc.constant('duplicate-item' as const), at }),
  );
}

interface Slot {
  parent: Record<string, unknown> | unknown[];
  key: string | number;
}

/** Every (parent, key) slot of a JSON tree, in a stable order. */
function slots(root: unknown): Slot[] {
  const out: Slot[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        out.push({ parent: v, key: i });
        visit(x);
      });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        out.push({ parent: v as Record<string, unknown>, key: k });
        visit(x);
      }
    }
  };
  visit(root);
  return out;
}

function containers(root: unknown): Array<Record<string, unknown> | unknown[]> {
  const out: Array<Record<string, unknown> | unknown[]> = [];
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    out.push(v as Record<string, unknown> | unknown[]);
    for (const x of Object.values(v)) visit(x);
  };
  visit(root);
  return out;
}

/** Applies the mutations to a deep copy of `doc`. */
export function applyMutations<T>(doc: T, mutations: readonly Mutation[]): T {
  const copy = structuredClone(doc);
  for (const m of mutations) {
    if (m.op === 'add') {
      const objects = containers(copy).filter((c): c is Record<string, unknown> => !Array.isArray(c));
      if (objects.length === 0) continue;
      objects[m.at % objects.length]![m.key] = structuredClone(m.value);
      continue;
    }
    if (m.op === 'drop-item' || m.op === 'duplicate-item') {
      const arrays = containers(copy).filter((c): c is unknown[] => Array.isArray(c) && c.length > 0);
      if (arrays.length === 0) continue;
      const a = arrays[m.at % arrays.length]!;
      const i = m.at % a.length;
      if (m.op === 'drop-item') a.splice(i, 1);
      else a.splice(i, 0, structuredClone(a[i]));
      continue;
    }
    const all = slots(copy);
    if (all.length === 0) continue;
    const { parent, key } = all[m.at % all.length]!;
    if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
    } else {
      (parent as Record<string | number, unknown>)[key] = structuredClone(m.value);
    }
  }
  return copy;
}

export function mutatedArb<T>(base: fc.Arbitrary<T>, maxMutations = 3): fc.Arbitrary<{ original: T; mutations: Mutation[]; mutated: T }> {
  return fc
    .tuple(base, fc.array(mutationArb(), { minLength: 1, maxLength: maxMutations }))
    .map(([original, mutations]) => ({ original, mutations, mutated: applyMutations(original, mutations) }));
}
