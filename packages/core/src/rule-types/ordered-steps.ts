/**
 * ordered-steps: steps that must come in order in the role's messages (flow.order: apologise or
 * ask about the problem BEFORE offering a solution). Each step is a phrase group; its position is
 * its first valid hit in reading order, (message index, offset), so positions inside one message
 * are compared too (非常抱歉，这边为您补发 is in order). A step that occurs fires at its first hit
 * when an earlier step occurs only after it (outOfOrder) or not at all before it (missing). Steps
 * that never occur fire nothing: presence is required-phrase's concern. At most one finding per
 * step, naming the first earlier step it came before.
 */
import type { PhraseItem } from '../pack/pack-types.js';
import type { Role } from '../model/conversation.js';
import type { Hit } from '../match/phrase-table.js';
import { defineRuleType } from './define.js';
import { inlineMatch, inlineMatchProperties, roleOption } from './common-options.js';

interface StepOptions {
  name?: string;
  phrases: PhraseItem[];
  exceptions?: PhraseItem[];
  unless?: PhraseItem[];
  notNegated?: boolean;
}

export interface OrderedStepsOptions {
  role: Role;
  steps: StepOptions[];
}

interface Position {
  index: number;
  hit: Hit;
}

const before = (a: Position, b: Position): boolean => a.index < b.index || (a.index === b.index && a.hit.start < b.hit.start);

export default defineRuleType<OrderedStepsOptions, 'outOfOrder' | 'missing'>({
  meta: {
    id: 'ordered-steps',
    description: {
      zh: '步骤须按顺序出现（如先致歉或了解问题，再给方案）；后一步骤出现时，前面的步骤须已出现（同一消息内也比较先后）。',
      en: 'Steps must come in order (e.g. apologise or ask before offering a solution): when a step occurs, every earlier step must already have occurred, positions inside a message compared too.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        role: roleOption('agent', 'Whose messages hold the steps. 在谁的消息中检查步骤。'),
        steps: {
          type: 'array',
          minItems: 2,
          description: 'The steps, in the required order; each a phrase group. 按要求顺序排列的步骤，每步一组短语。',
          items: {
            type: 'object',
            properties: {
              name: { type: 'string', minLength: 1, description: 'Label used in findings (default: its first phrases). 步骤名称（用于提示）。' },
              ...inlineMatchProperties,
            },
            required: ['phrases'],
            additionalProperties: false,
          },
        },
      },
      required: ['steps'],
      additionalProperties: false,
    },
    messages: {
      outOfOrder: { zh: '「{evidence}」出现在{step}之前', en: '"{evidence}" comes before {step}' },
      missing: { zh: '「{evidence}」之前没有{step}', en: '"{evidence}" without {step} before it' },
    },
  },
  create(o, tools) {
    const steps = o.steps.map((s, i) => ({
      query: tools.match(inlineMatch(s), `${tools.pointer}/steps/${i}`),
      name: s.name ?? s.phrases.slice(0, 3).map((p) => (typeof p === 'string' ? p : '…')).join('/'),
    }));
    return (ctx) => {
      const messages = ctx.utterances(o.role);
      const positions: Array<Position | undefined> = steps.map((s) => {
        for (const m of messages) {
          const hit = s.query.first(m);
          if (hit) return { index: m.index, hit };
        }
        return undefined;
      });
      positions.forEach((at, k) => {
        if (!at) return;
        for (let j = 0; j < k; j++) {
          const earlier = positions[j];
          if (earlier && before(earlier, at)) continue;
          ctx.report({ messageIndex: at.index, range: at.hit, messageId: earlier ? 'outOfOrder' : 'missing', data: { step: steps[j]!.name } });
          return;
        }
      });
    };
  },
});
