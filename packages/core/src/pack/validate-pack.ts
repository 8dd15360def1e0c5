/** Schema validation of a pack with ajv (draft 2020-12), errors turned into located problems worded in zh or en. */
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { RuleTypeRegistry } from '../rule-types/registry.js';
import { buildPackSchema } from './pack-schema.js';
import type { Lang } from '../engine/render-message.js';
import type { PackProblem, PackProblemParams } from './pack-error.js';
import { packProblem, renderPackMessage } from './messages.js';

const validators = new WeakMap<RuleTypeRegistry, ValidateFunction>();

// ajv is CommonJS: under NodeNext its class sits on `.default` (bundlers give it directly).
type AjvClass = typeof Ajv2020Module.default;
const Ajv2020: AjvClass = (Ajv2020Module as unknown as { default?: AjvClass }).default ?? (Ajv2020Module as unknown as AjvClass);

export function createAjv(): InstanceType<AjvClass> {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  // Editor-only annotations used by Monaco's JSON language service.
  ajv.addKeyword({ keyword: 'enumDescriptions' });
  ajv.addKeyword({ keyword: 'markdownDescription' });
  ajv.addKeyword({ keyword: 'x-description-zh' });
  return ajv;
}

function validatorFor(registry: RuleTypeRegistry): ValidateFunction {
  const cached = validators.get(registry);
  if (cached) return cached;
  const v = createAjv().compile(buildPackSchema(registry));
  validators.set(registry, v);
  return v;
}

const LIMIT_KEYWORDS = new Set([
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minProperties',
  'maxProperties',
]);

/** An ajv error as a pointer and the data its message is made from (worded by messages.ts, code `schema.<keyword>`). */
function explain(e: ErrorObject): { pointer: string; params: PackProblemParams } {
  const p = e.params as Record<string, unknown>;
  const pointer = e.instancePath;
  if (LIMIT_KEYWORDS.has(e.keyword) && typeof p.limit === 'number') return { pointer, params: { limit: p.limit } };
  switch (e.keyword) {
    case 'required':
      return { pointer, params: { property: String(p.missingProperty) } };
    case 'additionalProperties':
      return { pointer: `${pointer}/${String(p.additionalProperty)}`, params: { property: String(p.additionalProperty) } };
    case 'enum':
      return { pointer, params: { allowed: (p.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(', ') } };
    case 'const':
      return { pointer, params: { value: JSON.stringify(p.allowedValue) } };
    case 'type':
      return { pointer, params: { jsonType: String(p.type) } };
    case 'pattern':
      return { pointer, params: { pattern: String(p.pattern) } };
    case 'format':
      return { pointer, params: { format: String(p.format) } };
    case 'multipleOf':
      return { pointer, params: { multipleOf: Number(p.multipleOf) } };
    case 'uniqueItems':
      return { pointer, params: { i: Number(p.i), j: Number(p.j) } };
    case 'anyOf':
    case 'oneOf':
      return { pointer, params: {} };
    default:
      // A keyword the table does not word: ajv's (English) message, under `schema.other`.
      return { pointer, params: { keyword: e.keyword, detail: e.message ?? e.keyword } };
  }
}

/**
 * Returns the schema problems of a pack (empty when valid), worded in `lang`. Noise from if/anyOf
 * wrappers is dropped.
 */
export function validatePackSchema(pack: unknown, registry: RuleTypeRegistry, lang: Lang = 'zh'): PackProblem[] {
  const validate = validatorFor(registry);
  if (validate(pack)) return [];
  const seen = new Set<string>();
  const problems: PackProblem[] = [];
  const errors = validate.errors ?? [];
  // anyOf over phrase items reports each branch; keep the anyOf summary only when no branch error is more specific.
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (e.schemaPath.includes('/anyOf/') && errors.some((o) => o.keyword === 'anyOf' && o.instancePath === e.instancePath)) continue;
    const { pointer, params } = explain(e);
    const code = `schema.${e.keyword}`;
    // Duplicates are the same English text at the same place, whatever the language asked for.
    const key = `${pointer}|${renderPackMessage(code, params, 'en')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(packProblem(pointer, 'error', code, params, lang));
  }
  return problems;
}
