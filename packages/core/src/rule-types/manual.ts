/**
 * manual: an item only an inspector raises (错误回复, 答非所问). The engine never evaluates it; the
 * inspector picks it from the pack, and the score function counts it like any other finding.
 */
import { defineRuleType } from './define.js';

export default defineRuleType<Record<string, never>, 'manual'>({
  meta: {
    id: 'manual',
    description: {
      zh: '人工质检项：仅由质检员添加，引擎不会自动判定。',
      en: 'Manual item: raised only by an inspector, never by the engine.',
    },
    optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
    messages: { manual: { zh: '人工判定', en: 'Raised by an inspector' } },
    manual: true,
  },
  create() {
    return () => undefined;
  },
});
