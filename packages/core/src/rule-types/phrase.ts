/**
 * phrase: a message of the role contains a listed phrase (regexes allowed), minus exceptions,
 * unless-words and, optionally, negated hits. One finding per message, at the first hit in reading
 * order (the longest at that position). Forbidden phrases, shirking, red lines, proxy promises.
 */
import type { PhraseItem } from '../pack/pack-types.js';
import type { Role } from '../model/conversation.js';
import { defineRuleType } from './define.js';
import { applyScope, inlineMatch, inlineMatchProperties, roleOption, scopeOption, type ScopeOption } from './common-options.js';

export interface PhraseOptions {
  role: Role;
  phrases: PhraseItem[];
  exceptions?: PhraseItem[];
  unless?: PhraseItem[];
  notNegated?: boolean;
  scope?: ScopeOption;
}

export default defineRuleType<PhraseOptions, 'found'>({
  meta: {
    id: 'phrase',
    description: {
      zh: '消息中出现所列短语（可含正则、例外词、否定判断），每条消息最多一次。',
      en: 'A message of the role contains a listed phrase (regexes, exceptions and negation supported); at most one finding per message.',
    },
    optionsSchema: {
      type: 'object',
      properties: { role: roleOption('agent'), ...inlineMatchProperties, scope: scopeOption },
      required: ['phrases'],
      additionalProperties: false,
    },
    messages: {
      found: { zh: '出现「{evidence}」', en: 'Contains "{evidence}"' },
    },
    phraseUses: (o: PhraseOptions) => [{ pointer: '/phrases', role: o.role ?? 'agent', polarity: 'forbidden', items: o.phrases, ...(o.scope ? { scope: o.scope } : {}) }],
  },
  create(options, tools) {
    const query = tools.match(inlineMatch(options), tools.pointer);
    return (ctx) => {
      for (const m of applyScope(ctx.utterances(options.role), options.scope)) {
        const hit = query.first(m);
        if (hit) ctx.report({ messageIndex: m.index, range: hit, messageId: 'found' });
      }
    };
  },
});
