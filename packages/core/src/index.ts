/** @zhijian/core: import -> normalise -> evaluate -> score. Browser-safe (no node: imports). */
export * from './model/conversation.js';
export type * from './model/result.js';
export { conversationSchema } from './model/conversation-schema.js';
export * from './import/index.js';
export * from './time/index.js';
export * from './normalize/index.js';

export type * from './pack/pack-types.js';
export { DEFAULT_GRADES, DEFAULT_NEGATION, localize } from './pack/pack-types.js';
export { PackError, LocatedError, type PackProblem, type PackProblemParams, type Severity } from './pack/pack-error.js';
export { renderPackProblem, PACK_MESSAGES, type PackMessageKey } from './pack/messages.js';
export { compilePack, normalizePhrase, type CompiledPack, type CompiledRule, type CompileOptions } from './pack/compile-pack.js';
export { buildPackSchema, PACK_SCHEMA_ID } from './pack/pack-schema.js';
export { validatePackSchema, createAjv } from './pack/validate-pack.js';
export { packHash, canonicalJson } from './pack/pack-hash.js';

export type * from './rule-types/define.js';
export { defineRuleType } from './rule-types/define.js';
export { RuleTypeRegistry } from './rule-types/registry.js';
export { builtinRuleTypes, defaultRegistry } from './rule-types/index.js';

export { evaluateConversation, findingKey, DEFAULT_TIME_ZONE, type RawFinding, type Evaluation, type EvaluateOptions } from './engine/evaluate.js';
export { MessageView } from './engine/message-view.js';
export type { Lang } from './engine/render-message.js';
export { scoreConversation, scoreEvaluation, type ScoreOptions } from './score/score-conversation.js';
export type * from './score/review-input.js';

export { ruleTypeCases, caseConversation, type RuleCase, type ExpectedFinding, type TesterCase, type CaseMessage } from './testing/rule-tester.js';
export { runPackExamples, exampleConversation, type ExampleOutcome } from './pack/run-examples.js';
export { lintPack, type LintResult, type LintOptions } from './pack/lint-pack.js';
export { definePlugin, registryWithPlugins, pluginProblems, type ZhijianPlugin } from './rule-types/plugin.js';
