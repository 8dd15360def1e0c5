/**
 * A small JSON-Schema-to-arbitrary for the subset the rule-type registry uses: object (properties,
 * required, additionalProperties, min/maxProperties), array (items, min/maxItems, uniqueItems),
 * string (minLength, maxLength, pattern), integer / number (minimum, maximum, exclusive bounds),
 * boolean, null, enum, const, anyOf, type lists, and $ref into the root schema's $defs (with
 * sibling keywords merged in). Annotations (description, default...) are ignored; any other
 * keyword throws, so a rule type whose options schema uses something new fails loudly instead of
 * being generated wrongly.
 *
 * Semantics the schema cannot carry (a phrase drawn from the shared vocabulary, a role, a detector
 * naming another rule type, a script id that must exist) come from hooks: `refs` by $defs name,
 * `at` by path (property names, `*` for array items).
 */
import fc from 'fast-check';
import type { JsonSchema } from './types.js';

export interface SchemaArbContext {
  /** The schema `$ref: '#/$defs/x'` resolves against (e.g. buildPackSchema(registry)). */
  root: JsonSchema;
  /** Generators for whole $defs, by name ('phraseItem'); they receive the merged schema. */
  refs?: Record<string, (schema: JsonSchema, path: string) => fc.Arbitrary<unknown>>;
  /** Generators by path, e.g. '/scripts' or '/trigger/phrases/*'. */
  at?: Record<string, (schema: JsonSchema, path: string) => fc.Arbitrary<unknown>>;
  /** Strings without a pattern (default: short vocabulary-free strings). */
  string?: (schema: JsonSchema, path: string) => fc.Arbitrary<string>;
  /** Probability-ish weight of including an optional property (0..1, default 0.5). */
  optionalRate?: number;
}

const ANNOTATIONS = new Set([
  'description',
  'default',
  'title',
  'examples',
  '$comment',
  'enumDescriptions',
  'markdownDescription',
  'x-description-zh',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

const SUPPORTED = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'anyOf',
  'properties',
  'required',
  'additionalProperties',
  'minProperties',
  'maxProperties',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
]);

export class UnsupportedSchemaError extends Error {}

function refName(ref: string): string {
  const m = /^#\/\$defs\/([^/]+)$/.exec(ref);
  if (!m) throw new UnsupportedSchemaError(`schemaArb: only "#/$defs/<name>" references are supported, got "${ref}"`);
  return m[1]!;
}

/** Resolves a top-level $ref and merges the sibling keywords over the referenced schema. */
export function resolveRef(schema: JsonSchema, root: JsonSchema): { schema: JsonSchema; ref?: string } {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return { schema };
  const name = refName(ref);
  const defs = (root.$defs ?? {}) as Record<string, JsonSchema>;
  const target = defs[name];
  if (!target) throw new UnsupportedSchemaError(`schemaArb: unknown reference ${ref}`);
  const { $ref: _ignored, ...siblings } = schema;
  const inner = resolveRef(target, root).schema;
  return { schema: { ...inner, ...siblings }, ref: name };
}

function child(path: string, key: string): string {
  return `${path}/${key}`;
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min =
    typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + (integer ? 1 : 0) : integer ? 0 : 0;
  const exMin = typeof s.exclusiveMinimum === 'number' && !integer;
  const max =
    typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - (integer ? 1 : 0) : undefined;
  const exMax = typeof s.exclusiveMaximum === 'number' && !integer;
  const ok = (x: number): boolean => x >= min && (!exMin || x > min) && (max === undefined || x <= max) && (!exMax || max === undefined || x < max);
  if (integer) {
    const lo = Math.ceil(min);
    const hi = max === undefined ? lo + 3_600 : Math.floor(max);
    return fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: lo, max: Math.min(hi, lo + 5) }) },
      { weight: 1, arbitrary: fc.integer({ min: lo, max: hi }) },
    );
  }
  if (max !== undefined && max - min <= 1) {
    // Ratios (similarity thresholds): two decimals across the range, and both ends.
    return fc
      .oneof(fc.integer({ min: 0, max: 100 }).map((k) => min + ((max - min) * k) / 100), fc.constantFrom(min, max))
      .filter(ok);
  }
  const hi = max ?? min + 3_600;
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.integer({ min: Math.ceil(min), max: Math.min(Math.floor(hi), Math.ceil(min) + 20) }) },
      { weight: 2, arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(hi) }) },
      { weight: 1, arbitrary: fc.integer({ min: Math.ceil(min * 2), max: Math.floor(Math.min(hi, min + 40) * 2) }).map((k) => k / 2) },
    )
    .filter(ok);
}

function typeList(s: JsonSchema): string[] | undefined {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type as string[];
  return undefined;
}

export function schemaArb(input: JsonSchema, ctx: SchemaArbContext, path = ''): fc.Arbitrary<unknown> {
  const override = ctx.at?.[path.replace(/\/\d+(?=\/|$)/g, '/*')];
  if (override) return override(input, path);
  const { schema: s, ref } = resolveRef(input, ctx.root);
  if (ref !== undefined && ctx.refs?.[ref]) return ctx.refs[ref]!(s, path);

  for (const k of Object.keys(s)) {
    if (!SUPPORTED.has(k) && !ANNOTATIONS.has(k)) throw new UnsupportedSchemaError(`schemaArb: unsupported keyword "${k}" at "${path || '/'}"`);
  }
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if (Array.isArray(s.anyOf)) {
    const { anyOf, ...rest } = s;
    return fc.oneof(...(anyOf as JsonSchema[]).map((b) => schemaArb({ ...rest, ...b }, ctx, path)));
  }
  const types = typeList(s);
  if (types === undefined) {
    if (s.properties || s.additionalProperties !== undefined) return objectArb(s, ctx, path);
    if (s.items) return arrayArb(s, ctx, path);
    throw new UnsupportedSchemaError(`schemaArb: no type at "${path || '/'}"`);
  }
  if (types.length > 1) return fc.oneof(...types.map((t) => schemaArb({ ...s, type: t }, ctx, path)));
  switch (types[0]) {
    case 'object':
      return objectArb(s, ctx, path);
    case 'array':
      return arrayArb(s, ctx, path);
    case 'string':
      return stringArb(s, ctx, path);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      throw new UnsupportedSchemaError(`schemaArb: unsupported type "${String(types[0])}" at "${path || '/'}"`);
  }
}

function stringArb(s: JsonSchema, ctx: SchemaArbContext, path: string): fc.Arbitrary<string> {
  const minLength = typeof s.minLength === 'number' ? s.minLength : 0;
  const maxLength = typeof s.maxLength === 'number' ? s.maxLength : undefined;
  const fits = (x: string): boolean => [...x].length >= minLength && (maxLength === undefined || [...x].length <= maxLength);
  if (typeof s.pattern === 'string') return fc.stringMatching(new RegExp(s.pattern, 'u')).filter(fits);
  const base = ctx.string ? ctx.string(s, path) : fc.string({ minLength, maxLength: maxLength ?? Math.max(minLength, 8) });
  return base.filter(fits);
}

function objectArb(s: JsonSchema, ctx: SchemaArbContext, path: string): fc.Arbitrary<Record<string, unknown>> {
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((s.required ?? []) as string[]);
  for (const r of required) {
    if (!(r in props)) throw new UnsupportedSchemaError(`schemaArb: required "${r}" has no schema at "${path || '/'}"`);
  }
  const maxProps = typeof s.maxProperties === 'number' ? s.maxProperties : Infinity;
  const minProps = typeof s.minProperties === 'number' ? s.minProperties : 0;
  const rate = ctx.optionalRate ?? 0.5;
  const entries = Object.entries(props).map(([k, p]) => [k, schemaArb(p, ctx, child(path, k))] as const);
  const optional = entries.filter(([k]) => !required.has(k)).map(([k]) => k);
  const extra =
    s.additionalProperties !== undefined && s.additionalProperties !== false && typeof s.additionalProperties === 'object'
      ? fc.dictionary(fc.constantFrom('k1', 'k2', 'k3'), schemaArb(s.additionalProperties as JsonSchema, ctx, child(path, '*')), { maxKeys: 2, noNullPrototype: true })
      : fc.constant({});
  // Which optional properties are present: each with probability ~rate, then capped by maxProperties.
  const present = fc.array(fc.integer({ min: 0, max: 999 }), { minLength: optional.length, maxLength: optional.length });
  return fc.tuple(fc.record(Object.fromEntries(entries), { noNullPrototype: true }), present, extra).map(([all, dice, more]) => {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(props)) if (required.has(k)) out[k] = all[k];
    optional.forEach((k, i) => {
      if (Object.keys(out).length >= maxProps) return;
      if (dice[i]! < rate * 1000 || Object.keys(out).length < minProps) out[k] = all[k];
    });
    for (const [k, v] of Object.entries(more as Record<string, unknown>)) {
      if (!(k in props) && Object.keys(out).length < maxProps) out[k] = v;
    }
    return out;
  });
}

function arrayArb(s: JsonSchema, ctx: SchemaArbContext, path: string): fc.Arbitrary<unknown[]> {
  if (s.items === undefined || typeof s.items !== 'object' || Array.isArray(s.items)) {
    throw new UnsupportedSchemaError(`schemaArb: arrays need one "items" schema at "${path || '/'}"`);
  }
  const item = schemaArb(s.items as JsonSchema, ctx, child(path, '*'));
  const minLength = typeof s.minItems === 'number' ? s.minItems : 0;
  const maxLength = typeof s.maxItems === 'number' ? s.maxItems : minLength + 3;
  if (s.uniqueItems === true) return fc.uniqueArray(item, { minLength, maxLength, selector: (x) => JSON.stringify(x) });
  return fc.array(item, { minLength, maxLength });
}
