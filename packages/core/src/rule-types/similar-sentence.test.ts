import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ruleTypeCases, type RuleCase } from '../testing/rule-tester.js';
import { compilePack } from '../pack/compile-pack.js';
import { evaluateConversation } from '../engine/evaluate.js';
import { comparisonText, normalizeText } from '../normalize/index.js';
import { ExampleIndex } from '../match/example-index.js';
import { clausesOf, messageClauses } from '../match/clauses.js';
import { MessageView } from '../engine/message-view.js';
import { PhraseTable } from '../match/phrase-table.js';
import type { PackDef } from '../pack/pack-types.js';
import type { SimilarSentenceOptions } from './similar-sentence.js';
import type from './similar-sentence.js';

const shirking = {
  role: 'agent',
  examples: ['这个我们查不到的', '您可以直接打电话问快递', '这个您联系一下发件人吧', '我们这边也没有办法', '这个不归我们处理'],
  counterExamples: ['我帮您联系快递', '我们这边来处理', '我这边帮您查一下'],
  threshold: 0.4,
} satisfies Partial<SimilarSentenceOptions>;
const o = shirking as Record<string, unknown>;

// crisis.complaint-similar-unsoothed: the complaint-unsoothed window, grouping and soothing list;
// messages with a listed complaint word are that rule's.
const complaint: Record<string, unknown> = {
  role: 'customer',
  examples: ['你们就是不想给我解决', '一直在敷衍我', '踢皮球', '到底有没有人管', '我都等了好几天了'],
  counterExamples: ['好的我再等等', '麻烦你们帮我解决一下'],
  threshold: 0.5,
  skipWhere: { phrases: ['投诉', '差评'], notNegated: true },
  expectResponse: { role: 'agent', phrases: ['抱歉', '对不起', '理解您', '请您放心'], messages: 2, groupConsecutive: true },
};

const valid: RuleCase[] = [
  { name: 'unrelated text', options: o, messages: ['a: 您好，请问有什么可以帮您', 'c: 什么时候发货', 'a: 今天下午发出'] },
  { name: 'a counter-example, even though it shares words with the examples', options: o, messages: ['a: 我帮您联系快递'] },
  { name: 'closer to a counter-example than to any example', options: o, messages: ['a: 我们这边来帮您处理'] },
  { name: 'the customer saying it (role agent)', options: o, messages: ['c: 这个你们查不到吗'] },
  { name: 'below the threshold', options: { ...o, threshold: 0.95 }, messages: ['a: 这个我们这边查不到的'] },
  { name: 'half an example is not enough', options: o, messages: ['a: 这个吗'] },
  { name: 'shorter than minLength', options: { ...o, minLength: 9 }, messages: ['a: 这个我们查不到的'] },
  { name: 'skipWhere: a message holding a listed word belongs to the phrase rule', options: complaint, messages: ['c: 一直在敷衍我，我要投诉', 'a: 好的'] },
  {
    name: 'expectResponse: a group holding a listed complaint word is the phrase rule\'s (grouped with it)',
    options: complaint,
    messages: ['a: 您好', 'c: 你们一直在敷衍我', 'c: 我要给差评', 'a: 订单明天发出', 'a: 好的'],
  },
  { name: 'expectResponse: soothed in the second reply', options: complaint, messages: ['c: 你们一直在敷衍我', 'a: 您说', 'a: 非常抱歉'] },
  { name: 'scope: only the first agent message', options: { ...o, scope: { first: 1 } }, messages: ['a: 您好', 'a: 这个我们查不到的'] },
];

const invalid: RuleCase[] = [
  {
    name: 'the example itself, in its clause only (the span is exact)',
    options: o,
    messages: ['a: 亲，这个我们查不到的，不好意思'],
    findings: [{ messageIndex: 0, evidence: '这个我们查不到的', messageId: 'similar', message: '与示例「这个我们查不到的」相似（1）' }],
  },
  {
    name: 'a rephrasing fires and names the nearest example',
    options: o,
    messages: ['a: 这个物流信息我们这边是查不到的哦'],
    findings: [{ messageIndex: 0, evidence: '这个物流信息我们这边是查不到的哦', message: '与示例「这个我们查不到的」相似' }],
  },
  {
    name: 'another rephrasing: 您直接打电话问一下快递吧',
    options: o,
    messages: ['a: 您直接打电话问一下快递吧'],
    findings: [{ messageIndex: 0, evidence: '您直接打电话问一下快递吧', message: '您可以直接打电话问快递' }],
  },
  {
    name: 'Traditional, full-width and spaced variants behave alike (evidence in the original text)',
    options: o,
    messages: ['a: 這個我們查不到的', 'a: 这个 我们 查不到的', 'a: 這個我們查不到的！！', 'a: ＡＢ，这个我们查不到的'],
    findings: [
      { messageIndex: 0, evidence: '這個我們查不到的', message: '（1）' },
      { messageIndex: 1, evidence: '这个 我们 查不到的', message: '（1）' },
      { messageIndex: 2, evidence: '這個我們查不到的', message: '（1）' },
      { messageIndex: 3, evidence: '这个我们查不到的', message: '（1）' },
    ],
  },
  {
    name: 'emoji, emoticon codes and placeholders: the clause runs from its first to its last kept character',
    options: o,
    messages: ['a: 😊这个我们[微笑]查不到的[数字x]号', 'a: [撇嘴]这个我们查不到的'],
    findings: [
      { messageIndex: 0, evidence: '这个我们[微笑]查不到的[数字x]号' },
      { messageIndex: 1, evidence: '这个我们查不到的' },
    ],
  },
  {
    name: 'one finding per message, at the first similar clause in reading order',
    options: o,
    messages: ['a: 我们这边也没有办法，这个不归我们处理'],
    findings: [{ messageIndex: 0, evidence: '我们这边也没有办法', message: '我们这边也没有办法' }],
  },
  {
    name: 'expectResponse: no soothing in the next two agent messages; consecutive triggers once, at the first',
    options: complaint,
    messages: ['c: 你们就是不想给我解决吧', 'c: 到底有没有人管啊', 'a: 您说', 'a: 订单已经发出了', 'a: 非常抱歉'],
    findings: [{ messageIndex: 0, evidence: '你们就是不想给我解决吧', messageId: 'similarUnanswered' }],
  },
  {
    name: 'expectResponse: a listed word in another group does not hide this one',
    options: complaint,
    messages: ['c: 我要给差评', 'a: 订单明天发出', 'c: 你们一直在敷衍我', 'a: 好的', 'a: 还有吗'],
    findings: [{ messageIndex: 2, evidence: '你们一直在敷衍我' }],
  },
  {
    name: 'expectResponse: fewer than two agent messages follow (none at all)',
    options: complaint,
    messages: ['a: 您好', 'c: 都等了好几天了'],
    findings: [{ messageIndex: 1, evidence: '都等了好几天了', messageId: 'similarUnanswered' }],
  },
  {
    name: 'skipWhere: a negated listed word is no trigger of the phrase rule, so the clause is judged here',
    options: complaint,
    messages: ['c: 不想投诉，但你们一直在敷衍我', 'a: 好的'],
    findings: [{ messageIndex: 0, evidence: '但你们一直在敷衍我' }],
  },
];

describe('similar-sentence', () => {
  for (const c of ruleTypeCases(type, { valid, invalid })) it(c.name, c.run);
});

describe('the similarity measure', () => {
  const idx = new ExampleIndex(shirking.examples.map((s) => comparisonText(normalizeText(s).text)), shirking.counterExamples);
  const sim = (s: string) => idx.queryText(comparisonText(normalizeText(s).text));

  it('is 1 for an example, 0 for text sharing nothing, and in between for a rephrasing', () => {
    expect(sim('这个我们查不到的')).toMatchObject({ example: 0, similarity: 1 });
    expect(sim('好嘞')).toMatchObject({ example: -1, similarity: 0 });
    const r = sim('这个我们这边查不到');
    expect(r.example).toBe(0);
    expect(r.similarity).toBeGreaterThan(0.6);
    expect(r.similarity).toBeLessThan(1);
  });

  it('weighs what the example says more than the clause\'s own extra words (P^0.25 · R^0.75)', () => {
    // The example plus as many words of its own: R = 1 and P ≈ 0.3 (unseen grams weigh most), so
    // the similarity is P^0.25 ≈ 0.74 where the cosine (P^0.5 · R^0.5) would be ≈ 0.55.
    const r = sim('这个我们查不到的咱家仓库明天再发');
    const p = r.similarity ** 4;
    expect(r.example).toBe(0);
    expect(p).toBeLessThan(0.5);
    expect(r.similarity).toBeGreaterThan(0.7);
    expect(Math.sqrt(p)).toBeLessThan(0.6);
  });


  it('reports the counter-example similarity', () => {
    expect(sim('我帮您联系快递').counterSimilarity).toBe(1);
  });

  it('is symmetric in its inputs only through normalisation: Traditional, full-width and spaces give the same value', () => {
    const a = sim('這個我們查不到的哦').similarity;
    expect(sim('这个我们查不到的哦').similarity).toBe(a);
    expect(sim('这个 我们 查不到的哦').similarity).toBe(a);
  });
});

describe('clauses', () => {
  const table = new PhraseTable(false);
  table.freeze();
  const clauses = (text: string) => {
    const v = new MessageView(0, { role: 'agent', text }, table);
    return messageClauses(v).map((c) => v.original.slice(v.norm.starts[c.start]!, v.norm.ends[c.end - 1]!));
  };

  it('end at punctuation, not at a line break, a decimal point, an emoticon code or a placeholder', () => {
    expect(clauses('好的，马上处理！谢谢')).toEqual(['好的', '马上处理', '谢谢']);
    expect(clauses('第一行\n第二行')).toEqual(['第一行\n第二行']);
    expect(clauses('退款10.5元，已到账')).toEqual(['退款10.5元', '已到账']);
    expect(clauses('预计[数字x]天到[微笑]，请等待')).toEqual(['预计[数字x]天到', '请等待']);
    expect(clauses('/:^_^好的#E-s01收到')).toEqual(['好的#E-s01收到']);
  });

  it('carry each distinct 1-3-gram once', () => {
    const [c] = clausesOf('哈哈哈', '哈哈哈', Int32Array.from([0, 1, 2]));
    expect(c!.grams).toEqual([4 * 0 + 1, 4 * 0 + 2, 4 * 0 + 3]);
  });
});

describe('similar-sentence (property)', () => {
  const words = ['这个', '我们', '查不到', '的', '，', '您', '快递', '😊', '[微笑]', '[数字x]', '這個', '　', ' ', '！', '问', '办法', '𠮷'];
  const text = fc.array(fc.constantFrom(...words), { maxLength: 12 }).map((w) => w.join(''));
  const pack: PackDef = {
    id: 'p',
    version: '1.0.0',
    categories: [{ id: 't', name: 'T' }],
    rules: [
      { id: 't.shirk', type: 'similar-sentence', category: 't', points: 1, options: { ...o, threshold: 0.3 } },
      { id: 't.complaint', type: 'similar-sentence', category: 't', points: 1, options: { ...complaint, threshold: 0.3 } },
    ],
  };
  const compiled = compilePack(pack);

  it('never throws; evidence is the original slice; at most one finding per rule and message; data names an example', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ role: fc.constantFrom('agent' as const, 'customer' as const), text }), { maxLength: 8 }), (messages) => {
        const { findings } = evaluateConversation(compiled, { id: 'p', channel: 'chat', messages });
        const seen = new Set<string>();
        for (const f of findings) {
          expect(messages[f.messageIndex]!.text.slice(f.start, f.end)).toBe(f.evidence);
          expect(f.evidence.length).toBeGreaterThan(0);
          expect(seen.has(`${f.ruleId}@${f.messageIndex}`)).toBe(false);
          seen.add(`${f.ruleId}@${f.messageIndex}`);
          expect(typeof f.data.example).toBe('string');
          expect(f.data.similarity).toBeGreaterThanOrEqual(0.3);
          expect(f.data.similarity).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
