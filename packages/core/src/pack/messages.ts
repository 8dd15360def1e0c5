/**
 * Every pack problem text, in Chinese (the default) and English, keyed by problem code. `en` is typed
 * against `zh`'s keys, so a string missing in either fails type-checking. `{name}` placeholders are
 * filled from the problem's `params`, so an app can re-render a problem in another language
 * (renderPackProblem) from its code and params alone.
 *
 * A few codes have variants (`code:variant`), chosen from the params (see VARIANTS): the code a
 * problem carries never changes with its wording. A schema keyword this table does not cover is
 * reported as `schema.<keyword>` and worded by `schema.other`.
 */
import type { Lang } from '../engine/render-message.js';
import type { PackProblem, PackProblemParams, Severity } from './pack-error.js';

const zh = {
  // ---- schema (ajv) ----
  'schema.required': '缺少必填属性 "{property}"',
  'schema.additionalProperties': '未知属性 "{property}"',
  'schema.enum': '必须是以下之一：{allowed}',
  'schema.const': '必须是 {value}',
  'schema.type': '类型必须是 {jsonType}',
  'schema.minItems': '至少需要 {limit} 项',
  'schema.maxItems': '最多只能有 {limit} 项',
  'schema.minLength': '至少需要 {limit} 个字符',
  'schema.maxLength': '最多只能有 {limit} 个字符',
  'schema.minimum': '必须大于或等于 {limit}',
  'schema.maximum': '必须小于或等于 {limit}',
  'schema.exclusiveMinimum': '必须大于 {limit}',
  'schema.exclusiveMaximum': '必须小于 {limit}',
  'schema.minProperties': '至少需要 {limit} 个属性',
  'schema.maxProperties': '最多只能有 {limit} 个属性',
  'schema.multipleOf': '必须是 {multipleOf} 的倍数',
  'schema.pattern': '格式不符：必须匹配模式 "{pattern}"',
  'schema.format': '格式不符：必须是 "{format}" 格式',
  'schema.uniqueItems': '不能有重复项（第 {j} 项与第 {i} 项相同，从 0 数起）',
  'schema.anyOf': '此处的值无效（应为短语字符串、{regex: …}、{set: …} 或文本 / {zh, en} 双语文本）',
  'schema.oneOf': '必须恰好符合其中一种写法',
  'schema.other': '不符合规则包格式（{keyword}）：{detail}',

  // ---- pack structure (compilePack) ----
  'pack.duplicate-category': '分类 id "{id}" 重复',
  'pack.duplicate-rule': '规则 id "{id}" 重复（首次出现在 {first}）',
  'pack.unknown-category': '未知分类 "{category}"（请在 /categories 中声明）',
  'rule.unknown-type': '未知的规则类型 "{type}"；此规则包声明了插件 {plugins}：请用 --plugin 或 zhijian.config.json 加载提供该类型的插件',
  'rule.unknown-type:no-plugin': '未知的规则类型 "{type}"；已加载的插件都不提供该类型',
  'rule.detector-unknown-type': '未知的规则类型 "{type}"',
  'rule.detector-manual': '人工质检项类型不能用作检测器（"{type}"）',
  'rule.options': '{message}',
  'rule.create': '{message}',

  // ---- phrase lists (match-query) ----
  'phrase.empty': '短语 "{phrase}" 规范化后为空',
  'phrase.unknown-set': '未知短语集 "{set}"（请在 /phraseSets 中定义）',
  'phrase.set-cycle': '短语集 "{set}" 引用了自身',
  'phrase.clause-punctuation': '子句模式的短语不能含标点（"{phrase}"）：标点会结束子句',
  'phrase.regex-invalid': '正则表达式无法编译：{detail}',
  'phrase.regex-empty': '正则表达式能匹配空字符串',
  'phrase.empty-list': '短语列表为空',

  // ---- lint (lintPack) ----
  'lint.empty-list': '短语列表为空：请删除它或添加短语',
  'lint.duplicate-phrase': '"{phrase}" 重复列出（首次出现在 {first}）',
  'lint.shadowed-phrase': '"{phrase}" 不会带来新的命中：凡它能命中之处，"{shorter}"（{at}）也能命中；它只会扩大证据范围',
  'lint.contradiction': '"{phrase}" 在{role}消息中既被 {required} 要求，又被 {forbidden} 禁止（{at}）',
  'lint.contradiction:no-role': '"{phrase}" 既被 {required} 要求，又被 {forbidden} 禁止（{at}）',
  'lint.no-points': '{rule} 永远不会扣分：它的分值为 0',
  'lint.no-points:cap': '{rule} 永远不会扣分：分类 {category} 的扣分上限为 0',
  'lint.over-cap': 'maxFindings × points = {product}，超过分类 {category} 的扣分上限 {cap}：最后几次命中无法全额扣分',
  'lint.manual-without-guidance': '人工质检项 {rule} 没有 guidance 说明：质检员需要知道何时该提出它',
  'lint.regex-invalid': '正则表达式无法解析：{detail}',
  'lint.regex-redos': '灾难性回溯："{fragment}" 可以有指数级多种匹配方式（请改写，避免嵌套量词）',
  'lint.regex-slow': '多项式回溯：两个量词能匹配同一段文本，建议让它们互斥',
  'lint.script-trips-rule': '标准话术本身就触发了 {rule}："{evidence}"',
};

export type PackMessageKey = keyof typeof zh;

const en: Record<PackMessageKey, string> = {
  // ---- schema (ajv); the wording is ajv's own ----
  'schema.required': 'missing required property "{property}"',
  'schema.additionalProperties': 'unknown property "{property}"',
  'schema.enum': 'must be one of: {allowed}',
  'schema.const': 'must be {value}',
  'schema.type': 'must be of type {jsonType}',
  'schema.minItems': 'must NOT have fewer than {limit} items',
  'schema.maxItems': 'must NOT have more than {limit} items',
  'schema.minLength': 'must NOT have fewer than {limit} characters',
  'schema.maxLength': 'must NOT have more than {limit} characters',
  'schema.minimum': 'must be >= {limit}',
  'schema.maximum': 'must be <= {limit}',
  'schema.exclusiveMinimum': 'must be > {limit}',
  'schema.exclusiveMaximum': 'must be < {limit}',
  'schema.minProperties': 'must NOT have fewer than {limit} properties',
  'schema.maxProperties': 'must NOT have more than {limit} properties',
  'schema.multipleOf': 'must be multiple of {multipleOf}',
  'schema.pattern': 'must match pattern "{pattern}"',
  'schema.format': 'must match format "{format}"',
  'schema.uniqueItems': 'must NOT have duplicate items (items ## {j} and {i} are identical)',
  'schema.anyOf': 'is not a valid value here (a phrase string, {regex: …}, {set: …} or localized text)',
  'schema.oneOf': 'must match exactly one schema in oneOf',
  'schema.other': '{detail} ({keyword})',

  // ---- pack structure (compilePack) ----
  'pack.duplicate-category': 'duplicate category id "{id}"',
  'pack.duplicate-rule': 'duplicate rule id "{id}" (first at {first})',
  'pack.unknown-category': 'unknown category "{category}" (declare it under /categories)',
  'rule.unknown-type': 'unknown rule type "{type}"; this pack declares the plugin(s) {plugins}: load the one that provides it with --plugin or zhijian.config.json',
  'rule.unknown-type:no-plugin': 'unknown rule type "{type}"; no loaded plugin provides it',
  'rule.detector-unknown-type': 'unknown rule type "{type}"',
  'rule.detector-manual': 'a manual rule type cannot be a detector ("{type}")',
  'rule.options': '{message}',
  'rule.create': '{message}',

  // ---- phrase lists (match-query) ----
  'phrase.empty': 'phrase "{phrase}" is empty after normalisation',
  'phrase.unknown-set': 'unknown phrase set "{set}" (define it under /phraseSets)',
  'phrase.set-cycle': 'phrase set "{set}" refers to itself',
  'phrase.clause-punctuation': 'a clause phrase cannot hold a punctuation mark ("{phrase}"): punctuation ends a clause',
  'phrase.regex-invalid': 'regular expression does not compile: {detail}',
  'phrase.regex-empty': 'regular expression matches the empty string',
  'phrase.empty-list': 'the phrase list is empty',

  // ---- lint (lintPack) ----
  'lint.empty-list': 'the phrase list is empty: remove it or add phrases',
  'lint.duplicate-phrase': '"{phrase}" is listed twice (first at {first})',
  'lint.shadowed-phrase': '"{phrase}" never matches where "{shorter}" ({at}) would not: it only widens the evidence',
  'lint.contradiction': '"{phrase}" is required by {required} and forbidden by {forbidden} ({at}) for {role} messages',
  'lint.contradiction:no-role': '"{phrase}" is required by {required} and forbidden by {forbidden} ({at})',
  'lint.no-points': '{rule} can never cost points: its points are 0',
  'lint.no-points:cap': '{rule} can never cost points: category {category} has cap 0',
  'lint.over-cap': 'maxFindings × points = {product} is above the {category} cap of {cap}: the last findings can never count in full',
  'lint.manual-without-guidance': 'manual item {rule} has no guidance: inspectors need to know when to raise it',
  'lint.regex-invalid': 'the regular expression does not parse: {detail}',
  'lint.regex-redos': 'catastrophic backtracking: "{fragment}" can be matched in exponentially many ways (rewrite without nested quantifiers)',
  'lint.regex-slow': 'polynomial backtracking: two quantifiers can match the same text; consider making them exclusive',
  'lint.script-trips-rule': 'the standard script itself trips {rule}: "{evidence}"',
};

/** The whole table, per language. */
export const PACK_MESSAGES: Readonly<Record<Lang, Readonly<Record<PackMessageKey, string>>>> = { zh, en };

/** The first line of a PackError's message. */
export const PACK_ERROR_TITLE: Readonly<Record<Lang, string>> = { zh: '规则包无效：', en: 'invalid rule pack:' };

/** Codes whose wording depends on the params: the variant key to use, or undefined for the plain code. */
const VARIANTS: Readonly<Record<string, (p: PackProblemParams) => string | undefined>> = {
  'rule.unknown-type': (p) => (p.plugins === undefined ? 'no-plugin' : undefined),
  'lint.no-points': (p) => (p.category === undefined ? undefined : 'cap'),
  'lint.contradiction': (p) => (p.role === undefined ? 'no-role' : undefined),
};

const JSON_TYPES_ZH: Readonly<Record<string, string>> = {
  string: '字符串',
  number: '数字',
  integer: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: 'null',
};
const ROLES_ZH: Readonly<Record<string, string>> = { agent: '客服', customer: '客户', system: '系统', bot: '机器人' };

/** Params that are data, not text, worded per language when they are filled in. */
const FORMAT_PARAM: Readonly<Record<string, (value: string, lang: Lang) => string>> = {
  // ajv's type name(s): 'string' or 'string,number'.
  jsonType: (v, lang) => (lang === 'zh' ? v.split(',').map((t) => JSON_TYPES_ZH[t] ?? t).join('或') : v),
  role: (v, lang) => (lang === 'zh' ? (ROLES_ZH[v] ?? v) : v),
};

/** The table key a problem of this code and these params is worded by, or undefined (not in the table). */
export function packMessageKey(code: string, params: PackProblemParams = {}): PackMessageKey | undefined {
  const variant = VARIANTS[code]?.(params);
  const key = variant === undefined ? code : `${code}:${variant}`;
  if (Object.hasOwn(zh, key)) return key as PackMessageKey;
  if (code.startsWith('schema.')) return 'schema.other';
  return undefined;
}

/** Fills a table entry's `{name}` placeholders; one a params object lacks is left visible. */
export function formatPackMessage(key: PackMessageKey, params: PackProblemParams, lang: Lang): string {
  const template = PACK_MESSAGES[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = String(params[name]);
    return FORMAT_PARAM[name]?.(value, lang) ?? value;
  });
}

/** The text of a problem of this code and params, or undefined when the code is not in the table. */
export function renderPackMessage(code: string, params: PackProblemParams, lang: Lang): string | undefined {
  const key = packMessageKey(code, params);
  return key === undefined ? undefined : formatPackMessage(key, params, lang);
}

/**
 * A problem's message in another language, from its code and params. A problem whose code is not
 * in the table (a plugin's own) keeps the message it has.
 */
export function renderPackProblem(problem: Pick<PackProblem, 'code' | 'message'> & { params?: PackProblemParams }, lang: Lang): string {
  return renderPackMessage(problem.code, problem.params ?? {}, lang) ?? problem.message;
}

/** A located problem with its message in `lang`. */
export function packProblem(pointer: string, severity: Severity, code: string, params: PackProblemParams, lang: Lang): PackProblem {
  return { pointer, severity, code, params, message: renderPackMessage(code, params, lang) ?? String(params.message ?? code) };
}
