/**
 * The catalogue of the standard e-commerce pack (shared spec: ecommerce-chat-pack.md) as tests: for
 * every auto rule, each sentence of its row and of the Definitions it relies on, with the spec's
 * own examples, firing and not firing. Every conversation is scored with the WHOLE standard pack
 * (compiled once, see support.ts), so the tests also see how rules interact; each test looks at
 * the rule under test (or at the whole result where the sentence is about scoring).
 * Test names quote (or closely paraphrase) the sentence they check.
 */
import { describe, expect, it } from 'vitest';
import { at, found, pack, packDef, row, run, score, summary } from './support.js';
import type { CaseMessage } from '@zhijian/core';

/** The agent greets first, so etiquette.greeting stays quiet where it is not under test. */
const HI = 'agent: 您好';

describe('the standard pack', () => {
  it('holds exactly the rule ids of the catalogue (a public contract), in catalogue order', () => {
    expect(packDef.rules.map((r) => r.id)).toEqual([
      'etiquette.greeting',
      'etiquette.forbidden-phrase',
      'etiquette.shirking',
      'etiquette.symbol-only-reply',
      'etiquette.repeated-reply',
      'business.transfer-notice',
      'business.retention',
      'business.follow-up-missed',
      'business.wrong-answer',
      'business.off-topic',
      'business.order-note',
      'business.payment-invoice-registration',
      'crisis.complaint-unsoothed',
      'crisis.complaint-deflected',
      'crisis.safety-uncared',
      'crisis.slow-reply',
      'crisis.unanswered',
      'crisis.script-modified',
      'crisis.proxy-promise',
      'etiquette.shirking-similar',
      'crisis.complaint-similar-unsoothed',
      'etiquette.repeated-clause',
      'redline.abuse',
      'redline.off-platform',
      'redline.personal-data',
    ]);
  });

  it('has the catalogue points, caps, review flags and categories', () => {
    const table = Object.fromEntries(packDef.rules.map((r) => [r.id, [r.category, r.points, r.maxFindings ?? null, r.review === true]]));
    expect(table).toMatchObject({
      'etiquette.greeting': ['etiquette', 2, null, false],
      'etiquette.forbidden-phrase': ['etiquette', 5, 3, false],
      'etiquette.shirking': ['etiquette', 5, 3, false],
      'etiquette.symbol-only-reply': ['etiquette', 3, 2, false],
      'etiquette.repeated-reply': ['etiquette', 3, 1, false],
      'business.transfer-notice': ['business', 5, null, false],
      'business.retention': ['business', 5, 1, true],
      'business.follow-up-missed': ['business', 5, null, false],
      'business.wrong-answer': ['business', 10, null, false],
      'business.off-topic': ['business', 5, null, false],
      'business.order-note': ['business', 5, null, false],
      'business.payment-invoice-registration': ['business', 20, null, false],
      'crisis.complaint-unsoothed': ['crisis', 10, 2, false],
      'crisis.complaint-deflected': ['crisis', 10, 1, false],
      'crisis.safety-uncared': ['crisis', 15, null, false],
      'crisis.slow-reply': ['crisis', 5, 3, false],
      'crisis.unanswered': ['crisis', 5, 1, false],
      'crisis.script-modified': ['crisis', 10, null, false],
      'crisis.proxy-promise': ['crisis', 5, null, false],
      'etiquette.shirking-similar': ['etiquette', 5, 3, true],
      'crisis.complaint-similar-unsoothed': ['crisis', 10, 2, true],
      'etiquette.repeated-clause': ['etiquette', 3, 1, true],
    });
    expect(packDef.categories.map((c) => [c.id, c.cap ?? null, c.veto === true])).toEqual([
      ['etiquette', 30, false],
      ['business', 40, false],
      ['crisis', 50, false],
      ['redline', null, true],
    ]);
    expect(packDef.scripts?.map((s) => s.text)).toEqual([
      '亲，本店默认48小时内发货，节假日顺延哦~',
      '亲，本店支持7天无理由退换货，请保持商品完好不影响二次销售哦~',
      '亲，活动期间全场满199减20，优惠可叠加店铺券哦~',
      '亲，快递一般3-5天送达，偏远地区会稍慢一些，请您耐心等待~',
    ]);
  });

  // "Similarity review rules": pending findings (0 points) until an inspector confirms them.
  const similar = (ruleId: string, messages: CaseMessage[]) => score(messages).findings.filter((f) => f.ruleId === ruleId);

  it('etiquette.shirking-similar: an agent clause similar to a shirking example fires, pending, naming the example', () => {
    const [f, ...rest] = similar('etiquette.shirking-similar', ['customer: 我的快递到哪了', 'agent: 您好，这个我们查不到的']);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ messageIndex: 1, evidence: '这个我们查不到的', points: 0, pending: true });
    expect(f!.data).toMatchObject({ example: '这个我们查不到的' });
    expect(f!.data!.similarity).toBeGreaterThan(0);
  });

  it('etiquette.shirking-similar: Traditional text behaves like Simplified; a counter-example (我帮您联系快递) does not fire', () => {
    expect(similar('etiquette.shirking-similar', ['customer: 我的快递到哪了', 'agent: 您好，這個我們查不到的']).map((f) => f.evidence)).toEqual(['這個我們查不到的']);
    expect(similar('etiquette.shirking-similar', ['customer: 我的快递到哪了', 'agent: 您好，我帮您联系快递'])).toEqual([]);
  });

  it('crisis.complaint-similar-unsoothed: an accusation without complaint words, not soothed in the next 2 agent messages, fires pending', () => {
    const found = similar('crisis.complaint-similar-unsoothed', ['customer: 你们就是不想给我解决', 'agent: 您好，订单明天发出', 'agent: 请耐心等待']);
    expect(found.map((f) => [f.messageIndex, f.evidence, f.points, f.pending])).toEqual([[0, '你们就是不想给我解决', 0, true]]);
    expect(similar('crisis.complaint-similar-unsoothed', ['customer: 你们就是不想给我解决', 'agent: 非常抱歉给您带来不便'])).toEqual([]);
    expect(similar('crisis.complaint-similar-unsoothed', ['customer: 今天天气不错', 'agent: 您好'])).toEqual([]);
  });

  it('etiquette.repeated-clause: the same clause in 3 agent messages that are not whole repeats fires at the 3rd', () => {
    const found = similar('etiquette.repeated-clause', [
      'agent: 您好，您的订单已经加急处理了，明天发货',
      'agent: 您的订单已经加急处理了，快递单号稍后给您',
      'agent: 好的亲，您的订单已经加急处理了，请放心',
    ]);
    expect(found.map((f) => [f.messageIndex, f.evidence, f.pending])).toEqual([[2, '您的订单已经加急处理了', true]]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('Scoring', () => {
  const unsoothed = ['customer: 我要投诉', 'agent: 订单明天发出', 'agent: 请耐心等待']; // crisis.complaint-unsoothed, 10
  const unsafe = ['customer: 充电器起火了', 'agent: 订单号多少', 'agent: 给您换新']; // crisis.safety-uncared, 15
  const shirk = ['agent: 帮不了你']; // etiquette.shirking, 5
  const symbol = ['customer: 太差了', 'agent: 😊']; // etiquette.symbol-only-reply, 3

  it('"Base score 100": a clean conversation scores 100, 优秀', () => {
    const r = score(['customer: 在吗', 'agent: 在的亲，请问有什么可以帮您？', 'customer: 没了呢谢谢']);
    expect([r.score, r.grade, r.vetoed, r.findings]).toEqual([100, '优秀', false, []]);
  });

  it('"Each finding deducts the rule\'s points"', () => {
    const r = score([HI, ...unsoothed]);
    expect(summary(r)).toEqual(['crisis.complaint-unsoothed@1:投诉:10']);
    expect(r.score).toBe(90);
  });

  it.each([
    ['>= 90 优秀 (90)', [HI, ...unsoothed], 90, '优秀'],
    ['>= 75 良好 (89)', [HI, ...shirk, ...symbol, ...symbol], 89, '良好'],
    ['>= 75 良好 (75)', [HI, ...unsafe, ...unsoothed], 75, '良好'],
    ['>= 60 合格 (74)', [HI, ...unsafe, ...shirk, ...symbol, ...symbol], 74, '合格'],
    ['>= 60 合格 (60)', [HI, ...unsafe, ...unsafe, ...unsoothed], 60, '合格'],
    ['< 60 不合格 (59)', [HI, ...unsafe, ...unsafe, ...shirk, ...symbol, ...symbol], 59, '不合格'],
  ])('"Grades: >= 90 优秀, >= 75 良好, >= 60 合格, < 60 不合格": %s', (_name, messages, points, grade) => {
    const r = score(messages as string[]);
    expect([r.score, r.grade]).toEqual([points, grade]);
  });

  it('"a rule may cap how many of its findings count (maxFindings)": the 4th forbidden phrase is listed at 0 points', () => {
    const r = score([HI, 'agent: 听不懂吗', 'agent: 听不懂吗？', 'agent: 你烦不烦', 'agent: 你到底买不买']);
    expect(found(r, 'etiquette.forbidden-phrase').map((f) => f.points)).toEqual([5, 5, 5, 0]);
    expect(r.score).toBe(85);
  });

  it('"Each category caps its total deduction": 服务礼仪 stops at 30, the finding after the cap is listed at 0', () => {
    const r = score([
      'customer: 在吗',
      HI,
      'agent: 听不懂吗',
      'agent: 你烦不烦',
      'agent: 你到底买不买',
      'agent: 帮不了你',
      'agent: 不归我管',
      'agent: 跟我们没关系',
      'customer: 垃圾',
      'agent: 😊',
    ]);
    expect(summary(r)).toEqual([
      'etiquette.forbidden-phrase@2:听不懂吗:5',
      'etiquette.forbidden-phrase@3:你烦不烦:5',
      'etiquette.forbidden-phrase@4:你到底买不买:5',
      'etiquette.shirking@5:帮不了你:5',
      'etiquette.shirking@6:不归我管:5',
      'etiquette.shirking@7:跟我们没关系:5',
      'etiquette.symbol-only-reply@9:😊:0',
    ]);
    expect(r.categories.find((c) => c.id === 'etiquette')!.deducted).toBe(30);
    expect(r.score).toBe(70);
  });

  it('"Caps, in order": the finding that reaches the cap keeps what remains; ties inside one message go in pack order', () => {
    const r = score([
      'customer: 在吗',
      HI,
      'agent: 听不懂吗',
      'agent: 你烦不烦',
      'agent: 帮不了你',
      'agent: 不归我管',
      'customer: 垃圾',
      'agent: 😊',
      'agent: 跟我们没关系，你到底买不买',
      'agent: 你自己看着办',
    ]);
    // 5+5+5+5+3 = 23; message 8: forbidden-phrase (pack order 1) takes 5 -> 28, shirking (order 2) the last 2.
    expect(summary(r).slice(5)).toEqual([
      'etiquette.forbidden-phrase@8:你到底买不买:5',
      'etiquette.shirking@8:跟我们没关系:2',
      'etiquette.shirking@9:你自己看着办:0',
    ]);
    expect(r.score).toBe(70);
  });

  it('"Each category caps its total deduction": 业务处理 stops at 40', () => {
    const transfers = Array.from({ length: 9 }, () => row('system', 'transfer'));
    const r = score([HI, ...transfers]);
    expect(found(r, 'business.transfer-notice').map((f) => f.points)).toEqual([5, 5, 5, 5, 5, 5, 5, 5, 0]);
    expect(r.score).toBe(60);
  });

  it('"Each category caps its total deduction": 危机预警 stops at 50 (the 4th safety finding keeps the 5 that remain)', () => {
    const r = score([HI, 'customer: 起火了', 'customer: 烫伤了', 'customer: 中毒了', 'customer: 流血了', 'agent: 请提供订单号']);
    expect(found(r, 'crisis.safety-uncared').map((f) => f.points)).toEqual([15, 15, 15, 5]);
    expect(r.score).toBe(50);
    expect(r.grade).toBe('不合格');
  });

  it('"floor 0": three capped categories (30 + 40 + 50) give 0, not -20, and the result is not vetoed', () => {
    const r = score([
      'customer: 在吗',
      'agent: 听不懂吗',
      'agent: 你烦不烦',
      'agent: 你到底买不买',
      'agent: 帮不了你',
      'agent: 不归我管',
      'agent: 跟我们没关系',
      ...Array.from({ length: 8 }, () => row('system', 'transfer')),
      'customer: 起火了',
      'customer: 烫伤了',
      'customer: 中毒了',
      'customer: 流血了',
    ]);
    expect(r.categories.map((c) => [c.id, c.deducted])).toEqual([
      ['etiquette', 30],
      ['business', 40],
      ['crisis', 50],
      ['redline', 0],
    ]);
    expect([r.score, r.grade, r.vetoed]).toEqual([0, '不合格', false]);
  });

  it('"A finding of a veto rule sets the score to 0 and marks the result vetoed"; "A vetoed result is always 不合格"', () => {
    const r = score([HI, 'customer: 能便宜点吗', 'agent: 加我微信，给你优惠']);
    expect([r.score, r.grade, r.vetoed]).toEqual([0, '不合格', true]);
    expect(summary(r)).toEqual(['redline.off-platform@2:加我微信:0']);
  });

  it('"a vetoed result lists every finding"', () => {
    const r = score(['customer: 我要投诉', 'agent: 嗯', 'agent: 滚']);
    expect(r.findings.map((f) => `${f.ruleId}@${f.messageIndex}:${f.evidence}`)).toEqual([
      'crisis.complaint-unsoothed@0:投诉',
      'etiquette.greeting@1:嗯',
      'crisis.complaint-deflected@1:嗯',
      'redline.abuse@2:滚',
    ]);
    expect([r.score, r.vetoed]).toEqual([0, true]);
  });

  it('formats.md: "`points` is the deduction actually applied after caps (0 for findings … within a veto …)"', () => {
    const r = score(['customer: 我要投诉', 'agent: 嗯', 'agent: 滚']);
    expect(r.findings.map((f) => [f.ruleId, f.points, f.rulePoints])).toEqual([
      ['crisis.complaint-unsoothed', 0, 10],
      ['etiquette.greeting', 0, 2],
      ['crisis.complaint-deflected', 0, 10],
      ['redline.abuse', 0, 0],
    ]);
  });

  it('"Manual items exist only as choices for the inspector; the engine never raises them by itself"', () => {
    const manual = ['business.wrong-answer', 'business.off-topic', 'business.order-note', 'business.payment-invoice-registration'];
    expect(manual.map((id) => pack.rulesById.get(id)!.manual)).toEqual([true, true, true, true]);
    const r = score([HI, 'customer: 这款是纯棉的吗', 'agent: 是的亲，支持开发票']);
    expect(r.findings).toEqual([]);
    const withItem = score([HI, 'customer: 这款是纯棉的吗', 'agent: 是的亲，支持开发票'], {
      manual: [{ ruleId: 'business.payment-invoice-registration', messageIndex: 2, note: '发票未登记' }],
    });
    expect(summary(withItem)).toEqual(['business.payment-invoice-registration@2:是的亲，支持开发票:20']);
    expect(withItem.findings[0]!.source).toBe('manual');
    expect(withItem.score).toBe(80);
  });

  it('"Review rules raise findings that wait for an inspector": pending, points 0, until confirmed; a confirmed one counts like any other', () => {
    const messages = [HI, 'customer: 质量太差了我要退货', 'agent: 好的，已为您登记退货'];
    const pending = score(messages);
    expect(found(pending, 'business.retention')).toEqual([{ at: 1, evidence: '要退', points: 0, pending: true }]);
    expect(pending.score).toBe(100);
    const confirmed = score(messages, { decisions: { 'business.retention@1': 'confirmed' } });
    expect(found(confirmed, 'business.retention')).toEqual([{ at: 1, evidence: '要退', points: 5 }]);
    expect(confirmed.score).toBe(95);
  });

  it('"it counts neither towards its rule\'s maxFindings nor its category\'s cap": 8 transfers keep their 40 while retention is pending', () => {
    const messages = [HI, 'customer: 我要退货', 'agent: 好的', ...Array.from({ length: 8 }, () => row('system', 'transfer'))];
    const pending = score(messages);
    expect(found(pending, 'business.transfer-notice').map((f) => f.points)).toEqual([5, 5, 5, 5, 5, 5, 5, 5]);
    expect(pending.score).toBe(60);
    // Confirmed, the retention finding (message 1) comes first in message order and takes 5 of the 40.
    const confirmed = score(messages, { decisions: { 'business.retention@1': 'confirmed' } });
    expect(found(confirmed, 'business.transfer-notice').map((f) => f.points)).toEqual([5, 5, 5, 5, 5, 5, 5, 0]);
    expect(confirmed.score).toBe(60);
  });

  it('"An ordinary finding counts unless an inspector dismisses it"', () => {
    const messages = [HI, 'agent: 帮不了你'];
    expect(score(messages).score).toBe(95);
    const dismissed = score(messages, { decisions: { 'etiquette.shirking@1': 'dismissed' } });
    expect(dismissed.findings[0]).toMatchObject({ ruleId: 'etiquette.shirking', dismissed: true, points: 0 });
    expect(dismissed.score).toBe(100);
  });

  it('"Unless a row says otherwise, a rule gives AT MOST ONE finding per message, at the first match in reading order (the longest match at that position)"', () => {
    expect(run('etiquette.forbidden-phrase', [HI, 'agent: 你烦不烦，听不懂吗'])).toEqual([{ at: 1, evidence: '你烦不烦', points: 5 }]);
    // 我已经说过很多遍 (at 0) and 说过很多遍了 (at 3): the first in reading order wins.
    expect(run('etiquette.forbidden-phrase', [HI, 'agent: 我已经说过很多遍了'])).toEqual([{ at: 1, evidence: '我已经说过很多遍', points: 5 }]);
    // 这个没办法处理 and 没办法处理: the longest at the first position.
    expect(run('etiquette.shirking', [HI, 'agent: 这个没办法处理'])).toEqual([{ at: 1, evidence: '这个没办法处理', points: 5 }]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('etiquette.greeting (2)', () => {
  const R = 'etiquette.greeting';

  it('fires: "The FIRST agent message contains no greeting" (evidence: the whole message)', () => {
    expect(run(R, ['customer: 在吗', 'agent: 请问订单号是多少'])).toEqual([{ at: 1, evidence: '请问订单号是多少', points: 2 }]);
  });

  it.each([
    '您好，请问有什么可以帮您',
    '你好',
    '欢迎光临本店',
    '在的',
    '在呢',
    '很高兴为您服务',
    '为您服务是我的荣幸',
    '有什么可以帮您',
    '有什么可以帮你', // 你 and 您 are interchangeable
    '有什么问题',
    '可以帮您查一下',
    '很高兴帮到您',
    '请问有什么需要',
    'hi～',
    'Hello!',
    '有什么问题我可以帮您处理或解决呢',
    '请问您是咨询之前的问题还是有其他的问题需要处理呢',
  ])('passes: "none of 您好, 你好, … hi, hello" (JD stock openers greet): %s', (text) => {
    expect(run(R, ['customer: 在吗', `agent: ${text}`])).toEqual([]);
  });

  it.each(['亲，订单已发货', '亲亲，在吗', '亲爱的，已经发货了', '早上好亲，订单已发货', '亲 订单已经发出'])(
    'passes: "亲 as a term of address" (no CJK character before it, or 好; none after it, or 亲/爱; judged with its spaces): %s',
    (text) => {
      expect(run(R, ['customer: 在吗', `agent: ${text}`])).toEqual([]);
    },
  );

  it.each(['我亲自帮您查', '父亲节礼盒已发货', '亲戚买的吗', '稍等哦亲'])('fires: "亲自, 父亲, 亲戚 and 稍等哦亲 are not greetings": %s', (text) => {
    expect(run(R, ['customer: 在吗', `agent: ${text}`])).toEqual([{ at: 1, evidence: text, points: 2 }]);
  });

  it('fires: hi does not match inside "this" (an ASCII phrase end glued to a letter does not match)', () => {
    expect(run(R, ['customer: hello', 'agent: this one is in stock'])).toEqual([{ at: 1, evidence: 'this one is in stock', points: 2 }]);
  });

  it('passes: Traditional and full-width greetings (歡迎光臨, ＨＥＬＬＯ)', () => {
    expect(run(R, ['customer: 在嗎', 'agent: 歡迎光臨'])).toEqual([]);
    expect(run(R, ['customer: 在吗', 'agent: ＨＥＬＬＯ'])).toEqual([]);
  });

  it('fires: "A first agent message made only of an emoticon or an image also fires"', () => {
    expect(run(R, ['customer: 在吗', 'agent: [微笑]', 'agent: 您好'])).toEqual([{ at: 1, evidence: '[微笑]', points: 2 }]);
    expect(run(R, ['customer: 在吗', row('agent', 'image', '[图片]'), 'agent: 您好'])).toEqual([{ at: 1, evidence: '[图片]', points: 2 }]);
  });

  it('"Fires at most once, at that message": a greeting in the second agent message does not help, and a second plain one adds nothing', () => {
    expect(run(R, ['customer: 在吗', 'agent: 订单已发货', 'agent: 您好', 'agent: 还有问题吗'])).toEqual([{ at: 1, evidence: '订单已发货', points: 2 }]);
  });

  it('passes: "does not fire when there is no agent message at all"', () => {
    expect(run(R, ['customer: 在吗', 'customer: 人呢'])).toEqual([]);
  });

  it('"A bot row is never an agent message": a bot greeting first does not count, the agent\'s first message is judged', () => {
    expect(run(R, ['customer: 在吗', 'bot: 您好，我是智能助手', 'agent: 订单已发货'])).toEqual([{ at: 2, evidence: '订单已发货', points: 2 }]);
  });

  it('passes: an agent status row is an event, not the first agent message', () => {
    expect(run(R, ['customer: 在吗', row('agent', 'status', '离开一下'), 'agent: 您好'])).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('etiquette.forbidden-phrase (5 each, max 3)', () => {
  const R = 'etiquette.forbidden-phrase';

  it.each([
    ['难道不是您自己选的吗', '难道不是'],
    ['这有什么难以理解的', '有什么难以理解'],
    ['不是您自己说的吗', '不是您自己说的吗'],
    ['不是你自己说的吗？', '不是你自己说的吗'],
    ['您还不明白吗', '还不明白吗'],
    ['这个小学生都知道', '小学生都知道'],
    ['说过很多遍了', '说过很多遍了'],
    ['你不会看上面的记录吗', '你不会看上面的记录'],
    ['您不会自己看吗', '您不会自己看'],
    ['听不懂吗', '听不懂吗'],
    ['你到底买不买', '你到底买不买'],
    ['您烦不烦', '您烦不烦'], // "In all phrase lists 你 and 您 are interchangeable: 您烦不烦 matches too"
  ])('fires: "An agent message contains a 服务禁语": %s', (text, evidence) => {
    expect(run(R, [HI, `agent: ${text}`])).toEqual([{ at: 1, evidence, points: 5 }]);
  });

  it('fires on Traditional and spaced text (聽不懂嗎, 你 烦 不 烦), evidence from the original', () => {
    expect(run(R, [HI, 'agent: 聽不懂嗎'])).toEqual([{ at: 1, evidence: '聽不懂嗎', points: 5 }]);
    expect(run(R, [HI, 'agent: 你 烦 不 烦'])).toEqual([{ at: 1, evidence: '你 烦 不 烦', points: 5 }]);
  });

  it('near miss: "An agent message" — a customer saying 你烦不烦 is no finding', () => {
    expect(run(R, [HI, 'customer: 你烦不烦啊', 'agent: 非常抱歉打扰您了'])).toEqual([]);
  });

  it('near miss: a patient restatement is no forbidden phrase', () => {
    expect(run(R, [HI, 'agent: 不好意思，我再给您说明一下：需要先申请退款'])).toEqual([]);
  });

  it('"5 each, max 3": a 4th finding is listed at 0 points', () => {
    expect(run(R, [HI, 'agent: 听不懂吗', 'agent: 你烦不烦', 'agent: 还不明白吗', 'agent: 你到底买不买']).map((f) => f.points)).toEqual([5, 5, 5, 0]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('etiquette.shirking (5 each, max 3)', () => {
  const R = 'etiquette.shirking';

  it.each([
    ['这个没办法处理', '这个没办法处理'],
    ['我们没办法处理', '没办法处理'],
    ['帮不了你', '帮不了你'],
    ['这个真帮不了您', '帮不了您'],
    ['你自己看着办', '你自己看着办'],
    ['您自己看着办吧', '您自己看着办'],
    ['这不是我们的问题', '这不是我们的问题'],
    ['这个跟我们没关系', '跟我们没关系'],
    ['不归我管', '不归我管'],
    ['你去找快递', '你去找快递'],
    ['您去找快递问问', '您去找快递'],
    ['自己去找快递吧', '自己去找快递'],
  ])('fires: "An agent message shirks (推诿, 弱词)": %s', (text, evidence) => {
    expect(run(R, [HI, `agent: ${text}`])).toEqual([{ at: 1, evidence, points: 5 }]);
  });

  it('near miss: "not negated (不用您自己去找快递 is an offer, not shirking)"', () => {
    // The filler 您 (不用 + 您): matched with 你/您 folded, like every phrase list.
    expect(run(R, [HI, 'agent: 不用您自己去找快递，我来联系'])).toEqual([]);
    expect(run(R, [HI, 'agent: 不用你自己去找快递，我来联系'])).toEqual([]);
    expect(run(R, [HI, 'agent: 不用自己去找快递哦，我来联系快递公司'])).toEqual([]);
  });

  it('near miss: negated by 不是 (不是没办法处理)', () => {
    expect(run(R, [HI, 'agent: 不是没办法处理，是需要等仓库回复'])).toEqual([]);
  });

  it('fires: 没办法 inside the phrase is no negation of it (暂时没办法处理)', () => {
    expect(run(R, [HI, 'agent: 暂时没办法处理'])).toEqual([{ at: 1, evidence: '没办法处理', points: 5 }]);
  });

  it('near miss: role scoping — a customer saying 你去找快递 is no finding', () => {
    expect(run(R, [HI, 'customer: 要我自己去找快递吗', 'agent: 不用的，我帮您联系'])).toEqual([]);
  });

  it('"5 each, max 3"', () => {
    expect(run(R, [HI, 'agent: 帮不了你', 'agent: 不归我管', 'agent: 跟我们没关系', 'agent: 你自己看着办']).map((f) => f.points)).toEqual([5, 5, 5, 0]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('etiquette.symbol-only-reply (3 each, max 2)', () => {
  const R = 'etiquette.symbol-only-reply';

  it.each(['[微笑]', '😊', '👍🏻', '/:^_^', '#E-s01', '。。。', '？？', '~~~', '…'])(
    'fires: "symbol-only (nothing but emoji, emoticon codes, punctuation, symbols or whitespace) sent while the customer is dissatisfied": %s',
    (text) => {
      expect(run(R, [HI, 'customer: 太差了', `agent: ${text}`])).toEqual([{ at: 2, evidence: text, points: 3 }]);
    },
  );

  it.each([
    ['投诉 (a crisis.complaint-unsoothed trigger)', '再这样我要投诉'],
    ['生气', '我很生气'],
    ['气死', '气死我了'],
    ['垃圾', '垃圾店'],
    ['失望', '太失望了'],
    ['骗子', '你们就是骗子'],
    ['什么态度', '你这什么态度'],
    ['无语', '无语'],
  ])('fires: "a complaint or negative-emotion word": %s', (_name, text) => {
    expect(run(R, [HI, `customer: ${text}`, 'agent: [微笑]'])).toEqual([{ at: 2, evidence: '[微笑]', points: 3 }]);
  });

  it('near miss: a symbol-only reply to a content customer', () => {
    expect(run(R, [HI, 'customer: 好的谢谢', 'agent: 😊'])).toEqual([]);
  });

  it('"one of the last 2 customer messages before it": dissatisfaction 3 customer messages back does not count', () => {
    expect(run(R, [HI, 'customer: 太差了', 'customer: 算了', 'customer: 发货了吗', 'agent: [微笑]'])).toEqual([]);
  });

  it('fires: "(counted across any agent messages in between)"', () => {
    expect(run(R, [HI, 'customer: 垃圾', 'agent: 抱歉给您带来不便', 'agent: [微笑]'])).toEqual([{ at: 3, evidence: '[微笑]', points: 3 }]);
  });

  it('near miss: "that is not negated" (我不生气)', () => {
    expect(run(R, [HI, 'customer: 我不生气，就问问', 'agent: 😊'])).toEqual([]);
  });

  it('near miss: complaint exceptions are no trigger (工商银行)', () => {
    expect(run(R, [HI, 'customer: 工商银行卡可以付吗', 'agent: 👌'])).toEqual([]);
  });

  it('fires: "Questions do not negate": 你们是不是骗子, 这不是骗子是什么', () => {
    expect(run(R, [HI, 'customer: 你们是不是骗子', 'agent: 😊'])).toEqual([{ at: 2, evidence: '😊', points: 3 }]);
    expect(run(R, [HI, 'customer: 这不是骗子是什么', 'agent: 😊'])).toEqual([{ at: 2, evidence: '😊', points: 3 }]);
    expect(run(R, [HI, 'customer: 你们这不是骗子吗😡', 'agent: 😊'])).toEqual([{ at: 2, evidence: '😊', points: 3 }]);
  });

  it('near miss: a plain 不是 negates (我知道你们不是骗子); "Clause": the rhetorical test stops at punctuation (这不是骗子，是什么)', () => {
    expect(run(R, [HI, 'customer: 我知道你们不是骗子', 'agent: 😊'])).toEqual([]);
    expect(run(R, [HI, 'customer: 这不是骗子，是什么', 'agent: 😊'])).toEqual([]);
  });

  it('fires: "a line break does not end" a clause (这不是骗子\\n是什么 is rhetorical)', () => {
    expect(run(R, [HI, 'customer: 这不是骗子\n是什么', 'agent: 😊'])).toEqual([{ at: 2, evidence: '😊', points: 3 }]);
  });

  it('near miss: "A media placeholder such as [图片] is not an emoticon code"', () => {
    expect(run(R, [HI, 'customer: 太差了', 'agent: [图片]'])).toEqual([]);
  });

  it.each(['[图片]', '[视频]', '[文件]', '[语音]', '[链接]', '[商品]', '[订单]'])('near miss: "except the media placeholders [图片], [视频], [文件], [语音], [链接], [商品], [订单]": %s', (text) => {
    expect(run(R, [HI, 'customer: 太差了', `agent: ${text}`])).toEqual([]);
  });

  it.each(['👨‍👩‍👧', '❤️', '👍🏻👍🏻', '#E-s[数字x]', '[捂脸][强]', ' ～ ', '\u200b…'])(
    'fires: "Emoji: Extended_Pictographic characters with their modifiers, ZWJ and variation selectors"; emoticon codes: %s',
    (text) => {
      expect(run(R, [HI, 'customer: 太差了', `agent: ${text}`])).toEqual([{ at: 2, evidence: text, points: 3 }]);
    },
  );

  it('near miss: "[ + 1 to 4 CJK characters + ]": five characters in brackets are words, not an emoticon code', () => {
    expect(run(R, [HI, 'customer: 太差了', 'agent: [非常抱歉了]'])).toEqual([]);
  });

  it('near miss: "a media row (kind image, order-card) is never symbol-only"', () => {
    expect(run(R, [HI, 'customer: 太差了', row('agent', 'image', '[微笑]'), row('agent', 'order-card', '')])).toEqual([]);
  });

  it('near miss: a bot row is never an agent message', () => {
    expect(run(R, [HI, 'customer: 太差了', 'bot: 😊'])).toEqual([]);
  });

  it('"3 each, max 2"', () => {
    expect(run(R, [HI, 'customer: 无语', 'agent: 😊', 'agent: 😊', 'agent: 😊']).map((f) => f.points)).toEqual([3, 3, 0]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('etiquette.repeated-reply (3, max 1)', () => {
  const R = 'etiquette.repeated-reply';
  const LINE = '亲，仓库已经在加急处理了';

  it('fires: "The same agent text is sent 3 or more times"; "a group gives one finding, at its 3rd message (a 4th or later message gives none)"', () => {
    const r = run(R, [HI, 'customer: 什么时候发货', `agent: ${LINE}`, 'customer: 到底什么时候', `agent: ${LINE}`, 'customer: 人呢', `agent: ${LINE}`, 'customer: ？', `agent: ${LINE}`]);
    expect(r).toEqual([{ at: 6, evidence: LINE, points: 3 }]);
  });

  it('fires: "compared by their comparison text" (punctuation, emoji and spaces removed)', () => {
    expect(run(R, [HI, 'agent: 仓库已经在加急处理了', 'agent: 仓库已经在加急处理了～😊', 'agent: 仓库 已经 在加急处理了！'])).toEqual([
      { at: 3, evidence: '仓库 已经 在加急处理了！', points: 3 },
    ]);
  });

  it('fires: "or a similarity >= 0.9 with it" (亲，给您带来不便非常抱歉 vs 给您带来不便非常抱歉: 0.947)', () => {
    expect(run(R, [HI, 'agent: 亲，给您带来不便非常抱歉', 'agent: 给您带来不便非常抱歉', 'agent: 给您带来不便非常抱歉'])).toEqual([
      { at: 3, evidence: '给您带来不便非常抱歉', points: 3 },
    ]);
  });

  it('"which must be at least 6 characters long": 6 fires, 5 does not', () => {
    expect(run(R, [HI, 'agent: 收到，马上处理', 'agent: 收到，马上处理', 'agent: 收到，马上处理'])).toEqual([{ at: 3, evidence: '收到，马上处理', points: 3 }]);
    expect(run(R, [HI, 'agent: 马上处理了', 'agent: 马上处理了', 'agent: 马上处理了'])).toEqual([]);
  });

  it.each(['请稍等，正在为您查询', '感谢您的耐心等待', '还有其他问题吗？随时联系我们'])(
    'near miss: "Messages with a stock opener or closer … are not counted": %s ×3',
    (text) => {
      expect(run(R, [HI, `agent: ${text}`, `agent: ${text}`, `agent: ${text}`])).toEqual([]);
    },
  );

  it('"joins the first earlier group whose FIRST message …": A, B, C with A~B and B~C but not A~C is no chain', () => {
    const A = '亲，您的包裹已经到达本市分拣中心，预计明天派送'; // A~B 0.923, B~C 0.919, A~C 0.842
    const B = '您的包裹已经到达本市分拣中心，预计明天派件';
    const C = '包裹已经到达本市分拣中心，预计明天派件哦';
    expect(run(R, [HI, `agent: ${A}`, `agent: ${B}`, `agent: ${C}`])).toEqual([]);
    expect(run(R, [HI, `agent: ${A}`, `agent: ${B}`, `agent: ${C}`, `agent: ${A}`])).toEqual([{ at: 4, evidence: A, points: 3 }]);
  });

  it.each(['还有其他', '还有其它', '还有没有其他', '还有什么', '还有别的', '随时来问', '随时联系', '祝您', '感谢您', '再见', '很高兴为您服务', '有什么可以帮', '有什么问题', '在的', '请稍等', '正在为您查询'])(
    'near miss: every stock formula keeps a message out of the count: %s',
    (formula) => {
      const text = `仓库已经在加急处理了，${formula}`;
      expect(run(R, [HI, `agent: ${text}`, `agent: ${text}`, `agent: ${text}`])).toEqual([]);
    },
  );

  it('"Two different texts each sent 3 times give two findings (the second at 0 points under max 1)"', () => {
    const a = '仓库已经在加急处理了';
    const b = '快递明天一定能送到的';
    expect(run(R, [HI, `agent: ${a}`, `agent: ${b}`, `agent: ${a}`, `agent: ${b}`, `agent: ${a}`, `agent: ${b}`])).toEqual([
      { at: 5, evidence: a, points: 3 },
      { at: 6, evidence: b, points: 0 },
    ]);
  });

  it('near miss: a customer repeating himself is not the agent', () => {
    expect(run(R, [HI, 'customer: 你们到底什么时候发货', 'customer: 你们到底什么时候发货', 'customer: 你们到底什么时候发货', 'agent: 抱歉，明天发'])).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('business.transfer-notice (5 each)', () => {
  const R = 'business.transfer-notice';
  const TRANSFER = row('system', 'transfer');

  it('fires: "A transfer event (a row of kind transfer) with no agent message announcing it" (evidence: the event row)', () => {
    expect(run(R, [HI, 'customer: 我要开发票', 'agent: 好的', TRANSFER])).toEqual([{ at: 3, evidence: '', points: 5 }]);
  });

  it('fires: "or a system message whose normalised text contains 已转接, 转接至 or 转接给" (also Traditional)', () => {
    expect(run(R, [HI, 'customer: 退货', 'system: 会话已转接至售后客服小王'])).toEqual([{ at: 2, evidence: '会话已转接至售后客服小王', points: 5 }]);
    expect(run(R, [HI, 'customer: 退货', 'system: 會話已轉接給售後'])).toEqual([{ at: 2, evidence: '會話已轉接給售後', points: 5 }]);
  });

  it('near miss: "a system text that only mentions 转接, such as 转接可能需要等待, is no event"', () => {
    expect(run(R, [HI, 'customer: 退货', 'system: 转接可能需要等待'])).toEqual([]);
  });

  it.each(['这边为您转接售后专员', '我把您转给售后', '帮您转一下', '我请同事来处理', '售后客服会联系您', '售前客服会联系您', '马上转接'])(
    'near miss: "announcing it (转接, 转给, 为您转, 帮您转, 同事, 专员, 售后客服, 售前客服)": %s',
    (text) => {
      expect(run(R, [`agent: 您好，${text}`, TRANSFER])).toEqual([]);
    },
  );

  it('"among the last 2 agent messages before it": 2 back announces, 3 back does not', () => {
    expect(run(R, ['agent: 您好，这边为您转接售后专员', 'agent: 请稍等', TRANSFER])).toEqual([]);
    expect(run(R, ['agent: 您好，这边为您转接售后专员', 'agent: 请稍等', 'agent: 马上就好', TRANSFER])).toEqual([{ at: 3, evidence: '', points: 5 }]);
  });

  it('near miss: "No finding when no agent message precedes the event"', () => {
    expect(run(R, ['customer: 退货', TRANSFER, HI])).toEqual([]);
  });

  it('fires: "A customer asking for the transfer is no announcement: the agent still says it"', () => {
    expect(run(R, [HI, 'customer: 帮我转人工售后', 'agent: 好的', TRANSFER])).toEqual([{ at: 3, evidence: '', points: 5 }]);
  });

  it('"Words that satisfy a rule … are matched literally, without negation: 不用转接 still announces"', () => {
    expect(run(R, ['agent: 您好，不用转接哦', TRANSFER])).toEqual([]);
  });

  it('fires: a bot saying 正在为您转接 is no agent announcement', () => {
    expect(run(R, [HI, 'bot: 正在为您转接', TRANSFER])).toEqual([{ at: 2, evidence: '', points: 5 }]);
  });

  it('"5 each": two unannounced transfers give two findings', () => {
    expect(run(R, [HI, TRANSFER, 'agent: 您好，售后为您服务', 'agent: 请稍等', TRANSFER])).toEqual([
      { at: 1, evidence: '', points: 5 },
      { at: 4, evidence: '', points: 5 },
    ]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('business.retention (5, max 1, review)', () => {
  const R = 'business.retention';
  const pending = (at: number, evidence: string) => [{ at, evidence, points: 0, pending: true }];

  it.each([
    ['质量太差了我要退货', '要退'],
    ['我想退', '想退'],
    ['给我退了', '给我退'],
    ['帮我退一下', '帮我退'],
    ['我要求退款', '要求退'],
    ['直接退款', '直接退'],
    ['我还是退吧', '还是退'],
    ['退货吧', '退货吧'],
    ['那退款吧', '退款吧'],
    ['算了退了吧', '退了吧'],
    ['把这单退掉', '退掉'],
    ['不要了', '不要了'],
    ['我不想要了', '不想要了'],
    ['我要取消订单', '要取消'],
    ['我想取消', '想取消'],
    ['帮我取消', '帮我取消'],
    ['给我取消', '给我取消'],
  ])('fires (pending, 0 points): "A customer message states a refund, return or cancel intent … and no agent message after it tries to keep the order": %s', (text, evidence) => {
    expect(run(R, [HI, `customer: ${text}`, 'agent: 好的，已为您登记'])).toEqual(pending(1, evidence));
  });

  it('fires: no agent message after the intent at all', () => {
    expect(run(R, [HI, 'customer: 我要退货'])).toEqual(pending(1, '要退'));
  });

  it.each(['换货', '换一个', '补发', '补偿', '优惠券', '红包', '赠品', '折扣', '调换', '换个尺码', '再考虑', '考虑一下', '保留', '试试', '留用', '先用着', '继续使用', '其他商品', '选择其他', '重新购买', '重新下单', '其它商品', '维修', '售后处理'])(
    'passes: "tries to keep the order (换货, 换一, 补发, …)": %s',
    (word) => {
      expect(run(R, [HI, 'customer: 我要退货', `agent: 可以${word}哦`, 'customer: 不用了，退吧', 'agent: 好的'])).toEqual([]);
    },
  );

  it('passes: "one retention attempt after it, or in the agent\'s last message before it, is enough"', () => {
    expect(run(R, ['agent: 您好，要不您先试试', 'customer: 不要了', 'agent: 好的，已为您登记'])).toEqual([]);
  });

  it('fires: "Earlier retention words do not count" (before the agent\'s last message before the intent)', () => {
    expect(run(R, ['agent: 您好，可以换货哦', 'agent: 好的', 'customer: 还是退货吧', 'agent: 好的'])).toEqual(pending(2, '还是退'));
  });

  it('"Judged on the FIRST intent message of the conversation": a later unretained intent gives nothing', () => {
    expect(run(R, [HI, 'customer: 我要退货', 'agent: 给您补发一个吧', 'customer: 不要了，退款吧', 'agent: 好的'])).toEqual([]);
  });

  it('passes: "a customer who insists after being offered an alternative has been retained as far as an agent can"', () => {
    expect(run(R, [HI, 'customer: 我要退货', 'agent: 可以换个尺码哦', 'customer: 不换，就要退', 'agent: 好的，已为您登记'])).toEqual([]);
  });

  it.each(['不想退了', '我不要退', '不太想取消'])('near miss: "not negated": %s', (text) => {
    expect(run(R, [HI, `customer: ${text}`, 'agent: 好的'])).toEqual([]);
  });

  it.each(['这个需要退货吗', '你们给我退的款还没到账', '要退回来吗', '只要取消就行了吗', '我要退货地址', '是要退回去吗'])(
    'near miss: "exceptions … a message about an existing return or a past event is no intent": %s',
    (text) => {
      expect(run(R, [HI, `customer: ${text}`, 'agent: 好的'])).toEqual([]);
    },
  );

  it.each(['不要了，我重新下单', '不要了重新拍一个', '退掉吧，从新下单', '不要了，我重新买', '我要退差价', '可以保价吗，不然就退掉', '我要退差额'])(
    'near miss: "a message containing 重新下单 … is a re-order, and one containing 价保, 保价, 差价 or 差额 is about price protection": %s',
    (text) => {
      expect(run(R, [HI, `customer: ${text}`, 'agent: 好的'])).toEqual([]);
    },
  );

  it('near miss: role scoping — the agent asking 您要退货吗 is no intent', () => {
    expect(run(R, ['agent: 您好，您要退货吗', 'customer: 我看看'])).toEqual([]);
  });

  // The standard list is a contract; these read as intents by its words although they ask about an
  // existing refund (reported as "list too loose", for the catalogue to decide).
  it.each([
    ['之前的客服会给我退款吗', '给我退'],
    ['订单已经退掉了吗', '退掉'],
  ])('by the list (reported as too loose): %s reads as an intent', (text, evidence) => {
    expect(run(R, [HI, `customer: ${text}`, 'agent: 会的，已经在处理了'])).toEqual(pending(1, evidence));
  });

  it.each(['不要了，我重新购买一个', '要退的话价保还有吗'])('near miss: re-order and price-protection words (重新购买, 价保): %s', (text) => {
    expect(run(R, [HI, `customer: ${text}`, 'agent: 好的'])).toEqual([]);
  });

  it.each(['需要退回吗', '需要退货地址吗', '需要退款吗', '需要退掉吗', '需要取消吗', '不需要退', '不需要取消了', '我要退货单号', '我要退款进度', '我想退款到账快一点'])(
    'near miss: every exception (需要退回, 需要退货地址, 需要退货吗, 需要退款吗, 需要退掉吗, 需要取消吗, 不需要退, 不需要取消, 退回来, 退回去, 退货单, 退货地址, 退款进度, 退款到账, 只要取消, 给我退的): %s',
    (text) => {
      expect(run(R, [HI, `customer: ${text}`, 'agent: 好的'])).toEqual([]);
    },
  );
});

// ------------------------------------------------------------------------------------------------
describe('business.follow-up-missed (5 each)', () => {
  const R = 'business.follow-up-missed';

  it.each([
    ['稍后回复您', '稍后回复'],
    ['核实后回复您', '核实后回复'],
    ['我帮您核实一下', '帮您核实'],
    ['稍后联系您', '稍后联系您'],
    ['晚点给您回电', '给您回电'],
    ['跟进后答复您', '跟进后答复'],
    ['查询后回复您', '查询后回复'],
    ['我核实一下', '核实一下'],
  ])('fires: "A promise in the last agent message fires": %s', (text, evidence) => {
    expect(run(R, [at('customer', '10:00:00', '少发了一个'), at('agent', '10:00:30', '您好'), at('agent', '10:01:00', text)])).toEqual([
      { at: 2, evidence, points: 5 },
    ]);
  });

  it('passes: "no later agent message follows within 24 hours of it, inclusive" — exactly 24 h later keeps it', () => {
    const messages = [at('customer', '10:00:00', '少发了一个'), at('agent', '10:00:30', '您好，我帮您核实一下'), at('agent', '2025-06-18 10:00:30', '查到了，给您补发')];
    expect(run(R, messages)).toEqual([]);
  });

  it('fires: 24 h and 1 s later is too late', () => {
    const messages = [at('customer', '10:00:00', '少发了一个'), at('agent', '10:00:30', '您好，我帮您核实一下'), at('agent', '2025-06-18 10:00:31', '查到了，给您补发')];
    expect(run(R, messages)).toEqual([{ at: 1, evidence: '帮您核实', points: 5 }]);
  });

  it('passes: "(any agent\'s)" — a colleague\'s later message keeps the promise', () => {
    const messages = [
      at('customer', '10:00:00', '少发了一个'),
      { role: 'agent' as const, speaker: '小美', text: '您好，核实后回复您', ts: '2025-06-17 10:01:00' },
      { role: 'agent' as const, speaker: '小王', text: '您好，查到了，明天补发', ts: '2025-06-17 15:00:00' },
    ];
    expect(run(R, messages)).toEqual([]);
  });

  it('fires: an agent status row is no message that keeps the promise', () => {
    const messages = [at('customer', '10:00:00', '少发了一个'), at('agent', '10:00:30', '您好，稍后联系您'), at('agent', '10:05:00', '离开', 'status')];
    expect(run(R, messages)).toEqual([{ at: 1, evidence: '稍后联系您', points: 5 }]);
  });

  it.each(['已经帮您核实过了，是仓库漏发', '已经帮您核实了，明天补发', '已经核实一下了，确实少发了', '已核实一下库存，有货的'])('passes: "exceptions 核实了, 核实过, 已经核实, 已核实: a check already done is no promise": %s', (text) => {
    expect(run(R, [at('customer', '10:00:00', '少发了一个'), at('agent', '10:00:30', `您好，${text}`)])).toEqual([]);
  });

  it('passes: "Without timestamps, any later agent message keeps the promise, and the result notes that the 24 hours were not checked"', () => {
    const r = score(['customer: 少发了一个', 'agent: 您好，稍后回复您', 'agent: 查到了，明天补发']);
    expect(found(r, R)).toEqual([]);
    expect(r.notes).toContain('business.follow-up-missed: 缺少时间戳，未检查 86400 秒时限');
  });

  it('fires without timestamps when no later agent message exists', () => {
    expect(run(R, ['customer: 少发了一个', 'agent: 您好，稍后回复您'])).toEqual([{ at: 1, evidence: '稍后回复', points: 5 }]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('crisis.complaint-unsoothed (10 each, max 2)', () => {
  const R = 'crisis.complaint-unsoothed';
  const NO_SOOTHING = ['agent: 订单明天发出', 'agent: 还有其他问题吗'];

  it.each([
    ['我要投诉你们', '投诉'],
    ['再不发货就给差评', '差评'],
    ['店大欺客', '店大欺客'],
    ['打12315', '12315'],
    ['去工商告你们', '工商'],
    ['我要曝光你们', '曝光'],
    ['举报你们', '举报'],
    ['我要打315', '315'],
    ['找消协', '消协'],
    ['找消费者协会', '消费者协会'],
    ['别逼我投诉', '投诉'],
  ])('fires: "A customer message contains a complaint word … and none of the next 2 agent messages after it contains an apology or soothing phrase": %s', (text, evidence) => {
    expect(run(R, [HI, `customer: ${text}`, ...NO_SOOTHING])).toEqual([{ at: 1, evidence, points: 10 }]);
  });

  it.each([
    ['投訴', '投訴'],
    ['投 诉', '投 诉'],
    ['我要打１２３１５', '１２３１５'],
  ])('fires on Traditional, spaced and full-width text (evidence from the original): %s', (text, evidence) => {
    expect(run(R, [HI, `customer: ${text}`, ...NO_SOOTHING])).toEqual([{ at: 1, evidence, points: 10 }]);
  });

  it.each(['不会给差评的', '没投诉', '不想去投诉', '不太会投诉'])('near miss: "not negated (so 不会给差评, 没投诉, 不想去投诉 are no triggers)": %s', (text) => {
    expect(run(R, [HI, `customer: ${text}`, ...NO_SOOTHING])).toEqual([]);
  });

  it.each([
    ['我要投诉', '投诉'],
    ['别逼我投诉', '投诉'],
    ['我要不要投诉你们？', '投诉'],
    ['你们有没有投诉电话', '投诉'],
  ])('fires: "我要投诉 and 别逼我投诉 are not [negated]"; an A-not-A question does not negate: %s', (text, evidence) => {
    expect(run(R, [HI, `customer: ${text}`, ...NO_SOOTHING])).toEqual([{ at: 1, evidence, points: 10 }]);
  });

  it.each(['可以用工商银行卡吗', '曝光度不够', '曝光补偿怎么领', '差评率多少', '差评管理在哪', '差评处怎么找'])('near miss: "exceptions 工商银行, 曝光度, 曝光补偿, 差评处, 差评管理, 差评率": %s', (text) => {
    expect(run(R, [HI, `customer: ${text}`, ...NO_SOOTHING])).toEqual([]);
  });

  it.each(['订单号12163154怎么还没发货', 'item.jd.com/7131530 这个有货吗', '运单号 SF1231543 到哪了'])(
    'near miss: "315 and 12315 do not match inside order numbers, SKU ids or URLs": %s',
    (text) => {
      expect(run(R, [HI, `customer: ${text}`, ...NO_SOOTHING])).toEqual([]);
    },
  );

  it.each(['抱歉', '对不起', '不好意思', '理解您', '非常理解', '给您带来', '消消气', '别着急', '别生气', '不要生气', '请您放心', '歉意', '十分抱歉', '對不起'])(
    'passes: "an apology or soothing phrase": %s',
    (word) => {
      expect(run(R, [HI, 'customer: 我要投诉', `agent: ${word}，马上为您处理`])).toEqual([]);
    },
  );

  it('passes: soothing in the 2nd agent message; fires when it comes only in the 3rd', () => {
    expect(run(R, [HI, 'customer: 我要投诉', 'agent: 订单明天发出', 'agent: 非常抱歉'])).toEqual([]);
    expect(run(R, [HI, 'customer: 我要投诉', 'agent: 订单明天发出', 'agent: 马上处理', 'agent: 非常抱歉'])).toEqual([{ at: 1, evidence: '投诉', points: 10 }]);
  });

  it('"When fewer than 2 agent messages follow (even none), those that exist must soothe"', () => {
    expect(run(R, [HI, 'customer: 我要投诉'])).toEqual([{ at: 1, evidence: '投诉', points: 10 }]);
    expect(run(R, [HI, 'customer: 我要投诉', 'agent: 对不起，马上处理'])).toEqual([]);
  });

  it('"Trigger messages with no agent message between them form one group: … at its FIRST trigger, judged on the 2 agent messages after its LAST trigger"', () => {
    expect(run(R, [HI, 'customer: 我要投诉', 'customer: 快点', 'customer: 还要给差评', 'agent: 订单明天发出', 'agent: 马上处理'])).toEqual([
      { at: 1, evidence: '投诉', points: 10 },
    ]);
    expect(run(R, [HI, 'customer: 我要投诉', 'customer: 还要给差评', 'agent: 非常抱歉', 'agent: 马上处理'])).toEqual([]);
  });

  it('an agent message between two triggers makes two groups; "10 each, max 2": the third is listed at 0', () => {
    const r = run(R, [HI, 'customer: 我要投诉', 'agent: 订单明天发出', 'customer: 差评', 'agent: 马上处理', 'customer: 12315', 'agent: 好的呢', 'agent: 请耐心等待']);
    expect(r).toEqual([
      { at: 1, evidence: '投诉', points: 10 },
      { at: 3, evidence: '差评', points: 10 },
      { at: 5, evidence: '12315', points: 0 },
    ]);
  });

  it('a bot\'s apology is no agent message', () => {
    expect(run(R, [HI, 'customer: 我要投诉', 'bot: 非常抱歉', 'agent: 订单明天发出', 'agent: 请耐心等待'])).toEqual([{ at: 1, evidence: '投诉', points: 10 }]);
  });

  it('near miss: role scoping — the agent saying 投诉 is no trigger', () => {
    expect(run(R, ['agent: 您好，投诉请联系平台客服'])).toEqual([]);
  });

  it('a negated complaint word before an unnegated one: the evidence is the trigger (我不会给差评，但我要投诉)', () => {
    expect(run(R, [HI, 'customer: 我不会给差评，但我要投诉', ...NO_SOOTHING])).toEqual([{ at: 1, evidence: '投诉', points: 10 }]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('crisis.complaint-deflected (10, max 1)', () => {
  const R = 'crisis.complaint-deflected';

  it.each([
    ['你去投诉吧', '你去投诉'],
    ['您去投诉好了', '您去投诉'],
    ['有问题您可以去投诉', '可以去投诉'],
    ['随便投诉', '随便投诉'],
    ['随便你投诉', '随便你投诉'],
    ['这是投诉热线', '投诉热线'],
    ['投诉电话是12315', '投诉电话是'],
    ['投诉邮箱发您了', '投诉邮箱'],
    ['去投诉吧', '去投诉吧'],
  ])('fires: "(a) an agent message containing 你去投诉, …" (no complaint needed): %s', (text, evidence) => {
    expect(run(R, [HI, 'customer: 怎么还没发货', `agent: ${text}`])).toEqual([{ at: 2, evidence, points: 10 }]);
  });

  it('near miss: role scoping — the customer saying 我可以去投诉吗 is no deflection', () => {
    expect(run(R, [HI, 'customer: 我可以去投诉吗', 'agent: 非常抱歉，我马上处理'])).toEqual([]);
  });

  it.each(['嗯', '好的', '可以', '可以的', '行', '哦', '恩', '随便', '嗯嗯。', '好的好的～'])(
    'fires: "(b) the first agent message after a trigger group … is a bare acknowledgement … or one of them repeated": %s',
    (text) => {
      expect(run(R, [HI, 'customer: 我要投诉', `agent: ${text}`, 'agent: 非常抱歉给您带来不便'])).toEqual([{ at: 2, evidence: text, points: 10 }]);
    },
  );

  it('"(b) fires even when a later message soothes" — and complaint-unsoothed does not', () => {
    const r = score([HI, 'customer: 我要投诉', 'agent: 嗯', 'agent: 非常抱歉']);
    expect(summary(r)).toEqual(['crisis.complaint-deflected@2:嗯:10']);
  });

  it.each(['好的，马上为您处理', '嗯，抱歉', '好的呢'])('near miss: more than a bare acknowledgement: %s', (text) => {
    expect(run(R, [HI, 'customer: 我要投诉', `agent: ${text}`, 'agent: 非常抱歉'])).toEqual([]);
  });

  it('near miss: only the FIRST agent message after the group is judged', () => {
    expect(run(R, [HI, 'customer: 我要投诉', 'agent: 非常抱歉', 'agent: 嗯'])).toEqual([]);
  });

  it('"the first agent message after a trigger group": grouped triggers, the reply after the last', () => {
    expect(run(R, [HI, 'customer: 我要投诉', 'customer: 给差评', 'agent: 嗯', 'agent: 抱歉'])).toEqual([{ at: 3, evidence: '嗯', points: 10 }]);
  });

  it('near miss: "A symbol-only first reply is etiquette.symbol-only-reply, not (b)"', () => {
    const r = score([HI, 'customer: 我要投诉', 'agent: 😊']);
    expect(found(r, R)).toEqual([]);
    expect(found(r, 'etiquette.symbol-only-reply')).toEqual([{ at: 2, evidence: '😊', points: 3 }]);
  });

  it('near miss: a negated complaint (不会给差评的) opens no group', () => {
    expect(run(R, [HI, 'customer: 不会给差评的', 'agent: 嗯'])).toEqual([]);
  });

  it('"No message, no finding": a complaint with no agent message after it', () => {
    expect(run(R, [HI, 'customer: 我要投诉'])).toEqual([]);
  });

  it('"10, max 1"', () => {
    const r = run(R, [HI, 'customer: 我要投诉', 'agent: 嗯', 'agent: 抱歉', 'customer: 我要打12315', 'agent: 好的', 'agent: 非常抱歉']);
    expect(r).toEqual([
      { at: 2, evidence: '嗯', points: 10 },
      { at: 5, evidence: '好的', points: 0 },
    ]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('crisis.safety-uncared (15 each)', () => {
  const R = 'crisis.safety-uncared';
  const NO_CARE = ['agent: 请提供订单号', 'agent: 给您换新'];

  it.each([
    ['吃了拉肚子住院了', '住院'],
    ['我被划伤了', '划伤'],
    ['孩子用了过敏了', '过敏'],
    ['手被烫伤了', '烫伤'],
    ['割伤了手', '割伤'],
    ['流血了', '流血'],
    ['充电宝爆炸了', '爆炸'],
    ['充电的时候起火了', '起火'],
    ['着火了', '着火'],
    ['孩子误食了干燥剂', '误食'],
    ['食物中毒', '中毒'],
    ['去医院了', '医院'],
    ['这涉及人身安全', '人身安全'],
    ['孩子過敏了', '過敏'],
  ])('fires: "A customer message mentions personal safety or health … and none of the next 2 agent messages … shows care": %s', (text, evidence) => {
    expect(run(R, [HI, `customer: ${text}`, ...NO_CARE])).toEqual([{ at: 1, evidence, points: 15 }]);
  });

  it('fires: "Matched literally, with no negation: 还好没受伤 fires when nobody cares"', () => {
    expect(run(R, [HI, 'customer: 还好没受伤', ...NO_CARE])).toEqual([{ at: 1, evidence: '受伤', points: 15 }]);
  });

  it.each(['我的权益受伤害了', '会不会引起火灾', '手机中毒坏了', '电脑中毒了', '手机中毒了', '系统中毒了'])(
    'near miss: "exceptions 受伤害, 引起火, 中毒坏, 电脑中毒, 手机中毒, 系统中毒": %s',
    (text) => {
      expect(run(R, [HI, `customer: ${text}`, ...NO_CARE])).toEqual([]);
    },
  );

  it.each(['身体没事吧', '请尽快就医', '去医院看看', '先去看医生', '严重吗', '您还好吗', '非常关心您', '抱歉', '对不起', '注意安全', '先休息一下'])(
    'passes: "shows care (身体, 就医, 医院, …)": %s',
    (text) => {
      expect(run(R, [HI, 'customer: 充电宝起火了', `agent: ${text}`])).toEqual([]);
    },
  );

  it('passes: "one caring line costs the agent nothing" — care in the 2nd agent message', () => {
    expect(run(R, [HI, 'customer: 充电宝起火了', 'agent: 请提供订单号', 'agent: 人没事吧，注意安全'])).toEqual([]);
  });

  it('fires: care only in the 3rd agent message', () => {
    expect(run(R, [HI, 'customer: 充电宝起火了', ...NO_CARE, 'agent: 严重吗'])).toEqual([{ at: 1, evidence: '起火', points: 15 }]);
  });

  it('fires: "(or those that exist)" — no agent message after it', () => {
    expect(run(R, [HI, 'customer: 充电宝起火了'])).toEqual([{ at: 1, evidence: '起火', points: 15 }]);
  });

  it('"15 each": two mentions in a row are two findings (no grouping in this row)', () => {
    expect(run(R, [HI, 'customer: 充电宝起火了', 'customer: 手也烫伤了', ...NO_CARE])).toEqual([
      { at: 1, evidence: '起火', points: 15 },
      { at: 2, evidence: '烫伤', points: 15 },
    ]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('crisis.slow-reply (5 each, max 3)', () => {
  const R = 'crisis.slow-reply';
  const seconds = (r: ReturnType<typeof score>) => r.findings.filter((f) => f.ruleId === R).map((f) => f.data?.seconds);

  it('fires: "A wait longer than 600 working seconds"; "The finding points at the customer message that opened the wait"', () => {
    const r = score([at('agent', '09:59:00', '您好'), at('customer', '10:00:00', '在吗'), at('agent', '10:10:01', '在的')]);
    expect(found(r, R)).toEqual([{ at: 1, evidence: '在吗', points: 5 }]);
    expect(seconds(r)).toEqual([601]);
  });

  it('passes: exactly 600 s is not longer than 600', () => {
    expect(run(R, [at('agent', '09:59:00', '您好'), at('customer', '10:00:00', '在吗'), at('agent', '10:10:00', '在的')])).toEqual([]);
  });

  it('fires: "or at the first customer message of the conversation when no status row comes before it"', () => {
    expect(run(R, [at('customer', '10:00:00', '在吗'), at('agent', '10:15:00', '您好')])).toEqual([{ at: 0, evidence: '在吗', points: 5 }]);
  });

  it('"A wait opens at the first customer message after an agent message": a second customer message does not reopen it', () => {
    const r = score([at('agent', '09:59:00', '您好'), at('customer', '10:00:00', '在吗'), at('customer', '10:09:00', '人呢'), at('agent', '10:10:30', '在的')]);
    expect(found(r, R)).toEqual([{ at: 1, evidence: '在吗', points: 5 }]);
    expect(seconds(r)).toEqual([630]);
  });

  it('passes: "it closes at the next agent message or row of kind status"; "After a status row, customer messages open nothing until the agent\'s next message"', () => {
    const messages = [
      at('agent', '09:59:00', '您好'),
      at('customer', '10:00:00', '在吗'),
      at('agent', '10:05:00', '离开一下', 'status'),
      at('customer', '10:06:00', '人呢'),
      at('agent', '10:30:00', '回来了，让您久等了'),
    ];
    expect(run(R, messages)).toEqual([]);
  });

  it('passes: a status row from the system before the first customer message', () => {
    expect(run(R, [at('system', '09:00:00', '客服小美 离开', 'status'), at('customer', '10:00:00', '在吗'), at('agent', '10:30:00', '您好')])).toEqual([]);
  });

  it('fires: "Transfers neither close nor open a wait"', () => {
    const r = score([at('agent', '09:59:00', '您好'), at('customer', '10:00:00', '在吗'), at('system', '10:05:00', '', 'transfer'), at('agent', '10:12:00', '您好，售后为您服务')]);
    expect(found(r, R)).toEqual([{ at: 1, evidence: '在吗', points: 5 }]);
    expect(seconds(r)).toEqual([720]);
  });

  it('fires: a bot auto-reply or an order card closes nothing', () => {
    expect(run(R, [at('customer', '10:00:00', '在吗'), at('bot', '10:00:05', '您好，客服马上来'), at('agent', '10:15:00', '您好')])).toEqual([
      { at: 0, evidence: '在吗', points: 5 },
    ]);
    expect(run(R, [at('agent', '09:59:00', '您好'), at('customer', '10:00:00', '在吗'), at('system', '10:01:00', '订单卡片', 'order-card'), at('agent', '10:15:00', '在的')])).toEqual([
      { at: 1, evidence: '在吗', points: 5 },
    ]);
  });

  it('fires: "Only the seconds inside working hours count …: 22:55 -> 09:20 is 5 min + 20 min = 1500 s"', () => {
    const r = score([at('agent', '22:50:00', '您好'), at('customer', '22:55:00', '明天能发吗'), at('agent', '2025-06-18 09:20:00', '早上好，今天发')]);
    expect(found(r, R)).toEqual([{ at: 1, evidence: '明天能发吗', points: 5 }]);
    expect(seconds(r)).toEqual([1500]);
  });

  it('passes: 23:30 -> 09:05 is 300 working seconds', () => {
    expect(run(R, [at('agent', '22:50:00', '您好'), at('customer', '23:30:00', '明天能发吗'), at('agent', '2025-06-18 09:05:00', '早上好，今天发')])).toEqual([]);
  });

  it('passes: "A wait that nothing closes (the chat ends) is not measured: crisis.unanswered covers it"', () => {
    const r = score([at('agent', '09:00:00', '您好'), at('customer', '10:00:00', '发货了吗'), at('system', '12:00:00', '会话结束', 'end')]);
    expect(found(r, R)).toEqual([]);
    expect(found(r, 'crisis.unanswered')).toEqual([{ at: 1, evidence: '吗', points: 5 }]);
  });

  it('"Needs timestamps on both ends: otherwise the wait is skipped and the result says so in notes"', () => {
    const r = score([{ role: 'customer', text: '在吗' }, at('agent', '10:30:00', '您好')]);
    expect(found(r, R)).toEqual([]);
    expect(r.notes).toEqual(['crisis.slow-reply: 1 次等待缺少时间戳，已跳过']);
  });

  it('"5 each, max 3"', () => {
    const r = run(R, [
      at('agent', '09:00:00', '您好'),
      at('customer', '10:00:00', '在吗'),
      at('agent', '10:11:00', '在的'),
      at('customer', '10:12:00', '发货了吗'),
      at('agent', '10:23:00', '发了'),
      at('customer', '10:24:00', '单号呢'),
      at('agent', '10:35:00', 'SF123'),
      at('customer', '10:36:00', '好'),
      at('agent', '10:47:00', '还有问题吗'),
    ]);
    expect(r.map((f) => [f.at, f.points])).toEqual([
      [1, 5],
      [3, 5],
      [5, 5],
      [7, 0],
    ]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('crisis.unanswered (5, max 1)', () => {
  const R = 'crisis.unanswered';

  it('fires: "The conversation ends … with one or more customer messages after the agent\'s last message, and at least one of them asks something"; "points at the first trailing customer message that asks"', () => {
    expect(run(R, [HI, 'customer: 发货了吗', 'agent: 已发货', 'customer: 好的', 'customer: 什么时候到？', 'customer: 几天能到'])).toEqual([
      { at: 4, evidence: '什么时候', points: 5 },
    ]);
  });

  it.each([
    ['发货了吗', '吗'],
    ['发货了?', '?'],
    ['发货了？', '？'],
    ['怎么退', '怎么'],
    ['多少钱', '多少'],
    ['什么时候发', '什么时候'],
    ['能不能便宜', '能不能'],
    ['可不可以便宜', '可不可以'],
    ['为什么没发', '为什么'],
    ['在哪里', '哪里'],
    ['几天到', '几天'],
  ])('fires: "asks something (？, ?, 吗, 怎么, 多少, 什么时候, 能不能, 可不可以, 为什么, 哪里, 几天)": %s', (text, evidence) => {
    expect(run(R, [HI, `customer: ${text}`])).toEqual([{ at: 1, evidence, points: 5 }]);
  });

  it('passes: "A bare 呢 is a particle, not a question (没了呢谢谢)"', () => {
    expect(run(R, [HI, 'customer: 发货了吗', 'agent: 已发货，还有其他问题吗', 'customer: 没了呢谢谢'])).toEqual([]);
  });

  it('passes: the agent answers last', () => {
    expect(run(R, [HI, 'customer: 发货了吗', 'agent: 已发货'])).toEqual([]);
  });

  it('fires: "(system and event rows at the end ignored)"', () => {
    expect(run(R, [HI, 'customer: 发货了吗', row('system', 'end', '会话结束'), 'system: 用户已离开'])).toEqual([{ at: 1, evidence: '吗', points: 5 }]);
    expect(run(R, [HI, 'customer: 发货了吗', row('agent', 'status', '离开')])).toEqual([{ at: 1, evidence: '吗', points: 5 }]);
  });

  it('fires: a bot reply at the end is no agent answer ("A bot row is never an agent message")', () => {
    expect(run(R, [HI, 'customer: 发货了吗', 'bot: 亲，客服正忙，请稍候'])).toEqual([{ at: 1, evidence: '吗', points: 5 }]);
  });

  it('fires: "With no agent message at all, every customer message is trailing"', () => {
    expect(run(R, ['customer: 你好', 'customer: 在吗', 'customer: 人呢？'])).toEqual([{ at: 1, evidence: '吗', points: 5 }]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('crisis.script-modified (10 each)', () => {
  const R = 'crisis.script-modified';
  const reply = (text: string) => run(R, ['customer: 什么时候发货', HI, `agent: ${text}`]);

  it.each([
    ['亲，本店默认24小时内发货，节假日顺延哦~', '24'],
    ['亲，本店默认７２小时内发货，节假日顺延哦~', '７２'],
    ['亲，本店支持15天无理由退换货，请保持商品完好不影响二次销售哦~', '15'],
    ['亲，活动期间全场满299减20，优惠可叠加店铺券哦~', '299'],
    ['亲，活动期间全场满199减30，优惠可叠加店铺券哦~', '30'],
    ['亲，快递一般2-3天送达，偏远地区会稍慢一些，请您耐心等待~', '2'],
    ['亲，本店默认48小时内发货，明天顺延哦~', '明天'],
  ])('fires: "similarity >= 0.6 with a script\'s, but whose numeric tokens differ … The finding\'s span is the first differing token": %s', (text, evidence) => {
    expect(reply(text)).toEqual([{ at: 2, evidence, points: 10 }]);
  });

  it('fires: "(the whole message when it has fewer tokens than the script)"', () => {
    const text = '亲，快递一般3天送达，偏远地区会稍慢一些，请您耐心等待~';
    expect(reply(text)).toEqual([{ at: 2, evidence: text, points: 10 }]);
  });

  it.each([
    ['an exact copy', '亲，本店默认48小时内发货，节假日顺延哦~'],
    ['the address term 亲亲 and an emoji', '亲亲，本店默认48小时内发货，节假日顺延哦😊'],
    ['the address term 您好 and an emoticon code', '您好，本店默认48小时内发货，节假日顺延哦[微笑]'],
    ['no address term, no punctuation', '本店默认48小时内发货节假日顺延'],
    ['亲爱的 and ！', '亲爱的，本店默认48小时内发货，节假日顺延哦！'],
    ['other wording', '亲，本店默认48小时内发货，节假日也发货哦~'],
    ['Traditional characters', '親，本店默認48小時內發貨，節假日順延哦~'],
    ['四十八 for 48', '亲，本店默认四十八小时内发货，节假日顺延哦~'],
    ['七天 for 7天 (a numeral followed by a unit)', '亲，本店支持七天无理由退换货，请保持商品完好不影响二次销售哦~'],
    ['3到5天 for 3-5天', '亲，快递一般3到5天送达，偏远地区会稍慢一些，请您耐心等待~'],
    ['三到五天 for 3-5天', '亲，快递一般三到五天送达，偏远地区会稍慢一些，请您耐心等待~'],
    ['the [数字x] placeholder', '亲，本店默认[数字x]小时内发货，节假日顺延哦~'],
  ])('passes: "Exact copies, and copies that only differ in punctuation, emoji, emoticon codes, the address term … or other wording, do not fire": %s', (_name, text) => {
    expect(reply(text)).toEqual([]);
  });

  it('near miss: a message that is no copy (similarity < 0.6) may say another number', () => {
    expect(reply('您的订单24小时内会发出')).toEqual([]);
  });

  it('near miss: "一般, 一些, 二次 are wording" — the scripts\' own words are no numbers', () => {
    expect(reply('亲，快递一般3-5天送达，偏远地区会慢一些，请耐心等待')).toEqual([]);
    expect(reply('亲，本店支持7天无理由退换货，请保持商品完好不影响再次销售哦~')).toEqual([]);
  });

  it('near miss: role scoping — a customer quoting a changed script', () => {
    expect(run(R, [HI, 'customer: 你们不是说本店默认24小时内发货，节假日顺延吗', 'agent: 非常抱歉，是48小时'])).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('crisis.proxy-promise (5 each)', () => {
  const R = 'crisis.proxy-promise';

  it.each([
    ['之前的客服会给您处理的', '之前的客服会'],
    ['之前的客服已经登记了', '之前的客服已经'],
    ['已经有客服处理了', '已经有客服处理'],
    ['其他客服会联系您', '其他客服会'],
    ['别的客服会跟进', '别的客服会'],
    ['请等其他客服回复', '等其他客服'],
    ['我让之前的客服联系您', '让之前的客服'],
  ])('fires: "The agent shifts the case to another agent or promises for one": %s', (text, evidence) => {
    expect(run(R, [HI, 'customer: 退款呢', `agent: ${text}`])).toEqual([{ at: 2, evidence, points: 5 }]);
  });

  it.each([
    ['小美客服会帮你处理', '小美客服会帮你'],
    ['好的，小美客服会帮您处理', '小美客服会帮您'],
    ['这个问题小美客服会帮你', '问题小美客服会帮你'],
  ])('fires: "a named agent: 1 to 4 CJK characters … + 客服会帮你" (first match, longest at its position): %s', (text, evidence) => {
    expect(run(R, [HI, 'customer: 退款呢', `agent: ${text}`])).toEqual([{ at: 2, evidence, points: 5 }]);
  });

  it.each(['我们客服会帮你处理', '本店客服会帮你', '售后客服会帮你处理', '售前客服会帮你', '人工客服会帮你', '转人工客服会帮你', '专属客服会帮你'])(
    'near miss: "Exceptions: 我们客服会, 本店客服会, 售后客服会, 售前客服会, 人工客服会, 专属客服会": %s',
    (text) => {
      expect(run(R, [HI, 'customer: 退款呢', `agent: ${text}`])).toEqual([]);
    },
  );

  it.each(['小王的客服会帮你', '客服会帮你', '我会帮你跟进'])('near miss: "none of them 我, 们, 本 or 的"; no name, no finding: %s', (text) => {
    expect(run(R, [HI, 'customer: 退款呢', `agent: ${text}`])).toEqual([]);
  });

  it('near miss: role scoping — a customer asking about the previous agent', () => {
    expect(run(R, [HI, 'customer: 之前的客服会联系我吗', 'agent: 我来帮您查'])).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('redline.abuse (veto)', () => {
  const R = 'redline.abuse';
  const vetoed = (text: string) => {
    const r = score(['customer: 怎么还不发货', HI, `agent: ${text}`]);
    return { found: found(r, R), score: r.score, grade: r.grade, vetoed: r.vetoed };
  };

  it.each([
    ['神经病', '神经病'],
    ['你有病吧', '你有病'],
    ['有病吧', '有病吧'],
    ['傻逼', '傻逼'],
    ['傻X', '傻X'],
    ['傻x', '傻x'],
    ['白痴', '白痴'],
    ['蠢货', '蠢货'],
    ['你脑子有问题', '脑子有问题'],
    ['你算什么东西', '你算什么东西'],
    ['爱买不买', '爱买不买'],
    ['穷就别买', '穷就别买'],
    ['没钱就别买', '没钱就别买'],
    ['滚开', '滚开'],
    ['滚蛋', '滚蛋'],
    ['滚出去', '滚出去'],
    ['你滚', '你滚'],
    ['给我滚', '给我滚'],
    ['滚吧', '滚吧'],
    ['滚！', '滚'],
    ['滚', '滚'],
    ['滚~', '滚'],
    ['你 滚', '你 滚'],
  ])('fires (veto): "The agent insults the customer": %s', (text, evidence) => {
    expect(vetoed(text)).toEqual({ found: [{ at: 2, evidence, points: 0 }], score: 0, grade: '不合格', vetoed: true });
  });

  it.each(['你滚动一下页面', '你有病史吗', '滚筒洗衣机', '滚轮坏了', '滚烫的水别直接倒', '滚珠轴承', '翻滚', '打滚', '病假', '有病例吗', '病历带上'])(
    'near miss: "Exceptions: 滚动, 滚筒, 滚轮, 滚烫, 滚珠, 翻滚, 打滚, 病史, 病假, 病例, 病历 (so 你滚动一下页面 and 你有病史吗 do not fire)": %s',
    (text) => {
      expect(vetoed(text)).toEqual({ found: [], score: 100, grade: '优秀', vetoed: false });
    },
  );

  it('fires: "Exception … cancel any hit that they overlap": 滚动 cancels 你滚, not a later standalone 滚', () => {
    expect(vetoed('你滚动一下页面，滚！').found).toEqual([{ at: 2, evidence: '滚', points: 0 }]);
  });

  it('near miss: role scoping — a customer calling names', () => {
    expect(run(R, [HI, 'customer: 神经病', 'agent: 非常抱歉给您带来不好的体验'])).toEqual([]);
  });

  // Real chats showed the catalogue list too tight here; the pack ADDS 滚一边 and 不买就滚 (phrases may be added, never dropped).
  it.each([
    ['不买就滚', '不买就滚'],
    ['快滚一边去', '滚一边'],
  ])('fires (added to the list): %s', (text, evidence) => {
    expect(vetoed(text).found).toEqual([{ at: 2, evidence, points: 0 }]);
  });

  it('near miss: 滚 inside a word outside the listed forms (一路滚过来) is still no finding', () => {
    expect(vetoed('快递一路滚过来的').found).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('redline.off-platform (veto)', () => {
  const R = 'redline.off-platform';
  const reply = (text: string) => run(R, ['customer: 能便宜点吗', HI, `agent: ${text}`]);

  it.each([
    ['加我微信聊', '加我微信'],
    ['加微信吧', '加微信'],
    ['加个微信号', '加个微信'],
    ['微信号多少', '微信号'],
    ['V信', 'V信'],
    ['薇信', '薇信'],
    ['威信', '威信'],
    ['vx: abc123', 'vx'],
    ['ＶＸ：abc', 'ＶＸ'],
    ['wx号发你', 'wx'],
    ['扣扣', '扣扣'],
    ['QQ号是多少', 'QQ号'],
    ['私下转账更便宜', '私下转账'],
    ['直接转给我就行', '直接转给我'],
    ['不走平台更便宜', '不走平台'],
    ['线下交易吧', '线下交易'],
  ])('fires (veto): "The agent steers the customer off the platform": %s', (text, evidence) => {
    expect(reply(text)).toEqual([{ at: 2, evidence, points: 0 }]);
  });

  it.each(['不能加微信哦', '没办法加微信哦', '暂时没办法加微信', '请勿私下转账', '不可以私下转账', '不支持线下交易'])('near miss: "not negated (不能加微信哦 is a correct refusal)": %s', (text) => {
    expect(reply(text)).toEqual([]);
  });

  it('near miss: "optionally followed by up to TWO of 给, 给你, 给您, …": 不能给您加微信 is a refusal', () => {
    expect(reply('不能给您加微信哦')).toEqual([]);
    expect(reply('不能给你加微信哦')).toEqual([]);
  });

  it.each(['不加微信', '没加微信', '没有加微信', '没办法加微信', '不会加微信', '不想加微信', '不要加微信', '不用加微信', '别加微信', '不是加微信', '不能加微信', '不可以加微信', '不支持加微信', '不方便加微信', '无法加微信', '勿加微信', '请勿加微信', '切勿加微信', '禁止加微信', '严禁加微信'])(
    'near miss: "a negator (不, 没, 没有, 没办法, 不会, 不想, 不要, 不用, 别, 不是, 不能, 不可以, 不支持, 不方便, 无法, 勿, 请勿, 切勿, 禁止, 严禁)": %s',
    (text) => {
      expect(reply(`${text}哦`)).toEqual([]);
    },
  );

  it.each(['不会给你们加微信', '不要去加微信', '不能再加微信', '不太会加微信', '不会想加微信', '禁止进行线下交易', '不能私下加微信', '不会再去加微信'])(
    'near miss: "optionally followed by up to TWO of 给, 给你, 给您, 给你们, 去, 要, 再, 太, 会, 想, 你, 您, 进行, 私下": %s',
    (text) => {
      expect(reply(text)).toEqual([]);
    },
  );

  it('fires: three fillers are too many (不会再给你去加微信)', () => {
    expect(reply('不会再给你去加微信')).toEqual([{ at: 2, evidence: '加微信', points: 0 }]);
  });

  it.each([
    ['要不要加个微信', '加个微信'],
    ['是不是加微信更方便', '加微信'],
    ['会不会加微信方便点', '加微信'],
  ])('fires: "Questions do not negate: a negator inside an A-not-A form": %s', (text, evidence) => {
    expect(reply(text)).toEqual([{ at: 2, evidence, points: 0 }]);
  });

  it('near miss: "Exception: 直接转给我们 (an ordinary transfer to colleagues)"', () => {
    expect(reply('直接转给我们的售后同事处理')).toEqual([]);
  });

  it.each(['用vxe-table做的页面', 'nvx', 'wxyz'])('near miss: "vx does not match inside vxe or nvx": %s', (text) => {
    expect(reply(text)).toEqual([]);
  });

  it('near miss: role scoping — a customer asking for WeChat', () => {
    expect(run(R, [HI, 'customer: 能加个微信吗', 'agent: 不能加微信哦，平台内沟通就好'])).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('redline.personal-data (veto)', () => {
  const R = 'redline.personal-data';
  const reply = (text: string) => run(R, ['customer: 快递员电话多少', HI, `agent: ${text}`]);

  it.each([
    ['快递员电话13812345678', '13812345678'],
    ['电话：13812345678。', '13812345678'],
    ['+86 13812345678', '+86 13812345678'],
    ['+86-138-1234-5678', '+86-138-1234-5678'],
    ['86 138 1234 5678', '86 138 1234 5678'],
    ['138-1234-5678', '138-1234-5678'],
    ['138 1234 5678', '138 1234 5678'],
    ['１３８１２３４５６７８', '１３８１２３４５６７８'],
    ['幺三八一二三四五六七八', '幺三八一二三四五六七八'],
    ['一三八 一二三四 五六七八', '一三八 一二三四 五六七八'],
  ])('fires (veto): "an unmasked mainland mobile number … with runs of Chinese digits read as digits": %s', (text, evidence) => {
    expect(reply(text)).toEqual([{ at: 2, evidence, points: 0 }]);
  });

  it.each(['快递员电话138****1234', '138 1234-5678', '订单号213812345678', 'a13812345678', '13812345678a', '12812345678'])(
    'near miss: "Masked forms such as 138****1234 do not fire"; "grouped … (not mixed)"; "Neither may be glued to another digit or ASCII letter"; 1[3-9]: %s',
    (text) => {
      expect(reply(text)).toEqual([]);
    },
  );

  it.each([
    ['身份证11010519491231002X', '11010519491231002X'],
    ['身份证11010519491231002x', '11010519491231002x'],
  ])('fires (veto): "resident ID number: … a valid date … and a valid ISO 7064 MOD 11-2 check character": %s', (text, evidence) => {
    expect(reply(text)).toEqual([{ at: 2, evidence, points: 0 }]);
  });

  it('"optional +86 or 86 (with at most one space or dash after it)": with two spaces the prefix is not part of the number', () => {
    expect(reply('86  13812345678')).toEqual([{ at: 2, evidence: '13812345678', points: 0 }]);
  });

  it.each([
    ['a wrong check character (an 18-digit order number)', '订单号110105194912310021'],
    ['a birth date after today', '身份证110105209912310022'],
    ['glued to more digits', '订单号110105194912310029123'],
  ])('near miss: "(so an 18-digit order number does not fire)": %s', (_name, text) => {
    expect(reply(text)).toEqual([]);
  });

  it('near miss: role scoping — a customer giving his own number', () => {
    expect(run(R, [HI, 'customer: 我电话13812345678', 'agent: 好的收到'])).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------
describe('Text normalisation (matching only; evidence and offsets stay in the original text)', () => {
  it('"Unicode NFKC: ＶＸ → VX, １２３１５ → 12315"', () => {
    expect(run('redline.off-platform', [HI, 'agent: 加ＶＸ：abc'])).toEqual([{ at: 1, evidence: 'ＶＸ', points: 0 }]);
    expect(run('crisis.complaint-unsoothed', [HI, 'customer: 打１２３１５', 'agent: 好的呢'])).toEqual([{ at: 1, evidence: '１２３１５', points: 10 }]);
  });

  it('"Traditional Chinese is matched as Simplified (投訴 matches 投诉, 對不起 matches 对不起)"', () => {
    expect(run('crisis.complaint-unsoothed', [HI, 'customer: 我要投訴', 'agent: 好的呢'])).toEqual([{ at: 1, evidence: '投訴', points: 10 }]);
    expect(run('crisis.complaint-unsoothed', [HI, 'customer: 我要投訴', 'agent: 對不起'])).toEqual([]);
  });

  it('"Latin letters are case-folded" (Vx, QQ号 / qq号)', () => {
    expect(run('redline.off-platform', [HI, 'agent: Vx 发你'])).toEqual([{ at: 1, evidence: 'Vx', points: 0 }]);
    expect(run('redline.off-platform', [HI, 'agent: qq号给你'])).toEqual([{ at: 1, evidence: 'qq号', points: 0 }]);
  });

  it('"Spaces and zero-width characters between CJK characters are ignored when matching (投 诉 matches 投诉)"', () => {
    const R = 'crisis.complaint-unsoothed';
    expect(run(R, [HI, 'customer: 投 诉', 'agent: 好的呢'])).toEqual([{ at: 1, evidence: '投 诉', points: 10 }]);
    expect(run(R, [HI, 'customer: 投\u200b诉', 'agent: 好的呢'])).toEqual([{ at: 1, evidence: '投\u200b诉', points: 10 }]);
    expect(run(R, [HI, 'customer: 投\u3000诉', 'agent: 好的呢'])).toEqual([{ at: 1, evidence: '投\u3000诉', points: 10 }]);
  });

  it('"Offsets are UTF-16 code-unit indices into the original message text … text.slice(start, end) … is exactly the evidence"', () => {
    const r = score([HI, 'customer: 😀😀 𠮷我要投诉', 'agent: 好的呢']);
    const f = r.findings.find((x) => x.ruleId === 'crisis.complaint-unsoothed')!;
    expect([f.start, f.end, f.evidence]).toEqual([9, 11, '投诉']);
  });

  it.each(['订单号12163154', 'item.jd.com/7131530', 'SKU 100012315'])('"315 and 12315 do not match inside order numbers, SKU ids or URLs": %s', (text) => {
    expect(run('crisis.complaint-unsoothed', [HI, `customer: ${text}`, 'agent: 好的呢'])).toEqual([]);
  });

  it('"QQ号 still matches in QQ号是多少"', () => {
    expect(run('redline.off-platform', [HI, 'agent: QQ号是多少'])).toEqual([{ at: 1, evidence: 'QQ号', points: 0 }]);
  });
});
