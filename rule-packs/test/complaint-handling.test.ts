/**
 * The catalogue of the complaint pack (shared spec: call-centre-pack.md, "complaint-handling.zh") as
 * tests: for every rule, its row with the spec's own examples, firing and near misses; the
 * classification rules' tags in the results. Every conversation is scored with the WHOLE pack,
 * compiled once; each test reads the rule under test (or the result's tags). The bundled
 * examples/complaints.jsonl is scored as the golden run at the end.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  caseConversation,
  compilePack,
  importConversations,
  lintPack,
  parseTimestamp,
  runPackExamples,
  scoreConversation,
  type CaseMessage,
  type Conversation,
  type PackDef,
  type ScoreResult,
} from '@zhijian/core';

const packDef = JSON.parse(readFileSync(new URL('../complaint-handling.zh.json', import.meta.url), 'utf8')) as PackDef;
const pack = compilePack(packDef, { source: 'complaint-handling.zh.json' });
const NOW = parseTimestamp('2026-06-01 12:00:00', 'Asia/Shanghai')!;

function scoreConv(conv: Conversation): ScoreResult {
  const result = scoreConversation(pack, conv, { now: NOW });
  for (const f of result.findings) {
    expect(conv.messages[f.messageIndex]!.text.slice(f.start, f.end), `${f.ruleId}@${f.messageIndex}`).toBe(f.evidence);
  }
  return result;
}
const score = (messages: CaseMessage[]): ScoreResult => scoreConv(caseConversation({ messages }));

interface Seen {
  at: number;
  evidence: string;
  points: number;
}
const found = (r: ScoreResult, ruleId: string): Seen[] =>
  r.findings.filter((f) => f.ruleId === ruleId).map((f) => ({ at: f.messageIndex, evidence: f.evidence, points: f.points }));
const run = (ruleId: string, messages: CaseMessage[]): Seen[] => found(score(messages), ruleId);
const ats = (seen: Seen[]): number[] => seen.map((s) => s.at);

const RULES = [
  'flow.apology-first',
  'flow.order',
  'flow.same-solution-repeated',
  'flow.time-limit',
  'flow.confirm-acceptance',
  'flow.revisit',
  'attitude.forbidden-phrase',
  'attitude.shirking',
  'attitude.complaint-deflected',
  'redline.abuse',
  'class.product-quality',
  'class.logistics',
  'class.after-sales',
  'class.attitude',
];
const CLASSES = RULES.filter((id) => id.startsWith('class.'));

describe('the complaint-handling pack', () => {
  it('holds exactly the rule ids of the catalogue (a public contract), in catalogue order', () => {
    expect(packDef.rules.map((r) => r.id)).toEqual(RULES);
  });

  it('has the catalogue points, caps and categories; classification rules are tags that cost nothing', () => {
    expect(Object.fromEntries(packDef.rules.map((r) => [r.id, [r.category, r.type === 'tag' ? 'tag' : r.points, r.maxFindings ?? null]]))).toEqual({
      'flow.apology-first': ['flow', 5, null],
      'flow.order': ['flow', 5, null],
      'flow.same-solution-repeated': ['flow', 5, 1],
      'flow.time-limit': ['flow', 3, null],
      'flow.confirm-acceptance': ['flow', 3, null],
      'flow.revisit': ['flow', 2, null],
      'attitude.forbidden-phrase': ['attitude', 5, 3],
      'attitude.shirking': ['attitude', 5, 3],
      'attitude.complaint-deflected': ['attitude', 10, 1],
      'redline.abuse': ['redline', 0, null],
      'class.product-quality': ['class', 'tag', null],
      'class.logistics': ['class', 'tag', null],
      'class.after-sales': ['class', 'tag', null],
      'class.attitude': ['class', 'tag', null],
    });
    expect(packDef.categories.map((x) => [x.id, x.cap ?? null, x.veto === true])).toEqual([
      ['flow', 50, false],
      ['attitude', 40, false],
      ['redline', null, true],
      ['class', 0, false],
    ]);
  });

  it('pack lint finds no problem; the acknowledged ones are catalogue lists kept verbatim', () => {
    const lint = lintPack(packDef);
    expect(lint.problems).toEqual([]);
    expect(lint.allowed.map((x) => x.code)).toEqual(Array(lint.allowed.length).fill('lint.shadowed-phrase'));
  });

  it('every rule has guidance and a name in zh and en, and examples that fire (with `at`) and pass', () => {
    for (const r of packDef.rules) {
      expect(r.guidance, r.id).toEqual({ zh: expect.any(String), en: expect.any(String) });
      expect(r.name, r.id).toEqual({ zh: expect.any(String), en: expect.any(String) });
      expect(r.examples?.some((e) => e.expect === 'fires' && e.at !== undefined), r.id).toBe(true);
      expect(r.examples?.some((e) => e.expect === 'passes'), r.id).toBe(true);
    }
  });

  it("the pack's own examples all pass", () => {
    expect(runPackExamples(pack).filter((o) => !o.passed)).toEqual([]);
  });
});

describe('flow.apology-first: the first agent message after the first complaint message has no apology', () => {
  it.each(['生气', '气死', '太差', '投诉', '骗子', '什么态度', '烦死了', '受不了'])('a complaint message (%s) starts it; fires at that agent message', (word) => {
    expect(run('flow.apology-first', [`c: 我${word}`, 'a: 请问订单号是多少', 'a: 抱歉'])).toEqual([{ at: 1, evidence: '请问订单号是多少', points: 5 }]);
  });
  it.each(['抱歉', '对不起', '不好意思', '歉意', '给您带来'])('passes with %s', (word) => {
    expect(run('flow.apology-first', ['c: 太差了', `a: ${word}`])).toEqual([]);
  });
  it('soothing words (理解您, 消消气) are not apologies', () => {
    expect(ats(run('flow.apology-first', ['c: 气死我了', 'a: 消消气，理解您']))).toEqual([1]);
  });
  it('12315 or 差评 alone do not start it', () => {
    expect(run('flow.apology-first', ['c: 我去12315', 'a: 您好'])).toEqual([]);
    expect(run('flow.apology-first', ['c: 给你们差评', 'a: 您好'])).toEqual([]);
  });
  it('a negated word is no complaint (我没生气)', () => {
    expect(run('flow.apology-first', ['c: 我没生气，就问问', 'a: 您好'])).toEqual([]);
  });
  it('only the FIRST complaint message counts', () => {
    expect(run('flow.apology-first', ['c: 太差了', 'a: 非常抱歉', 'c: 我要投诉', 'a: 好的'])).toEqual([]);
  });
  it('the agent message before the complaint does not count', () => {
    expect(ats(run('flow.apology-first', ['a: 抱歉久等', 'c: 太差了', 'a: 请讲']))).toEqual([2]);
  });
  it('no agent message after the complaint: no finding (no message, no finding)', () => {
    expect(run('flow.apology-first', ['a: 您好', 'c: 我要投诉'])).toEqual([]);
  });
});

describe('flow.order: a solution is offered before any apology and before any question (agent messages only)', () => {
  it('非常抱歉，这边为您补发 is in order (positions inside a message)', () => {
    expect(run('flow.order', ['c: 东西坏了', 'a: 非常抱歉，这边为您补发'])).toEqual([]);
  });
  it('fires at the first solution message when it comes first', () => {
    expect(run('flow.order', ['c: 东西坏了', 'a: 这边为您补发', 'a: 不好意思'])).toEqual([{ at: 1, evidence: '为您补发', points: 5 }]);
  });
  it('fires when no apology or question comes at all', () => {
    expect(ats(run('flow.order', ['c: 东西坏了', 'a: 给您补偿五元']))).toEqual([1]);
  });
  it('positions inside one message: the solution before the apology fires', () => {
    expect(run('flow.order', ['c: 东西坏了', 'a: 为您退款，非常抱歉'])).toEqual([{ at: 1, evidence: '为您退款', points: 5 }]);
  });
  it.each(['请问', '具体', '麻烦您提供', '核实一下', '照片'])('a question first is in order: %s', (q) => {
    expect(run('flow.order', ['c: 东西坏了', `a: ${q}一下情况`, 'a: 好的，为您换货'])).toEqual([]);
  });
  it.each(['为您补发', '为您退款', '给您补偿', '为您换货', '赔付'])('each solution phrase counts: %s', (s) => {
    expect(ats(run('flow.order', ['c: 坏了', `a: ${s}`]))).toEqual([1]);
  });
  it('a coupon offered: 优惠券 or 红包 with 给您/送您/为您/补偿 in the same clause', () => {
    expect(run('flow.order', ['c: 太慢了', 'a: 这边给您发一张10元优惠券'])).toEqual([{ at: 1, evidence: '给您发一张10元优惠券', points: 5 }]);
    expect(ats(run('flow.order', ['c: 太慢了', 'a: 红包已经送您了']))).toEqual([1]);
    expect(ats(run('flow.order', ['c: 太慢了', 'a: 优惠券作为补偿']))).toEqual([1]);
  });
  it('near miss: the coupon word and its verb in different clauses offer nothing', () => {
    expect(run('flow.order', ['c: 太慢了', 'a: 给您查了，优惠券已经过期'])).toEqual([]);
  });
  it('not negated: 暂时没办法为您退款 offers nothing', () => {
    expect(run('flow.order', ['c: 我要退款', 'a: 暂时没办法为您退款'])).toEqual([]);
  });
  it('the stock greetings 请问有什么可以帮您, 请问有什么需要, 请问还有什么 are not questions', () => {
    for (const g of ['请问有什么可以帮您', '请问有什么需要', '请问还有什么']) {
      expect(ats(run('flow.order', [`a: 您好，${g}`, 'c: 坏了', 'a: 这边为您补发']))).toEqual([2]);
    }
  });
  it('customer messages do not count as apologies or questions', () => {
    expect(ats(run('flow.order', ['c: 请问怎么办，抱歉打扰', 'a: 为您补发']))).toEqual([1]);
  });
});

describe('flow.same-solution-repeated: the same solution offered in 3 or more agent messages', () => {
  it('the same solution phrase in 3 messages: one finding at the 3rd', () => {
    const r = run('flow.same-solution-repeated', ['a: 这边为您补发', 'c: 不要', 'a: 可以为您补发的', 'c: 我要退款', 'a: 还是为您补发吧', 'a: 为您补发']);
    expect(r).toEqual([{ at: 4, evidence: '还是为您补发吧', points: 5 }]);
  });
  it('near miss: twice', () => {
    expect(run('flow.same-solution-repeated', ['a: 为您补发', 'a: 为您补发'])).toEqual([]);
  });
  it('near miss: three different solutions', () => {
    expect(run('flow.same-solution-repeated', ['a: 为您补发', 'a: 那为您退款', 'a: 再给您补偿一张优惠券'])).toEqual([]);
  });
  it('similar messages (>= 0.9, no minimum length) containing a solution join a group', () => {
    const text = '实在抱歉，给您补偿一张二十元的优惠券';
    expect(ats(run('flow.same-solution-repeated', [`a: ${text}`, `a: ${text}！`, `a: ${text}哦`]))).toEqual([2]);
  });
  it('a coupon offer in other words is still the same solution', () => {
    expect(ats(run('flow.same-solution-repeated', ['a: 给您发一张优惠券', 'a: 送您一个红包', 'a: 红包已为您申请']))).toEqual([2]);
  });
  it('one finding per conversation', () => {
    const msgs = ['a: 为您退款', 'a: 为您补发', 'a: 为您退款', 'a: 为您补发', 'a: 为您退款', 'a: 为您补发'];
    expect(run('flow.same-solution-repeated', msgs)).toEqual([{ at: 4, evidence: '为您退款', points: 5 }]);
  });
  it('negated offers are no solution (暂时没办法为您退款)', () => {
    expect(run('flow.same-solution-repeated', ['a: 为您退款', 'a: 暂时没办法为您退款', 'a: 真的没办法为您退款'])).toEqual([]);
  });
  it('repeated messages without a solution are not this rule', () => {
    expect(run('flow.same-solution-repeated', ['a: 非常抱歉', 'a: 非常抱歉', 'a: 非常抱歉'])).toEqual([]);
  });
});

describe('flow.time-limit: a solution without a time limit in its message or any later agent message', () => {
  it('fires at the first solution message', () => {
    expect(run('flow.time-limit', ['c: 坏了', 'a: 抱歉，为您换货', 'a: 您看可以吗'])).toEqual([{ at: 1, evidence: '为您换货', points: 3 }]);
  });
  it.each(['小时内', '天内', '分钟内', '工作日', '个工作日', '今天之内', '今天内', '今天就', '尽快', '明天'])('passes with %s in a later agent message', (t) => {
    expect(run('flow.time-limit', ['a: 抱歉，为您退款', 'c: 多久', `a: ${t}处理好`])).toEqual([]);
  });
  it('passes when the solution message itself states it', () => {
    expect(run('flow.time-limit', ['a: 抱歉，24小时内为您补发'])).toEqual([]);
  });
  it('near miss: a time stated only BEFORE the first solution message does not count', () => {
    expect(ats(run('flow.time-limit', ['a: 明天给您答复', 'a: 为您退款']))).toEqual([1]);
  });
  it('no solution (or only a negated one): nothing to judge', () => {
    expect(run('flow.time-limit', ['c: 坏了', 'a: 抱歉'])).toEqual([]);
    expect(run('flow.time-limit', ['a: 暂时没办法为您退款'])).toEqual([]);
  });
});

describe('flow.confirm-acceptance: a solution without asking whether the customer accepts it', () => {
  it('fires at the first solution message', () => {
    expect(run('flow.confirm-acceptance', ['c: 坏了', 'a: 抱歉，明天为您补发', 'a: 再见'])).toEqual([{ at: 1, evidence: '为您补发', points: 3 }]);
  });
  it.each(['您看可以吗', '您看这样可以吗', '您看这样处理可以吗', '是否满意', '可以接受吗', '您看行吗', '您看行不行', '你看行吗'])('passes with %s', (q) => {
    expect(run('flow.confirm-acceptance', ['a: 抱歉，明天为您补发', `a: ${q}`])).toEqual([]);
  });
  it('near miss: asked before the solution', () => {
    expect(ats(run('flow.confirm-acceptance', ['a: 您看可以吗', 'a: 为您补发']))).toEqual([1]);
  });
});

describe('flow.revisit: a conversation with a complaint message or a solution ends without a promise to follow up', () => {
  it('fires at the last agent message', () => {
    expect(run('flow.revisit', ['c: 气死我了', 'a: 非常抱歉', 'a: 已经处理好了', 'c: 好'])).toEqual([{ at: 2, evidence: '已经处理好了', points: 2 }]);
  });
  it.each(['回访', '再联系您', '与您联系', '联系您', '回复您', '给您反馈', '跟进', '有结果第一时间'])('passes with %s', (p) => {
    expect(run('flow.revisit', ['c: 我要投诉', `a: 抱歉，后续${p}`, 'a: 再见'])).toEqual([]);
  });
  it.each(['已联系您', '已经联系您', '已私信联系您', '已回复您', '已经回复您', '均与您联系', '没有及时回复您', '没有回复您', '是否与您联系'])(
    'a contact already made or only asked about is no promise: %s',
    (p) => {
      expect(ats(run('flow.revisit', ['c: 太差了', `a: 抱歉，${p}`]))).toEqual([1]);
    },
  );
  it('a solution alone starts it', () => {
    expect(ats(run('flow.revisit', ['c: 坏了', 'a: 抱歉，为您补发']))).toEqual([1]);
  });
  it('a complaint word of the e-commerce list (差评) starts it too', () => {
    expect(ats(run('flow.revisit', ['c: 给你们差评', 'a: 抱歉']))).toEqual([1]);
  });
  it('near misses: no complaint and no solution; a negated complaint; a negated solution', () => {
    expect(run('flow.revisit', ['c: 快递到哪了', 'a: 明天到'])).toEqual([]);
    expect(run('flow.revisit', ['c: 我不投诉，就问问', 'a: 好的'])).toEqual([]);
    expect(run('flow.revisit', ['c: 能退吗', 'a: 暂时没办法为您退款'])).toEqual([]);
  });
});

describe('attitude: as in the e-commerce pack', () => {
  it('attitude.forbidden-phrase (5 each, max 3)', () => {
    const r = run('attitude.forbidden-phrase', ['a: 听不懂吗', 'a: 您烦不烦', 'a: 小学生都知道', 'a: 你到底买不买']);
    expect(r.map((s) => [s.evidence, s.points])).toEqual([
      ['听不懂吗', 5],
      ['您烦不烦', 5],
      ['小学生都知道', 5],
      ['你到底买不买', 0],
    ]);
  });
  it('attitude.shirking fires; not negated (不用您自己去找快递 is an offer)', () => {
    expect(run('attitude.shirking', ['a: 这不是我们的问题，你去找快递'])).toEqual([{ at: 0, evidence: '这不是我们的问题', points: 5 }]);
    expect(run('attitude.shirking', ['a: 不用您自己去找快递，我们来处理'])).toEqual([]);
  });
  it('attitude.complaint-deflected (a): pushing towards a complaint', () => {
    expect(run('attitude.complaint-deflected', ['a: 不满意您去投诉吧'])).toEqual([{ at: 0, evidence: '您去投诉', points: 10 }]);
  });
  it('attitude.complaint-deflected (b): a bare acknowledgement of an e-commerce complaint word, even if a later message soothes', () => {
    expect(run('attitude.complaint-deflected', ['c: 我要去12315举报', 'a: 嗯嗯', 'a: 非常抱歉'])).toEqual([{ at: 1, evidence: '嗯嗯', points: 10 }]);
    expect(run('attitude.complaint-deflected', ['c: 我在工商银行上班', 'a: 嗯'])).toEqual([]);
    expect(run('attitude.complaint-deflected', ['c: 我不会给差评的', 'a: 好的'])).toEqual([]);
  });
  it('attitude.complaint-deflected: max 1', () => {
    expect(run('attitude.complaint-deflected', ['c: 我要投诉', 'a: 嗯', 'a: 你去投诉吧']).map((s) => s.points)).toEqual([10, 0]);
  });
  it('redline.abuse vetoes', () => {
    const r = score(['c: 你们就是骗子', 'a: 滚！']);
    expect(found(r, 'redline.abuse')).toEqual([{ at: 1, evidence: '滚', points: 0 }]);
    expect([r.vetoed, r.score, r.grade]).toEqual([true, 0, '不合格']);
  });
});

describe('class.*: classification tags at no cost, one 0-point finding at the first customer message with a word of the class', () => {
  const words: Record<string, string[]> = {
    'class.product-quality': ['质量', '坏了', '破损', '假货', '瑕疵', '不能用', '故障'],
    'class.logistics': ['快递', '物流', '没收到', '配送', '派送', '丢件', '发货慢'],
    'class.after-sales': ['退款', '退货', '换货', '售后', '保修', '维修'],
    'class.attitude': ['态度', '不耐烦', '骂人', '敷衍', '爱理不理'],
  };
  for (const id of CLASSES) {
    it.each(words[id]!)(`${id}: %s`, (w) => {
      const r = score(['a: 您好', 'c: 你好', `c: 这个${w}的事`, `c: 还是${w}`]);
      expect(found(r, id)).toEqual([{ at: 2, evidence: w, points: 0 }]);
      expect(r.tags).toContain(id);
      expect(r.findings.find((f) => f.ruleId === id)?.tag).toBe(id);
    });
  }
  it('tags cost nothing and several classes can apply, in pack order', () => {
    const r = score(['c: 快递送来的杯子破损了，我要退货', 'a: 非常抱歉，有结果第一时间联系您']);
    expect(r.tags).toEqual(['class.product-quality', 'class.logistics', 'class.after-sales']);
    expect(r.score).toBe(100);
    expect(r.categories.find((x) => x.id === 'class')?.deducted).toBe(0);
  });
  it('tag words are matched literally (no negation): 没坏了 still tags', () => {
    expect(score(['c: 还好没坏了']).tags).toEqual(['class.product-quality']);
  });
  it('only customer messages classify', () => {
    expect(score(['a: 已为您安排快递上门取件，质量问题包退货']).tags).toEqual([]);
  });
  it.each(['态度很好', '态度挺好', '态度不错', '态度非常好'])('class.attitude: praise (%s) is no complaint', (p) => {
    expect(score([`c: 上次那个客服${p}`]).tags).toEqual([]);
  });
  it('class.attitude: praise in one message, a complaint in another', () => {
    const r = score(['c: 上次那个客服态度很好', 'c: 你就爱理不理']);
    expect(found(r, 'class.attitude')).toEqual([{ at: 1, evidence: '爱理不理', points: 0 }]);
  });
  it('no class word: no tags', () => {
    expect(score(['c: 你好', 'a: 您好']).tags).toEqual([]);
  });
});

describe('examples/complaints.jsonl (golden run)', () => {
  const { conversations, problems } = importConversations(readFileSync(new URL('../../examples/complaints.jsonl', import.meta.url), 'utf8'), 'jsonl');
  const results = new Map(conversations.map((conv) => [conv.id, scoreConv(conv)]));
  const lines = (id: string) => results.get(id)!.findings.map((f) => `${f.ruleId}@${f.messageIndex}:${f.evidence}:${f.points}`);
  const head = (id: string) => {
    const r = results.get(id)!;
    return [r.score, r.grade, r.vetoed, r.tags];
  };

  it('reads five complaint chats with no problem', () => {
    expect(problems).toEqual([]);
    expect(conversations.map((x) => x.id)).toEqual(['cmp-001', 'cmp-002', 'cmp-003', 'cmp-004', 'cmp-005']);
  });

  it('cmp-001, model handling of a logistics complaint: tagged, 100', () => {
    expect(head('cmp-001')).toEqual([100, '优秀', false, ['class.logistics']]);
    expect(lines('cmp-001')).toEqual(['class.logistics@0:没收到:0']);
  });

  it('cmp-002, a broken hair dryer: solution first, no apology, no time limit or confirmation, the same exchange offered 3 times', () => {
    expect(head('cmp-002')).toEqual([77, '良好', false, ['class.product-quality', 'class.after-sales']]);
    expect(lines('cmp-002')).toEqual([
      'class.product-quality@0:坏了:0',
      'class.after-sales@0:退款:0',
      'flow.apology-first@1:这边为您换货。:5',
      'flow.order@1:为您换货:5',
      'flow.time-limit@1:为您换货:3',
      'flow.confirm-acceptance@1:为您换货:3',
      'flow.same-solution-repeated@5:还是建议为您换货。:5',
      'flow.revisit@5:还是建议为您换货。:2',
    ]);
  });

  it('cmp-003, an attitude complaint met with 嗯, shirking and a forbidden phrase', () => {
    expect(head('cmp-003')).toEqual([73, '合格', false, ['class.attitude']]);
    expect(lines('cmp-003')).toEqual([
      'class.attitude@0:态度:0',
      'flow.apology-first@1:嗯。:5',
      'attitude.complaint-deflected@1:嗯。:10',
      'attitude.shirking@3:这不是我们的问题:5',
      'attitude.complaint-deflected@3:你去投诉:0',
      'flow.revisit@5:我已经说过很多遍了。:2',
      'attitude.forbidden-phrase@5:我已经说过很多遍:5',
    ]);
  });

  it('cmp-004, praise (态度很好) is no attitude complaint; a coupon offered after the apology and question is in order; 100', () => {
    expect(head('cmp-004')).toEqual([100, '优秀', false, ['class.logistics']]);
    expect(lines('cmp-004')).toEqual(['class.logistics@0:发货慢:0']);
  });

  it('cmp-005, 暂时没办法为您退款 offers nothing; abuse vetoes', () => {
    expect(head('cmp-005')).toEqual([0, '不合格', true, ['class.after-sales']]);
    // A vetoed result lists every finding (its points no longer matter: the score is 0).
    expect(lines('cmp-005').map((l) => l.replace(/:\d+$/, ''))).toEqual([
      'class.after-sales@0:退款',
      'flow.revisit@3:随便你投诉，神经病。',
      'attitude.complaint-deflected@3:随便你投诉',
      'redline.abuse@3:神经病',
    ]);
  });
});
