/**
 * tag: classifies a conversation without costing points (the complaint pack's class.* rules: 商品
 * 质量类, 物流配送类, ...). When a message of the role contains a listed word (matched literally
 * unless notNegated; exceptions cancel, 态度很好 is praise), the rule gives ONE 0-point finding,
 * at the first such message, carrying the tag; the engine adds it to the result's `tags`.
 */
import type { PhraseItem } from '../pack/pack-types.js';
import type { Role } from '../model/conversation.js';
import { defineRuleType } from './define.js';
import { inlineMatch, inlineMatchProperties, roleOption } from './common-options.js';

export interface TagOptions {
  role: Role;
  phrases: PhraseItem[];
  exceptions?: PhraseItem[];
  unless?: PhraseItem[];
  notNegated?: boolean;
  tag?: string;
}

export default defineRuleType<TagOptions, 'tagged'>({
  meta: {
    id: 'tag',
    description: {
      zh: '分类标签（不扣分）：某角色的消息含所列词时，给会话加上标签，并在第一条这样的消息处记一条 0 分发现。',
      en: 'Classification (no points): when a message of the role contains a listed word, the conversation gets the tag, with one 0-point finding at the first such message.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        role: roleOption('customer', 'Whose messages are classified. 按谁的消息分类。'),
        ...inlineMatchProperties,
        phrases: { ...inlineMatchProperties.phrases, description: 'Words of the class, matched literally. 该类别的词（按字面匹配）。' },
        tag: {
          type: 'string',
          minLength: 1,
          description: "The tag added to the result (default: the rule's id, e.g. class.logistics). 加到结果中的标签（默认为规则 id）。",
        },
      },
      required: ['phrases'],
      additionalProperties: false,
    },
    messages: {
      tagged: { zh: '归类为 {tag}：「{evidence}」', en: 'Classified as {tag}: "{evidence}"' },
    },
    pointless: true,
  },
  create(o, tools) {
    const query = tools.match(inlineMatch(o), tools.pointer);
    const tag = o.tag ?? tools.rule.id;
    return (ctx) => {
      for (const m of ctx.utterances(o.role)) {
        const hit = query.first(m);
        if (!hit) continue;
        ctx.report({ messageIndex: m.index, range: hit, messageId: 'tagged', data: { tag }, tag });
        return;
      }
    };
  },
});
