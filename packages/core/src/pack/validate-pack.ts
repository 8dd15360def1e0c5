/** Schema validation of a pack with ajv (draft 2020-12), errors turned into plain located messages. */
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { RuleTypeRegistry } from '../rule-types/registry.js';
import { buildPackSchema } from './pack-schema.js';
import type { PackProblem } from './pack-error.js';

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

function explain(e: ErrorObject): { pointer: string; message: string } {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { pointer: e.instancePath, message: `missing required property "${String(p.missingProperty)}"` };
    case 'additionalProperties':
      return { pointer: `${e.instancePath}/${String(p.additionalProperty)}`, message: `unknown property "${String(p.additionalProperty)}"` };
    case 'enum':
      return { pointer: e.instancePath, message: `must be one of: ${(p.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(', ')}` };
    case 'const':
      return { pointer: e.instancePath, message: `must be ${JSON.stringify(p.allowedValue)}` };
    case 'type':
      return { pointer: e.instancePath, message: `must be of type ${String(p.type)}` };
    default:
      return { pointer: e.instancePath, message: e.message ?? e.keyword };
  }
}

/** Returns the schema problems of a pack (empty when valid). Noise from if/anyOf wrappers is dropped. */
export function validatePackSchema(pack: unknown, registry: RuleTypeRegistry): PackProblem[] {
  const validate = validatorFor(registry);
  if (validate(pack)) return [];
  const seen = new Set<string>();
  const problems: PackProblem[] = [];
  const errors = validate.errors ?? [];
  // anyOf over phrase items reports each branch; keep the anyOf summary only when no branch error is more specific.
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    if (e.schemaPath.includes('/anyOf/') && errors.some((o) => o.keyword === 'anyOf' && o.instancePath === e.instancePath)) continue;
    const { pointer, message } = explain(e);
    const msg = e.keyword === 'anyOf' ? 'is not a valid value here (a phrase string, {regex}, {set} or localized text)' : message;
    const key = `${pointer}|${msg}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ pointer, message: msg, severity: 'error', code: `schema.${e.keyword}` });
  }
  return problems;
}
