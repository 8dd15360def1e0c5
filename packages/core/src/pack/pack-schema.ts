/**
 * The pack's JSON Schema, generated from the rule-type registry: the common rule fields once, then
 * one `if type = X then options = X's schema` branch per type (if/then gives ajv and Monaco precise
 * errors and completion, where a oneOf would report every branch). Rule types reference the shared
 * `$defs` below (phrase lists, match specs, roles) with `#/$defs/...`.
 */
import { ROLES, MESSAGE_KINDS } from '../model/conversation.js';
import type { RuleTypeRegistry } from '../rule-types/registry.js';

export const PACK_SCHEMA_ID = 'https://zhijian.dev/schema/pack.json';

const localized = {
  description: 'Text, or {zh, en} for both languages. 文本，或 {zh, en} 双语。',
  anyOf: [
    { type: 'string' },
    {
      type: 'object',
      properties: { zh: { type: 'string' }, en: { type: 'string' } },
      required: ['zh'],
      additionalProperties: false,
    },
  ],
};

export const sharedDefs = {
  localized,
  role: { enum: [...ROLES], description: 'agent 客服 / customer 客户 / system 系统 / bot 机器人' },
  phraseItem: {
    description:
      'A literal phrase (matched on normalised text: NFKC, Simplified, lower case, 你=您), a {regex} run on the normalised text, a {set} reference to /phraseSets, or a {clause} pattern (a phrase of each of two groups in one clause). 短语、正则、短语集引用或子句模式。',
    anyOf: [
      { type: 'string', minLength: 1 },
      {
        type: 'object',
        properties: {
          regex: { type: 'string', minLength: 1, description: 'JavaScript regular expression (flags gu), on lower-cased Simplified text.' },
          spaced: { type: 'boolean', default: false, description: 'Run on the text with its spaces kept.' },
          note: { type: 'string', description: 'What the expression means, for reviewers.' },
        },
        required: ['regex'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: { set: { type: 'string', description: 'Name of a phrase set under /phraseSets.' } },
        required: ['set'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          clause: {
            type: 'array',
            minItems: 2,
            maxItems: 2,
            items: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
            description:
              'Two groups of literal phrases: a phrase of each in one clause (between punctuation marks; a line break does not end one), in either order; the hit spans from the earlier phrase to the end of the later. 子句模式：两组短语各有一个出现在同一子句中（顺序不限）。',
          },
          note: { type: 'string', description: 'What the pattern means, for reviewers.' },
        },
        required: ['clause'],
        additionalProperties: false,
      },
    ],
  },
  phraseList: { type: 'array', items: { $ref: '#/$defs/phraseItem' }, description: 'Phrase list. 短语列表。' },
  matchSpec: {
    type: 'object',
    description: 'Phrases to find in a message, minus exceptions and negated hits. 匹配：短语、例外、否定。',
    properties: {
      phrases: { type: 'array', $ref: '#/$defs/phraseList', minItems: 1, description: 'Any of these phrases matches. 任一短语命中。' },
      exceptions: { $ref: '#/$defs/phraseList', description: 'Phrases that cancel a hit they overlap (滚动 cancels 滚). 例外词。' },
      unless: { $ref: '#/$defs/phraseList', description: 'A message containing one of these is no match at all. 含这些词的消息整体不算。' },
      notNegated: { type: 'boolean', default: false, description: 'Ignore hits preceded by a negator (不会给差评). 否定不算。' },
    },
    required: ['phrases'],
    additionalProperties: false,
  },
  example: {
    type: 'object',
    description: 'A tiny conversation the rule must fire on or pass. 规则样例。',
    properties: {
      description: { type: 'string' },
      messages: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            role: { $ref: '#/$defs/role' },
            text: { type: 'string' },
            ts: { type: ['string', 'number'] },
            endTs: { type: ['string', 'number'] },
            kind: { enum: [...MESSAGE_KINDS] },
            speaker: { type: 'string' },
          },
          required: ['role', 'text'],
          additionalProperties: false,
        },
      },
      expect: { enum: ['fires', 'passes'] },
      at: { type: 'integer', minimum: 0, description: 'Message index where the finding must be. 命中的消息序号。' },
    },
    required: ['messages', 'expect'],
    additionalProperties: false,
  },
} as const;

export function buildPackSchema(registry: RuleTypeRegistry): Record<string, unknown> {
  const types = registry.list();
  const ruleBranches = types.map((t) => ({
    if: { properties: { type: { const: t.meta.id } }, required: ['type'] },
    then: { properties: { options: t.meta.optionsSchema } },
  }));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: PACK_SCHEMA_ID,
    title: 'zhijian rule pack 质检规则包',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      id: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$', description: 'Pack id, e.g. ecommerce-chat.zh. 规则包 id。' },
      version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?$', description: 'Semantic version. 语义化版本号。' },
      name: { $ref: '#/$defs/localized' },
      description: { $ref: '#/$defs/localized' },
      plugins: { type: 'array', items: { type: 'string' }, description: 'Plugin packages that provide rule types this pack uses (loaded by the user, never by the pack). 所需插件。' },
      maxScore: { type: 'number', exclusiveMinimum: 0, default: 100, description: 'Base score. 满分。' },
      grades: {
        type: 'array',
        description: 'Grades, highest first: a score >= min gets the label. 等级。',
        items: {
          type: 'object',
          properties: { min: { type: 'number' }, label: { type: 'string', minLength: 1 } },
          required: ['min', 'label'],
          additionalProperties: false,
        },
        minItems: 1,
      },
      vetoGrade: { type: 'string', description: 'Grade of a vetoed result (default: the lowest grade). 一票否决时的等级。' },
      categories: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: {
            id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', description: 'Category id. 类别 id。' },
            name: { $ref: '#/$defs/localized' },
            cap: { type: 'number', minimum: 0, description: 'Maximum total deduction. 扣分上限。' },
            veto: { type: 'boolean', default: false, description: 'Any finding vetoes the result (高压线). 一票否决。' },
          },
          required: ['id', 'name'],
          additionalProperties: false,
        },
      },
      definitions: {
        type: 'object',
        description: 'Shared definitions, e.g. the negator list. 公共定义。',
        properties: {
          negation: {
            type: 'object',
            properties: {
              negators: { type: 'array', items: { type: 'string', minLength: 1 }, description: '否定词' },
              fillers: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Words allowed between negator and word. 否定词与词之间允许的词。' },
              maxFillers: { type: 'integer', minimum: 0, maximum: 5, default: 2 },
              rhetoricalFollowers: { type: 'array', items: { type: 'string', minLength: 1 } },
              rhetoricalEndings: { type: 'array', items: { type: 'string', minLength: 1 } },
            },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
      phraseSets: {
        type: 'object',
        description: 'Named phrase lists rules can share with {"set": name}. 共享短语集。',
        additionalProperties: { $ref: '#/$defs/phraseList' },
      },
      scripts: {
        type: 'array',
        description: 'Standard scripts (统一话术 / 快捷短语).',
        items: {
          type: 'object',
          properties: { id: { type: 'string', minLength: 1 }, text: { type: 'string', minLength: 1 } },
          required: ['id', 'text'],
          additionalProperties: false,
        },
      },
      lint: {
        type: 'object',
        description: 'Lint warnings this pack acknowledges, each with a reason. 已确认的 lint 警告及理由。',
        properties: {
          allow: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                code: { type: 'string', pattern: '^lint\\.', description: 'e.g. lint.shadowed-phrase' },
                pointer: { type: 'string', description: 'JSON pointer of the value (or a parent). 位置。' },
                reason: { type: 'string', minLength: 1, description: 'Why this is intended. 理由。' },
              },
              required: ['code', 'pointer', 'reason'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
      rules: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+$', description: 'Rule id, category.name. 规则 id。' },
            type: {
              enum: types.map((t) => t.meta.id),
              description: 'Rule type. 规则类型。',
              enumDescriptions: types.map((t) => `${t.meta.description.zh} — ${t.meta.description.en}`),
            },
            name: { $ref: '#/$defs/localized' },
            category: { type: 'string', description: 'Category id from /categories. 所属类别。' },
            points: { type: 'number', minimum: 0, description: 'Deduction per finding. 每次扣分。' },
            maxFindings: { type: 'integer', minimum: 1, description: 'Only the first N findings cost points. 最多计几次。' },
            review: { type: 'boolean', default: false, description: 'Findings wait for an inspector (pending, 0 points) until confirmed. 需人工复核。' },
            veto: { type: 'boolean', description: 'A finding vetoes the result (overrides the category). 一票否决。' },
            enabled: { type: 'boolean', default: true },
            description: { $ref: '#/$defs/localized' },
            guidance: { $ref: '#/$defs/localized', description: 'What the agent should do instead (shown to inspectors). 改进建议。' },
            message: { $ref: '#/$defs/localized', description: 'Finding message; placeholders like {evidence}. 提示语。' },
            options: { type: 'object' },
            examples: { type: 'array', items: { $ref: '#/$defs/example' } },
          },
          required: ['id', 'type', 'category', 'points'],
          additionalProperties: false,
          $ref: '#/$defs/typedOptions',
        },
      },
    },
    required: ['id', 'version', 'categories', 'rules'],
    additionalProperties: false,
    $defs: {
      ...sharedDefs,
      detector: {
        type: 'object',
        description: 'Another rule type used inside this rule. 子检测器。',
        properties: {
          type: { enum: types.filter((t) => !t.meta.manual).map((t) => t.meta.id), description: 'Rule type. 规则类型。' },
          options: { type: 'object' },
        },
        required: ['type'],
        additionalProperties: false,
        $ref: '#/$defs/typedOptions',
      },
      /** One `if type = X then options = X's schema` branch per type, shared by rules and detectors. */
      typedOptions: { type: 'object', allOf: ruleBranches },
    },
  };
}
