/**
 * order-confirmed-before-refund: the agent must confirm the order number — ask for it or repeat it
 * (an order-number pattern, or phrases such as 订单号是 / 核对一下订单 / 您的订单号) — BEFORE
 * promising a refund (为您退款, 给您退款, 退款已提交, 马上退款). Fires once per conversation, at the
 * first refund promise no confirmation precedes.
 *
 * Decisions:
 * - Only the `role`'s own messages count, for the promise and for the confirmation: a customer who
 *   types the order number has not had it confirmed by the agent (客户自己报订单号不算核对).
 * - Negated promises are no promise (暂时没办法为您退款); negated confirmations are no confirmation
 *   (没有您的订单号信息). Negation uses the pack's `definitions.negation`.
 * - "Before" is reading order: an earlier message, or earlier in the same message. A confirmation
 *   after the promise does not repair it (马上为您退款，您的订单号是多少？ fires).
 * - One finding per conversation: once a promise was made unconfirmed, later promises repeat it.
 * - A refund offer phrased as a question (需要为您退款吗) still reads as a promise: list narrower
 *   phrases if that matters for a pack.
 */
import { defineRuleType, type CompileTools, type MatchQuery, type MessageView, type PhraseItem, type Role } from '@zhijian/core';

export interface OrderConfirmedBeforeRefundOptions {
  role: Role;
  refundPhrases: PhraseItem[];
  confirmPhrases: PhraseItem[];
  orderNumberPattern: string;
}

export const DEFAULT_REFUND_PHRASES = ['为您退款', '给您退款', '退款已提交', '马上退款'];
export const DEFAULT_CONFIRM_PHRASES = ['订单号是', '核对一下订单', '您的订单号'];
/** A run of 10 to 20 digits not glued to another digit (full-width digits are half-width after normalisation). */
export const DEFAULT_ORDER_NUMBER_PATTERN = '(?<![0-9])[0-9]{10,20}(?![0-9])';

export default defineRuleType<OrderConfirmedBeforeRefundOptions, 'unconfirmed'>({
  meta: {
    id: 'order-confirmed-before-refund',
    description: {
      zh: '客服承诺退款之前须先核对订单号（询问或复述订单号）；否则在第一次承诺退款处报出。',
      en: 'The agent must confirm the order number (ask for it or repeat it) before promising a refund; fires at the first unconfirmed refund promise.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        role: {
          $ref: '#/$defs/role',
          default: 'agent',
          description: 'Whose promises and confirmations are read; the other side giving the number does not count. 检查谁的承诺与核对（对方自己报订单号不算）。',
        },
        refundPhrases: {
          type: 'array',
          $ref: '#/$defs/phraseList',
          minItems: 1,
          default: DEFAULT_REFUND_PHRASES,
          description: 'A refund promise: any of these phrases, not negated (暂时没办法为您退款 is none). 承诺退款的说法（否定的不算）。',
        },
        confirmPhrases: {
          type: 'array',
          $ref: '#/$defs/phraseList',
          minItems: 1,
          default: DEFAULT_CONFIRM_PHRASES,
          description: 'Asking for or repeating the order number: any of these phrases, not negated. 询问或复述订单号的说法（否定的不算）。',
        },
        orderNumberPattern: {
          type: 'string',
          minLength: 1,
          default: DEFAULT_ORDER_NUMBER_PATTERN,
          description:
            'A regular expression (flag u) for an order number on the normalised text (half-width, lower case); a match in the role\'s message is a confirmation. Default: 10-20 digits not glued to other digits. 订单号的正则（在归一化文本上匹配）；默认 10-20 位连续数字。',
        },
      },
      additionalProperties: false,
    },
    messages: {
      unconfirmed: {
        zh: '承诺退款（「{evidence}」）之前未核对订单号',
        en: 'Refund promised ("{evidence}") before the order number was confirmed',
      },
    },
    // Lint reads the options as written (no defaults): declare the confirmation list only when the pack gives it.
    phraseUses: (o: Partial<OrderConfirmedBeforeRefundOptions>) =>
      o.confirmPhrases ? [{ pointer: '/confirmPhrases', role: o.role ?? 'agent', polarity: 'required' as const, items: o.confirmPhrases }] : [],
  },

  // Once per pack: compile the phrase lists into the pack-wide automaton and the pattern into a RegExp.
  create(o, tools) {
    const refund = compileList(tools, 'refundPhrases', o.refundPhrases);
    const confirm = compileList(tools, 'confirmPhrases', o.confirmPhrases);
    const orderNumber = compilePattern(tools, o.orderNumberPattern);

    /** Where the first confirmation starts in the message's normalised text, if any. */
    const confirmationAt = (m: MessageView): number | undefined => {
      const phrase = confirm.first(m)?.start;
      const number = orderNumber.exec(m.text)?.index;
      if (phrase === undefined) return number;
      return number === undefined ? phrase : Math.min(phrase, number);
    };

    // Once per conversation: only matching, no compiling.
    return (ctx) => {
      for (const m of ctx.utterances(o.role)) {
        const promise = refund.first(m);
        const confirmed = confirmationAt(m);
        if (promise && (confirmed === undefined || confirmed > promise.start)) {
          ctx.report({ messageIndex: m.index, range: promise, messageId: 'unconfirmed' });
          return;
        }
        if (confirmed !== undefined) return;
      }
    };
  },
});

/**
 * `tools.match` locates a bad phrase at `<pointer>/phrases/<i>` (lists named `phrases`, like
 * trigger-response's). These lists have names of their own, so the error is moved to
 * `<options>/<key>/<i>`, where the editor and `pack lint` can point at it.
 */
function compileList(tools: CompileTools, key: string, items: PhraseItem[]): MatchQuery {
  const at = `${tools.pointer}/${key}`;
  try {
    return tools.match({ phrases: items, notNegated: true }, at);
  } catch (e) {
    const pointer = (e as { pointer?: unknown }).pointer;
    if (typeof pointer === 'string' && pointer.startsWith(`${at}/phrases/`)) tools.fail(at + pointer.slice(`${at}/phrases`.length), (e as Error).message);
    throw e;
  }
}

function compilePattern(tools: CompileTools, source: string): RegExp {
  const at = `${tools.pointer}/orderNumberPattern`;
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'u');
  } catch (e) {
    return tools.fail(at, `the order-number pattern does not compile: ${(e as Error).message}`);
  }
  if (regex.test('')) tools.fail(at, 'the order-number pattern matches the empty string: every message would confirm');
  return regex;
}
