/**
 * Whole packs generated from the rule-type registry's own schemas. The pack's skeleton
 * (categories, grades, phrase sets, scripts, rule ids, points) is written here; every rule's
 * `options` comes from its type's `meta.optionsSchema` through schemaArb, with hooks for the pack
 * schema's $defs (phraseItem from the shared vocabulary and a few safe regexes, role, detector,
 * localized) and a short list of the constraints only the compiler checks ("compile-only
 * constraints" below). A new rule type is therefore covered without touching this file, unless
 * it adds a compile-only constraint, which the "every generated schema-valid pack compiles"
 * property then reports.
 */
import fc from 'fast-check';
import { schemaArb, type SchemaArbContext } from './json-schema.js';
import { PHRASES, SAFE_REGEXES, SCRIPTS } from './vocabulary.js';
import type { GenCategory, GenPack, GenRule, JsonSchema, PhraseItem, RuleTypeInfo } from './types.js';

export interface PackArbOptions {
  /** buildPackSchema(registry): its $defs resolve the options schemas' references. */
  packSchema: JsonSchema;
  /** registry.list().map((t) => t.meta) */
  ruleTypes: readonly RuleTypeInfo[];
  /** Only these rule types (default: all). */
  types?: readonly string[];
  minRules?: number;
  /** Default 8. */
  maxRules?: number;
  /** Phrase vocabulary (default PHRASES). */
  phrases?: readonly string[];
  /** Allow regex phrase items (default true). */
  regexes?: boolean;
  /** Allow `spaced` regexes (default true). */
  spacedRegexes?: boolean;
  /** Allow review rules (default true). */
  review?: boolean;
  /** Allow veto categories and rules (default true). */
  veto?: boolean;
  /** Rule points and category caps (default pointsArb: whole numbers, halves, thousandths). */
  points?: fc.Arbitrary<number>;
  /** The pack's maxScore (default: 100, 10, 1 or any points value above 0). */
  maxScore?: fc.Arbitrary<number>;
  /** Extra per-type option repairs (rule options and detector options), applied after the built-in ones. */
  repair?: (type: string, options: Record<string, unknown>) => Record<string, unknown>;
}

const CATEGORY_IDS = ['etiquette', 'business', 'crisis', 'redline', 'misc'] as const;
const SET_NAMES = ['set-a', 'set-b', 'set-c'] as const;

/** Points: mostly whole numbers, sometimes halves, rarely thousandths (rounding edge cases). */
export function pointsArb(max = 20): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max }) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: max * 2 }).map((k) => k / 2) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: max * 1000 }).map((k) => k / 1000) },
  );
}

export function localizedArb(): fc.Arbitrary<string | { zh: string; en?: string }> {
  return fc.oneof(
    fc.constantFrom('规则', '服务礼仪', 'Rule'),
    fc.record({ zh: fc.constantFrom('规则', '危机预警'), en: fc.constantFrom('Rule', 'Crisis') }, { requiredKeys: ['zh'], noNullPrototype: true }),
  );
}

export interface PhraseItemOptions {
  phrases: readonly string[];
  sets: readonly string[];
  regexes: boolean;
  spaced: boolean;
}

/**
 * A phrase item, generated from the branches of the pack schema's `phraseItem` (anyOf): a string
 * branch gives a vocabulary word, a `regex` branch one of the safe regexes, a `set` branch a
 * defined set name; any other branch (a new form of phrase item, such as clause patterns) is
 * generated from its schema with vocabulary words (letters and digits only) for its strings.
 */
export function phraseItemArb(o: PhraseItemOptions, schema?: JsonSchema, ctx?: SchemaArbContext): fc.Arbitrary<PhraseItem> {
  const branches = (schema?.anyOf as JsonSchema[] | undefined) ?? [{ type: 'string' }, { required: ['regex'] }, { required: ['set'] }];
  const regexes = SAFE_REGEXES.filter((r) => o.spaced || !('spaced' in r));
  const arbs: Array<fc.WeightedArbitrary<PhraseItem>> = [];
  for (const b of branches) {
    const required = (b.required as string[] | undefined) ?? [];
    if (b.type === 'string') {
      arbs.push({ weight: 12, arbitrary: fc.constantFrom(...o.phrases) });
    } else if (required.includes('regex')) {
      if (!o.regexes || regexes.length === 0) continue;
      arbs.push({
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...regexes), fc.boolean(), fc.boolean())
          .map(([r, note, explicit]) => ({
            regex: r.regex,
            ...('spaced' in r ? { spaced: true } : explicit ? { spaced: false } : {}),
            ...(note ? { note: 'generated' } : {}),
          })),
      });
    } else if (required.includes('set')) {
      if (o.sets.length > 0) arbs.push({ weight: 2, arbitrary: fc.constantFrom(...o.sets).map((set) => ({ set })) });
    } else if (ctx) {
      // Words only (letters and digits): clause patterns reject punctuation, which ends a clause.
      const words = o.phrases.filter((p) => /^[\p{L}\p{N}]+$/u.test(p));
      arbs.push({ weight: 1, arbitrary: schemaArb(b, { ...ctx, string: () => fc.constantFrom(...words) }) as fc.Arbitrary<PhraseItem> });
    }
  }
  return fc.oneof(...arbs);
}

/** Numeric option pairs minX / maxX (with their schema defaults) must not cross: raise maxX to minX. */
export function orderMinMax(options: Record<string, unknown>, schema: JsonSchema): Record<string, unknown> {
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const out = { ...options };
  for (const key of Object.keys(props)) {
    const m = /^min([A-Z].*)$/.exec(key);
    if (!m || !props[`max${m[1]}`]) continue;
    const maxKey = `max${m[1]}`;
    const min = (out[key] ?? props[key]!.default) as unknown;
    const max = (out[maxKey] ?? props[maxKey]!.default) as unknown;
    if (typeof min === 'number' && typeof max === 'number' && min > max) out[maxKey] = min;
  }
  return out;
}

/**
 * Compile-only constraints of the built-in types (each is a `tools.fail` in the type's create):
 *  - required-phrase needs `phrases` or `allOf`;
 *  - repeated-message's `phraseGroups` needs a non-empty `only`;
 *  - script-fidelity's `scripts` must name scripts of the pack (handled by the '/scripts' hook);
 *  - any-of cannot nest another any-of (handled by the detector hook);
 *  - numeric minX / maxX options must not cross (speech-rate's minPerMinute / maxPerMinute), for
 *    any type, through the naming convention (orderMinMax).
 */
function builtinRepair(type: string, options: Record<string, unknown>, schema: JsonSchema): Record<string, unknown> {
  const o = orderMinMax(options, schema);
  if (type === 'required-phrase' && o.phrases === undefined && o.allOf === undefined) o.phrases = ['您好'];
  if (type === 'repeated-message' && o.phraseGroups === true && !(Array.isArray(o.only) && o.only.length > 0)) delete o.phraseGroups;
  return o;
}

interface Skeleton {
  categories: GenCategory[];
  sets: string[];
  scripts: Array<{ id: string; text: string }>;
}

/** Options of one rule type (also used for the detectors of any-of), repaired for the compile-only constraints. */
function optionsArb(type: RuleTypeInfo, o: PackArbOptions, sk: Skeleton): fc.Arbitrary<Record<string, unknown>> {
  const byId = new Map(o.ruleTypes.map((t) => [t.id, t]));
  const phrases = o.phrases ?? PHRASES;
  const itemOptions = { phrases, sets: sk.sets, regexes: o.regexes !== false, spaced: o.spacedRegexes !== false };
  // Hooks by path inside this type's options (script-fidelity: script ids must exist in the pack).
  const at: NonNullable<SchemaArbContext['at']> =
    type.id === 'script-fidelity'
      ? {
          '/scripts': () =>
            sk.scripts.length === 0 ? fc.constant(undefined) : fc.shuffledSubarray(sk.scripts.map((s) => s.id), { minLength: 1 }),
        }
      : {};
  const ctx: SchemaArbContext = {
    root: o.packSchema,
    string: () => fc.constantFrom(...phrases),
    at,
    refs: {
      phraseItem: (s) => phraseItemArb(itemOptions, s, ctx),
      role: (s) =>
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom('agent', 'customer') },
          { weight: 1, arbitrary: fc.constantFrom(...((s.enum as string[] | undefined) ?? ['agent', 'customer', 'system', 'bot'])) },
        ),
      localized: () => localizedArb(),
      detector: (s) => {
        const allowed = ((s.properties as Record<string, JsonSchema>).type!.enum as string[]).filter((id) => id !== 'any-of' && byId.has(id));
        return fc.constantFrom(...allowed).chain((id) =>
          fc
            .tuple(optionsArb(byId.get(id)!, o, sk), fc.boolean())
            .map(([options, withOptions]) => (withOptions || Object.keys(options).length > 0 ? { type: id, options } : { type: id })),
        );
      },
    },
  };
  return schemaArb(type.optionsSchema, ctx).map((raw) => {
    let options = builtinRepair(type.id, raw as Record<string, unknown>, type.optionsSchema);
    for (const [k, v] of Object.entries(options)) if (v === undefined) delete options[k];
    if (o.repair) options = o.repair(type.id, options);
    return options;
  });
}

function skeletonArb(o: PackArbOptions): fc.Arbitrary<Skeleton & { phraseSets: Record<string, PhraseItem[]> }> {
  const phrases = o.phrases ?? PHRASES;
  const phraseItemSchema = ((o.packSchema.$defs ?? {}) as Record<string, JsonSchema>).phraseItem;
  const setCtx: SchemaArbContext = { root: o.packSchema, string: () => fc.constantFrom(...phrases) };
  const category = (id: string): fc.Arbitrary<GenCategory> =>
    fc
      .record(
        {
          name: localizedArb(),
          cap: fc.oneof(fc.integer({ min: 0, max: 60 }), o.points ?? pointsArb(30)),
          veto: o.veto === false ? fc.constant(false) : fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
        },
        { requiredKeys: ['name'], noNullPrototype: true },
      )
      .map((c) => ({ id, ...c }));
  const categories = fc
    .shuffledSubarray([...CATEGORY_IDS], { minLength: 1, maxLength: 4 })
    .chain((ids) => fc.tuple(...ids.map(category)));
  // Phrase sets: set k may refer to sets before it (never to itself or later: no cycles).
  const phraseSets = fc.integer({ min: 0, max: SET_NAMES.length }).chain((n) =>
    fc.tuple(
      ...SET_NAMES.slice(0, n).map((name, k) =>
        fc
          .array(phraseItemArb({ phrases, sets: SET_NAMES.slice(0, k), regexes: o.regexes !== false, spaced: o.spacedRegexes !== false }, phraseItemSchema, setCtx), {
            minLength: 1,
            maxLength: 5,
          })
          .map((items) => [name, items] as const),
      ),
    ),
  );
  const scripts = fc.subarray([...SCRIPTS]).map((xs) => xs.map((s) => ({ ...s })));
  return fc.tuple(categories, phraseSets, scripts).map(([cats, sets, scr]) => ({
    categories: cats,
    sets: sets.map(([name]) => name),
    phraseSets: Object.fromEntries(sets),
    scripts: scr,
  }));
}

function ruleArb(o: PackArbOptions, sk: Skeleton, types: readonly RuleTypeInfo[]): fc.Arbitrary<Omit<GenRule, 'id'>> {
  return fc.constantFrom(...types).chain((t) =>
    fc
      .record(
        {
          category: fc.constantFrom(...sk.categories.map((c) => c.id)),
          points: o.points ?? pointsArb(),
          maxFindings: fc.integer({ min: 1, max: 4 }),
          review: o.review === false ? fc.constant(false) : fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
          veto: o.veto === false ? fc.constant(false) : fc.oneof({ weight: 8, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
          enabled: fc.oneof({ weight: 8, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
          name: localizedArb(),
          message: fc.constantFrom('命中「{evidence}」', 'hit {evidence}', '{missing}'),
          options: optionsArb(t, o, sk),
        },
        { requiredKeys: ['category', 'points', 'options'], noNullPrototype: true },
      )
      .map((r) => {
        const rule: Omit<GenRule, 'id'> = { type: t.id, ...r };
        if (t.manual || Object.keys(r.options).length === 0) delete rule.options;
        return rule;
      }),
  );
}

/** A pack that is schema-valid and meets every compile-only constraint of the built-in types. */
export function packArb(o: PackArbOptions): fc.Arbitrary<GenPack> {
  const types = o.ruleTypes.filter((t) => !o.types || o.types.includes(t.id));
  if (types.length === 0) throw new Error('packArb: no rule type to generate');
  return skeletonArb(o).chain((sk) =>
    fc
      .record(
        {
          rules: fc.array(ruleArb(o, sk, types), { minLength: o.minRules ?? 1, maxLength: o.maxRules ?? 8, size: 'medium' }),
          maxScore: o.maxScore ?? fc.oneof(fc.constantFrom(100, 10, 1), pointsArb(150).filter((x) => x > 0)),
          grades: fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 }).map((mins) =>
            [...mins].sort((a, b) => b - a).map((min, i) => ({ min, label: `G${i}` })),
          ),
          vetoGrade: fc.constantFrom('否决', 'G0'),
          negation: fc.record(
            {
              negators: fc.subarray(['不', '没', '没有', '不会', '不想', '别', '不是', '不能', '无法']),
              fillers: fc.subarray(['给', '给您', '去', '要', '再', '你', '您']),
              maxFillers: fc.integer({ min: 0, max: 5 }),
              rhetoricalFollowers: fc.constantFrom(['是什么'], []),
              rhetoricalEndings: fc.constantFrom(['吗', '嘛'], ['吗']),
            },
            { requiredKeys: [], noNullPrototype: true },
          ),
          name: localizedArb(),
        },
        { requiredKeys: ['rules'], noNullPrototype: true },
      )
      .map((r): GenPack => {
        const pack: GenPack = { id: 'generated.pack', version: '1.0.0', categories: sk.categories, rules: [] };
        if (r.name !== undefined) pack.name = typeof r.name === 'string' ? r.name : r.name.zh;
        if (r.maxScore !== undefined) pack.maxScore = r.maxScore;
        if (r.grades !== undefined) pack.grades = r.grades;
        if (r.vetoGrade !== undefined) pack.vetoGrade = r.vetoGrade;
        if (r.negation !== undefined) pack.definitions = { negation: r.negation };
        if (Object.keys(sk.phraseSets).length > 0) pack.phraseSets = sk.phraseSets;
        if (sk.scripts.length > 0) pack.scripts = sk.scripts;
        pack.rules = r.rules.map((rule, i) => ({ id: `${rule.category}.r${i}`, ...rule }));
        return pack;
      }),
  );
}

// ---------------------------------------------------------------------------------------------
// Pack transformations used by the properties

/** Fisher-Yates with the given random fractions (deterministic, shrinkable). */
export function permute<T>(xs: readonly T[], fractions: readonly number[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const f = fractions[i % Math.max(1, fractions.length)] ?? 0;
    const j = Math.floor(f * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The same pack with its rules and its categories in another order. */
export function reorderPack<P extends { rules: unknown[]; categories: unknown[] }>(pack: P, ruleFractions: readonly number[], categoryFractions: readonly number[]): P {
  return { ...pack, rules: permute(pack.rules, ruleFractions), categories: permute(pack.categories, categoryFractions) };
}

export function fractionsArb(): fc.Arbitrary<number[]> {
  return fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 12 });
}

// ---------------------------------------------------------------------------------------------
// Rule classification (for properties that hold only for some rules)

function detectorsOf(rule: { type: string; options?: Record<string, unknown> }): Array<{ type: string; options: Record<string, unknown> }> {
  if (rule.type !== 'any-of') return [{ type: rule.type, options: rule.options ?? {} }];
  const ds = (rule.options?.detectors ?? []) as Array<{ type: string; options?: Record<string, unknown> }>;
  return ds.map((d) => ({ type: d.type, options: d.options ?? {} }));
}

/**
 * A rule that judges each message on its own and only forbids: its findings on one message
 * depend on that message alone (phrase without scope, personal-data, symbol-only-reply without
 * context; any-of of such detectors; manual items, which the engine never raises). Inserting or removing a message changes no finding of such
 * a rule on any other message, which makes the monotonicity properties hold.
 */
export function isMessageLocal(rule: { type: string; options?: Record<string, unknown> }): boolean {
  return detectorsOf(rule).every(
    (d) =>
      d.type === 'manual' ||
      (d.type === 'phrase' && d.options.scope === undefined) ||
      d.type === 'personal-data' ||
      (d.type === 'symbol-only-reply' && d.options.context === undefined),
  );
}

/**
 * Types whose findings all lie on utterances of `options.role` and that read no other role, as long
 * as their options name no other role (no nested `role`, such as required-phrase's `when`).
 */
const SINGLE_ROLE_TYPES = new Set(['phrase', 'required-phrase', 'personal-data', 'repeated-message', 'script-fidelity', 'tag', 'symbol-only-reply']);

function namesNestedRole(v: unknown, top: boolean): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (!top && !Array.isArray(v) && 'role' in (v as Record<string, unknown>)) return true;
  return Object.values(v as Record<string, unknown>).some((x) => namesNestedRole(x, false));
}

/**
 * The one role a rule reads, when it reads only one (its findings lie on that role's utterances,
 * and other roles' messages cannot change them); undefined for rules that read several roles
 * (trigger-response, reply-time, event-announced, unanswered-at-end, symbol-only-reply with a
 * context, required-phrase with `when`...) and for types not known to be single-role.
 * `defaultRole(type)` gives the type's default role (from its options schema).
 */
export function singleRoleOf(rule: { type: string; options?: Record<string, unknown> }, defaultRole: (type: string) => string | undefined): string | undefined {
  const roles = new Set<string>();
  for (const d of detectorsOf(rule)) {
    if (!SINGLE_ROLE_TYPES.has(d.type) || namesNestedRole(d.options, true)) return undefined;
    if (d.options.context !== undefined || d.options.when !== undefined) return undefined; // symbol-only-reply's context, required-phrase's when
    const role = (d.options.role as string | undefined) ?? defaultRole(d.type);
    if (role === undefined) return undefined;
    roles.add(role);
  }
  return roles.size === 1 ? [...roles][0] : undefined;
}

/** Does any detector of the rule read local time (working hours)? */
export function readsLocalTime(rule: { type: string; options?: Record<string, unknown> }): boolean {
  return detectorsOf(rule).some((d) => d.type === 'reply-time');
}

/** Does any detector of the rule use a `spaced` regex (which sees spaces, by design)? */
export function usesSpacedRegex(rule: { options?: Record<string, unknown> }, phraseSets: Record<string, unknown> = {}): boolean {
  const seen = new Set<unknown>();
  const visit = (v: unknown): boolean => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return false;
    seen.add(v);
    if (!Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o.regex === 'string' && o.spaced === true) return true;
      if (typeof o.set === 'string' && visit(phraseSets[o.set])) return true;
    }
    return Object.values(v as Record<string, unknown>).some(visit);
  };
  return visit(rule.options ?? {});
}
