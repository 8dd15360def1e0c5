/**
 * The catalogue of the call-centre pack (shared spec: call-centre-pack.md) as tests: for every rule,
 * its row with the spec's own examples, firing, near misses and, where timings matter, missing
 * timings (which must say so in the notes). Every conversation is a call scored with the WHOLE
 * pack, compiled once, so interactions show; each test reads the rule under test. The bundled
 * examples/calls.csv is scored as the golden run at the end.
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
  type MessageKind,
  type PackDef,
  type Role,
  type ScoreResult,
} from '@zhijian/core';

const packDef = JSON.parse(readFileSync(new URL('../call-centre.zh.json', import.meta.url), 'utf8')) as PackDef;
const pack = compilePack(packDef, { source: 'call-centre.zh.json' });
const NOW = parseTimestamp('2026-06-01 12:00:00', 'Asia/Shanghai')!;
const T0 = parseTimestamp('2024-06-18 10:00:00', 'Asia/Shanghai')!;

function scoreConv(conv: Conversation): ScoreResult {
  const result = scoreConversation(pack, conv, { now: NOW });
  for (const f of result.findings) {
    expect(conv.messages[f.messageIndex]!.text.slice(f.start, f.end), `${f.ruleId}@${f.messageIndex}`).toBe(f.evidence);
  }
  return result;
}

/** Scores a call (channel call) with the whole pack. */
function score(messages: CaseMessage[], opts: { startedAt?: number; channel?: 'chat' | 'call' } = {}): ScoreResult {
  return scoreConv(caseConversation({ messages, channel: opts.channel ?? 'call', ...(opts.startedAt !== undefined ? { startedAt: opts.startedAt } : {}) }));
}

interface Seen {
  at: number;
  evidence: string;
  points: number;
}
const found = (r: ScoreResult, ruleId: string): Seen[] =>
  r.findings.filter((f) => f.ruleId === ruleId).map((f) => ({ at: f.messageIndex, evidence: f.evidence, points: f.points }));
const run = (ruleId: string, messages: CaseMessage[], opts?: { startedAt?: number; channel?: 'chat' | 'call' }): Seen[] =>
  found(score(messages, opts), ruleId);
const ats = (seen: Seen[]): number[] => seen.map((s) => s.at);

/** An utterance from `start` to `end` seconds after 10:00:00 (undefined: no such time). */
function u(role: Role, start: number | undefined, end: number | undefined, text: string, kind?: MessageKind): CaseMessage {
  return {
    role,
    text,
    ...(start !== undefined ? { ts: T0 + start * 1000 } : {}),
    ...(end !== undefined ? { endTs: T0 + end * 1000 } : {}),
    ...(kind ? { kind } : {}),
  };
}
const a = (start: number | undefined, end: number | undefined, text: string) => u('agent', start, end, text);
const c = (start: number | undefined, end: number | undefined, text: string) => u('customer', start, end, text);
const ring = (s: number | undefined = 0) => u('system', s, undefined, '', 'ring');
const end = (role: Role, s?: number) => u(role, s, undefined, '', 'end');

const RULES = [
  'opening.greeting',
  'opening.staff-id',
  'opening.offer-help',
  'opening.answer-speed',
  'handling.silence',
  'handling.interruption',
  'handling.speech-rate',
  'handling.time-limit-missing',
  'attitude.soothe',
  'attitude.forbidden-phrase',
  'attitude.argue',
  'closing.ask-other-needs',
  'closing.standard',
  'closing.hang-up-first',
  'redline.abuse',
  'redline.personal-data',
];

describe('the call-centre pack', () => {
  it('holds exactly the rule ids of the catalogue (a public contract), in catalogue order', () => {
    expect(packDef.rules.map((r) => r.id)).toEqual(RULES);
  });

  it('has the catalogue points, caps and categories', () => {
    expect(Object.fromEntries(packDef.rules.map((r) => [r.id, [r.category, r.points, r.maxFindings ?? null]]))).toEqual({
      'opening.greeting': ['opening', 3, null],
      'opening.staff-id': ['opening', 2, null],
      'opening.offer-help': ['opening', 2, null],
      'opening.answer-speed': ['opening', 2, null],
      'handling.silence': ['handling', 3, 2],
      'handling.interruption': ['handling', 2, 3],
      'handling.speech-rate': ['handling', 2, 1],
      'handling.time-limit-missing': ['handling', 3, null],
      'attitude.soothe': ['attitude', 5, 2],
      'attitude.forbidden-phrase': ['attitude', 5, 3],
      'attitude.argue': ['attitude', 3, 2],
      'closing.ask-other-needs': ['closing', 2, null],
      'closing.standard': ['closing', 2, null],
      'closing.hang-up-first': ['closing', 2, null],
      'redline.abuse': ['redline', 0, null],
      'redline.personal-data': ['redline', 0, null],
    });
    expect(packDef.categories.map((x) => [x.id, x.name, x.cap ?? null, x.veto === true])).toEqual([
      ['opening', { zh: '开场', en: 'Opening' }, 20, false],
      ['handling', { zh: '通话处理', en: 'Call handling' }, 40, false],
      ['attitude', { zh: '服务态度', en: 'Service attitude' }, 40, false],
      ['closing', { zh: '结束', en: 'Closing' }, 20, false],
      ['redline', { zh: '高压线', en: 'Red lines' }, null, true],
    ]);
  });

  it('pack lint finds no problem', () => {
    expect(lintPack(packDef).problems).toEqual([]);
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
    const failed = runPackExamples(pack).filter((o) => !o.passed);
    expect(failed).toEqual([]);
  });
});

describe('opening.greeting: the first agent utterance has no greeting (您好, 你好, 欢迎致电)', () => {
  it('fires at the first agent utterance, whole text', () => {
    expect(run('opening.greeting', ['c: 喂？', 'a: 喂，请讲', 'a: 您好'])).toEqual([{ at: 1, evidence: '喂，请讲', points: 3 }]);
  });
  it.each(['您好，请讲', '你好', '欢迎致电客服中心'])('passes: %s', (text) => {
    expect(run('opening.greeting', [ring(), `a: ${text}`])).toEqual([]);
  });
  it('events are not utterances: a ring before the greeting changes nothing', () => {
    expect(run('opening.greeting', [ring(), end('customer'), 'a: 您好'])).toEqual([]);
  });
  it('no agent utterance at all: no finding', () => {
    expect(run('opening.greeting', ['c: 喂？'])).toEqual([]);
  });
});

describe('opening.staff-id: 工号, any run of 是/为/:/：/spaces, then at least 3 digits (spaces between allowed), ASCII or Chinese', () => {
  it.each([
    '您好，工号是 0827，很高兴为您服务',
    '您好，工号：0827',
    '您好，工号零八二七为您服务',
    '您好，工号 0 8 2 7 为您服务',
    '您好，工号为：123',
    '您好，我的工号是幺洞二四',
    '您好，工号０８２７', // full-width digits
  ])('passes: %s', (text) => {
    expect(run('opening.staff-id', [`a: ${text}`])).toEqual([]);
  });
  it.each(['您好，我是客服小王', '您好，工号08为您服务', '您好，工号是多少您知道吗'])('fires: %s', (text) => {
    expect(run('opening.staff-id', [`a: ${text}`])).toEqual([{ at: 0, evidence: text, points: 2 }]);
  });
  it('only the first agent utterance counts', () => {
    expect(run('opening.staff-id', ['a: 您好', 'a: 工号0827为您服务'])).toEqual([{ at: 0, evidence: '您好', points: 2 }]);
  });
  it('the finding says what is missing', () => {
    expect(score(['a: 您好']).findings.find((f) => f.ruleId === 'opening.staff-id')?.message).toBe('首句未报工号：「您好」');
  });
});

describe('opening.offer-help: the first two agent utterances have no offer to help', () => {
  it.each(['有什么可以帮您', '很高兴为您服务', '请问您需要什么帮助', '请问有什么可以帮到您', '有什么可以帮你'])('passes in the second utterance: %s', (text) => {
    expect(run('opening.offer-help', ['a: 您好，工号0827', 'c: 喂', `a: ${text}`])).toEqual([]);
  });
  it('fires at the first agent utterance when the offer comes only third', () => {
    expect(run('opening.offer-help', ['a: 您好', 'a: 工号0827', 'a: 有什么可以帮您'])).toEqual([{ at: 0, evidence: '您好', points: 2 }]);
  });
});

describe('opening.answer-speed: the first agent utterance starts more than 10 s after the call starts', () => {
  it('fires 12 s after the ring, at the agent\'s first utterance', () => {
    expect(run('opening.answer-speed', [ring(0), c(2, 3, '喂？'), a(12, 15, '您好，欢迎致电')])).toEqual([{ at: 2, evidence: '您好，欢迎致电', points: 2 }]);
  });
  it('near miss: exactly 10 s is not more than 10', () => {
    expect(run('opening.answer-speed', [ring(0), a(10, 13, '您好，欢迎致电')])).toEqual([]);
  });
  it("the conversation's startedAt (JSON) when there is no ring", () => {
    expect(run('opening.answer-speed', [a(15, 18, '您好')], { startedAt: T0 })).toEqual([{ at: 0, evidence: '您好', points: 2 }]);
    expect(run('opening.answer-speed', [a(5, 8, '您好')], { startedAt: T0 })).toEqual([]);
  });
  it('the first event of kind ring, not a later one', () => {
    expect(run('opening.answer-speed', [ring(0), ring(20), a(25, 27, '您好')])).toEqual([{ at: 2, evidence: '您好', points: 2 }]);
  });
  it('the first row of a CSV is not a start: skipped, with a note', () => {
    const r = score([c(0, 2, '喂'), a(30, 32, '您好')]);
    expect(found(r, 'opening.answer-speed')).toEqual([]);
    expect(r.notes).toContain('opening.answer-speed: 缺少振铃事件或会话开始时间，未检查应答速度');
  });
  it('missing timings: the first utterance has no start time, skipped with a note', () => {
    const r = score([ring(0), 'a: 您好']);
    expect(found(r, 'opening.answer-speed')).toEqual([]);
    expect(r.notes).toContain('opening.answer-speed: 首句缺少开始时间，未检查应答速度');
  });
});

describe('handling.silence: a gap of more than 20 s between the latest end so far and the next start', () => {
  it('fires at the utterance after the gap', () => {
    expect(run('handling.silence', [a(0, 3, '您好'), c(4, 8, '我的快递三天没动了'), a(35, 37, '我看一下')])).toEqual([
      { at: 2, evidence: '我看一下', points: 3 },
    ]);
  });
  it('near miss: exactly 20 s', () => {
    expect(run('handling.silence', [a(0, 3, '您好'), c(23, 25, '你好')])).toEqual([]);
  });
  it.each(['请稍等', '请您稍等', '请您稍候', '请稍候', '稍等一下', '帮您查询一下', '正在为您查询'])(
    'exempt when the last agent utterance before the gap asked the customer to hold: %s',
    (hold) => {
      expect(run('handling.silence', [a(0, 3, `好的，${hold}`), a(40, 42, '让您久等了')])).toEqual([]);
    },
  );
  it('exempt even if the customer acknowledged the hold', () => {
    expect(run('handling.silence', [a(0, 3, '请您稍等'), c(4, 5, '好的'), a(40, 42, '让您久等了')])).toEqual([]);
  });
  it('a silence the customer asks for (你等一下) is not exempt: the agent should fill it', () => {
    expect(run('handling.silence', [a(0, 3, '请提供一下单号'), c(4, 6, '你等一下'), c(40, 44, '单号是123456')])).toEqual([
      { at: 2, evidence: '单号是123456', points: 3 },
    ]);
  });
  it('"latest end so far": a long customer turn under a short agent backchannel opens no gap', () => {
    expect(run('handling.silence', [c(0, 30, '我跟你说一下我这个情况'), a(5, 6, '嗯'), a(35, 38, '明白了')])).toEqual([]);
  });
  it('at most 2 count: a third silence is listed with 0 points', () => {
    const msgs = [a(0, 1, '您好'), c(30, 31, '喂'), a(60, 61, '您好'), c(90, 91, '喂')];
    expect(run('handling.silence', msgs)).toEqual([
      { at: 1, evidence: '喂', points: 3 },
      { at: 2, evidence: '您好', points: 3 },
      { at: 3, evidence: '喂', points: 0 },
    ]);
  });
  it('missing timings: an utterance without end_timestamp ends at its start, with a note', () => {
    const r = score([a(0, undefined, '您好'), c(21, 23, '你好')]);
    expect(found(r, 'handling.silence')).toEqual([{ at: 1, evidence: '你好', points: 3 }]);
    expect(r.notes).toContain('handling.silence: 1 条语句缺少结束时间，按其开始时间计算静默');
  });
  it('missing timings: without any timestamp nothing fires, and the notes say so', () => {
    const r = score(['a: 您好', 'c: 你好', 'a: 请讲']);
    expect(found(r, 'handling.silence')).toEqual([]);
    expect(r.notes).toContain('handling.silence: 3 条语句缺少开始时间，其前后的静默未检查');
  });
});

describe('handling.interruption: an agent utterance starts strictly after a customer utterance has started and before it ends, overlapping >= 1.0 s', () => {
  const customer = c(10, 20, '我上周买的东西到现在都没有发货');
  it('fires at the agent utterance (抢话)', () => {
    expect(run('handling.interruption', [customer, a(18, 25, '您先别说了我知道')])).toEqual([{ at: 1, evidence: '您先别说了我知道', points: 2 }]);
  });
  it('near miss: an overlap of 0.9 s', () => {
    expect(run('handling.interruption', [customer, a(19.1, 23, '这边帮您查一下')])).toEqual([]);
  });
  it('near miss: starting at the same instant is not strictly after', () => {
    expect(run('handling.interruption', [customer, a(10, 13, '您好请讲一下')])).toEqual([]);
  });
  it('exactly 1.0 s of overlap counts', () => {
    expect(ats(run('handling.interruption', [customer, a(19, 22, '那是哪个订单呢')]))).toEqual([1]);
  });
  it.each(['嗯', '对', '是的', '好的', '明白', '嗯嗯', '哦。'])('backchannels do not count: %s', (text) => {
    expect(run('handling.interruption', [customer, a(12, 15, text)])).toEqual([]);
  });
  it('a longer utterance is no backchannel (好的好的)', () => {
    expect(ats(run('handling.interruption', [customer, a(12, 15, '好的好的')]))).toEqual([1]);
  });
  it('at most 3 count', () => {
    const msgs = [c(0, 10, '第一段话说完'), a(5, 8, '我打断一下'), c(20, 30, '第二段话说完'), a(25, 28, '我打断一下'), c(40, 50, '第三段话'), a(45, 48, '我打断一下'), c(60, 70, '第四段话'), a(65, 68, '我打断一下')];
    expect(run('handling.interruption', msgs).map((s) => s.points)).toEqual([2, 2, 2, 0]);
  });
  it('missing timings: utterances without end_timestamp are left out, with a note', () => {
    const r = score([c(10, undefined, '我上周买的东西'), a(12, 15, '您听我说一下')]);
    expect(found(r, 'handling.interruption')).toEqual([]);
    expect(r.notes).toContain('handling.interruption: 1 条语句缺少开始或结束时间，未参与抢话判断');
  });
});

describe('handling.speech-rate: letters+digits per minute over agent utterances with >= 5 of them, outside 100..300', () => {
  const TEN = '您好这里是客服中心呀';
  it('too fast: 10 characters in 1.5 s (400 a minute), at the first agent utterance counted', () => {
    expect(run('handling.speech-rate', [a(0, 1, '喂'), c(1, 2, '你好'), a(3, 4.5, TEN)])).toEqual([{ at: 2, evidence: TEN, points: 2 }]);
  });
  it('too slow: 10 characters in 10 s (60 a minute)', () => {
    expect(run('handling.speech-rate', [a(0, 10, TEN)])).toEqual([{ at: 0, evidence: TEN, points: 2 }]);
  });
  it('near misses: exactly 300 and exactly 100 a minute', () => {
    expect(run('handling.speech-rate', [a(0, 2, TEN)])).toEqual([]);
    expect(run('handling.speech-rate', [a(0, 6, TEN)])).toEqual([]);
  });
  it('totals over utterances (a fast and a slow one average out); short ones are not counted', () => {
    expect(run('handling.speech-rate', [a(0, 1, TEN), a(10, 15, TEN), a(20, 40, '嗯好的')])).toEqual([]);
  });
  it('one finding per call (max 1)', () => {
    expect(run('handling.speech-rate', [a(0, 1, TEN), a(2, 3, TEN)])).toHaveLength(1);
  });
  it('missing timings: utterances without end_timestamp are left out, with a note', () => {
    const r = score([a(0, undefined, TEN), a(5, 8, TEN)]);
    expect(found(r, 'handling.speech-rate')).toEqual([]);
    expect(r.notes).toContain('handling.speech-rate: 1 条语句缺少开始或结束时间，未计入语速');
  });
});

describe('handling.time-limit-missing: the matter cannot be settled now and no time or channel follows', () => {
  it.each(['需要核实', '帮您反馈', '提交给', '无法当场', '需要时间处理', '登记一下'])('fires on %s with no time in it or the next two', (phrase) => {
    const r = run('handling.time-limit-missing', [`a: 这个${phrase}，您放心`, 'c: 好', 'a: 还有其他问题吗', 'a: 感谢来电']);
    expect(r).toEqual([{ at: 0, evidence: phrase, points: 3 }]);
  });
  it.each(['小时内', '工作日', '今天之内', '尽快', '回电', '短信通知', '电话联系您'])('passes when one listed phrase follows: %s', (phrase) => {
    expect(run('handling.time-limit-missing', ['a: 这个帮您反馈一下', `a: 结果会${phrase}告知`])).toEqual([]);
  });
  it('the same utterance can state it', () => {
    expect(run('handling.time-limit-missing', ['a: 帮您反馈，24小时内回电'])).toEqual([]);
  });
  it('the second next utterance still counts; one-character utterances (嗯) do not use up the two', () => {
    expect(run('handling.time-limit-missing', ['a: 需要核实一下', 'a: 嗯', 'a: 好的', 'a: 尽快答复您'])).toEqual([]);
  });
  it('near miss: the time comes only in the third next utterance', () => {
    expect(ats(run('handling.time-limit-missing', ['a: 需要核实一下', 'a: 好的', 'a: 您稍等', 'a: 尽快答复您']))).toEqual([0]);
  });
  it('each such utterance is judged on its own', () => {
    const r = run('handling.time-limit-missing', ['a: 需要核实', 'a: 您说', 'a: 我帮您反馈', 'a: 好的', 'a: 还有吗']);
    expect(r).toEqual([
      { at: 0, evidence: '需要核实', points: 3 },
      { at: 2, evidence: '帮您反馈', points: 3 },
    ]);
  });
});

describe('attitude.soothe: strong emotion or a complaint and none of the next 2 agent utterances soothes', () => {
  it.each(['生气', '气死', '太差', '投诉', '骗子', '什么态度', '烦死了', '受不了'])('fires on %s', (word) => {
    expect(run('attitude.soothe', [`c: 我${word}`, 'a: 订单号多少', 'a: 好的'])).toEqual([{ at: 0, evidence: word, points: 5 }]);
  });
  it.each(['抱歉', '对不起', '不好意思', '理解您', '非常理解', '给您带来', '别着急', '别生气', '不要生气', '消消气', '请您放心', '歉意'])(
    'passes when the second agent utterance soothes: %s',
    (word) => {
      expect(run('attitude.soothe', ['c: 气死我了', 'a: 您说', `a: ${word}`])).toEqual([]);
    },
  );
  it('not negated: 我没生气, 不投诉', () => {
    expect(run('attitude.soothe', ['c: 我没生气', 'a: 好的'])).toEqual([]);
    expect(run('attitude.soothe', ['c: 我不投诉，就问问', 'a: 好的'])).toEqual([]);
  });
  it('near miss: soothing only in the third agent utterance', () => {
    expect(ats(run('attitude.soothe', ['c: 太差了', 'a: 嗯', 'a: 订单号', 'a: 抱歉']))).toEqual([0]);
  });
  it('trigger utterances with no agent utterance between them count once, at the first', () => {
    expect(run('attitude.soothe', ['c: 太差了', 'c: 什么态度', 'a: 您说', 'a: 请讲'])).toEqual([{ at: 0, evidence: '太差', points: 5 }]);
  });
  it('fewer than 2 agent utterances follow: those that exist must soothe', () => {
    expect(ats(run('attitude.soothe', ['a: 您好', 'c: 我要投诉']))).toEqual([1]);
    expect(run('attitude.soothe', ['c: 我要投诉', 'a: 非常抱歉'])).toEqual([]);
  });
  it('at most 2 count', () => {
    const msgs = ['c: 太差', 'a: 嗯', 'a: 好', 'c: 骗子', 'a: 嗯', 'a: 好', 'c: 气死', 'a: 嗯'];
    expect(run('attitude.soothe', msgs).map((s) => s.points)).toEqual([5, 5, 0]);
  });
});

describe('attitude.forbidden-phrase: same list as etiquette.forbidden-phrase of the e-commerce pack', () => {
  it.each([
    '难道不是',
    '有什么难以理解',
    '不是您自己说的吗',
    '不是你自己说的吗',
    '还不明白吗',
    '小学生都知道',
    '我已经说过很多遍',
    '说过很多遍了',
    '你不会看上面的记录',
    '你不会自己看',
    '听不懂吗',
    '你到底买不买',
    '你烦不烦',
  ])('fires on %s', (p) => {
    expect(ats(run('attitude.forbidden-phrase', [`a: ${p}`]))).toEqual([0]);
  });
  it('你 and 您 are interchangeable (您烦不烦)', () => {
    expect(run('attitude.forbidden-phrase', ['a: 您烦不烦'])).toEqual([{ at: 0, evidence: '您烦不烦', points: 5 }]);
  });
  it('near miss: the customer saying it', () => {
    expect(run('attitude.forbidden-phrase', ['c: 你烦不烦'])).toEqual([]);
  });
});

describe('attitude.argue: the agent argues', () => {
  it.each(['你听我说', '我不是说了吗', '你别激动', '这是规定', '这是我们的规定', '这是公司规定', '你不要跟我吵', '你怎么不听'])('fires on %s', (p) => {
    expect(run('attitude.argue', [`a: ${p}`])).toEqual([{ at: 0, evidence: p, points: 3 }]);
  });
  it('near miss: 我在听您说', () => {
    expect(run('attitude.argue', ['a: 我在听您说'])).toEqual([]);
  });
  it('at most 2 count', () => {
    expect(run('attitude.argue', ['a: 你听我说', 'a: 这是规定', 'a: 你别激动']).map((s) => s.points)).toEqual([3, 3, 0]);
  });
});

describe('closing.ask-other-needs: none of the last 3 agent utterances asks whether there is anything else', () => {
  it.each(['还有其他', '还有什么可以帮您', '还有别的问题'])('passes: %s in the third-last', (p) => {
    expect(run('closing.ask-other-needs', [`a: 请问${p}吗`, 'a: 好的', 'a: 感谢您的来电，再见'])).toEqual([]);
  });
  it('fires at the last agent utterance when the question is fourth-last', () => {
    expect(run('closing.ask-other-needs', ['a: 还有其他问题吗', 'a: 好的', 'a: 嗯', 'a: 再见'])).toEqual([{ at: 3, evidence: '再见', points: 2 }]);
  });
});

describe('closing.standard: the last 2 agent utterances together thank (感谢您的来电…) and say goodbye (再见)', () => {
  it.each(['感谢您的来电', '感谢来电', '谢谢您的来电'])('passes: %s + 再见 across the last two', (p) => {
    expect(run('closing.standard', [`a: ${p}`, 'c: 嗯', 'a: 再见'])).toEqual([]);
  });
  it('fires with goodbye only, at the last agent utterance', () => {
    expect(run('closing.standard', ['a: 还有其他问题吗', 'a: 好的，再见'])).toEqual([{ at: 1, evidence: '好的，再见', points: 2 }]);
  });
  it('fires with thanks only', () => {
    expect(ats(run('closing.standard', ['a: 感谢您的来电']))).toEqual([0]);
  });
  it('near miss: the thanks is third-last', () => {
    expect(ats(run('closing.standard', ['a: 感谢您的来电', 'a: 好的', 'a: 再见']))).toEqual([2]);
  });
});

describe("closing.hang-up-first: the call's end event has role agent", () => {
  it('fires at the end row', () => {
    expect(run('closing.hang-up-first', ['a: 感谢您的来电，再见', 'c: 哎等一下', end('agent')])).toEqual([{ at: 2, evidence: '', points: 2 }]);
    expect(score(['a: 再见', end('agent')]).findings.find((f) => f.ruleId === 'closing.hang-up-first')?.message).toBe('客服先于客户挂断电话');
  });
  it('passes when the customer hangs up', () => {
    expect(run('closing.hang-up-first', ['a: 再见', end('customer')])).toEqual([]);
  });
  it('when there are several, the last one decides', () => {
    expect(run('closing.hang-up-first', ['a: 再见', end('agent'), end('customer')])).toEqual([]);
    expect(ats(run('closing.hang-up-first', ['a: 再见', end('customer'), end('agent')]))).toEqual([2]);
  });
  it('no end event, or a system end: no finding', () => {
    expect(run('closing.hang-up-first', ['a: 再见'])).toEqual([]);
    expect(run('closing.hang-up-first', ['a: 再见', end('system')])).toEqual([]);
  });
});

describe('redline: same as the e-commerce pack (veto)', () => {
  it('redline.abuse vetoes; exceptions (病史, 滚动) do not fire', () => {
    const r = score(['c: 你们就是骗子', 'a: 你有病吧']);
    expect(found(r, 'redline.abuse')).toEqual([{ at: 1, evidence: '你有病', points: 0 }]);
    expect([r.vetoed, r.score, r.grade]).toEqual([true, 0, '不合格']);
    expect(run('redline.abuse', ['a: 请问你有病史吗', 'a: 你滚动一下页面'])).toEqual([]);
    expect(ats(run('redline.abuse', ['a: 滚！']))).toEqual([0]);
  });
  it('redline.personal-data: a mobile read out in Chinese digits, 洞 as 0 in calls', () => {
    const r = score(['a: 您留的手机号是幺三八洞洞幺二三四五六，对吗']);
    expect(found(r, 'redline.personal-data')).toEqual([{ at: 0, evidence: '幺三八洞洞幺二三四五六', points: 0 }]);
    expect(r.vetoed).toBe(true);
  });
  it('redline.personal-data near misses: masked, or 洞 outside a call', () => {
    expect(run('redline.personal-data', ['a: 您的手机号是138****1234'])).toEqual([]);
    expect(run('redline.personal-data', ['a: 手机号是幺三八洞洞幺二三四五六'], { channel: 'chat' })).toEqual([]);
  });
});

describe('examples/calls.csv (golden run)', () => {
  const { conversations, problems } = importConversations(readFileSync(new URL('../../examples/calls.csv', import.meta.url), 'utf8'), 'csv');
  const results = new Map(conversations.map((conv) => [conv.id, scoreConv(conv)]));
  const lines = (id: string) => results.get(id)!.findings.map((f) => `${f.ruleId}@${f.messageIndex}:${f.evidence}:${f.points}`);

  it('reads five calls with no problem', () => {
    expect(problems).toEqual([]);
    expect(conversations.map((x) => [x.id, x.channel])).toEqual([
      ['call-001', 'call'],
      ['call-002', 'call'],
      ['call-003', 'call'],
      ['call-004', 'call'],
      ['call-005', 'call'],
    ]);
  });

  it('call-001, a model call: a 35 s silence after 请您稍等 is exempt; 100', () => {
    const r = results.get('call-001')!;
    expect([r.score, r.grade, r.findings, r.notes, r.tags]).toEqual([100, '优秀', [], [], []]);
  });

  it('call-002, a bad call: slow answer, no greeting, 抢话, argued, unsoothed, silence, no time limit, hung up first', () => {
    expect(lines('call-002')).toEqual([
      'opening.greeting@1:喂，请讲。:3',
      'opening.staff-id@1:喂，请讲。:2',
      'opening.offer-help@1:喂，请讲。:2',
      'opening.answer-speed@1:喂，请讲。:2',
      'attitude.soothe@2:什么态度:5',
      'handling.interruption@3:你别激动，这是公司规定，丢件要先登记一下。:2',
      'handling.time-limit-missing@3:登记一下:3',
      'attitude.argue@3:你别激动:3',
      'attitude.argue@5:我不是说了吗:3',
      'handling.silence@7:单号是幺三五七九八二四六。:3',
      'closing.ask-other-needs@8:好的，已经登记了。:2',
      'closing.standard@8:好的，已经登记了。:2',
      'closing.hang-up-first@9::2',
    ]);
    const r = results.get('call-002')!;
    expect([r.score, r.grade, r.vetoed]).toEqual([66, '合格', false]);
  });

  it('call-003 has no ring and lacks end times: the checks that need them are skipped or noted, 100', () => {
    const r = results.get('call-003')!;
    expect([r.score, r.findings]).toEqual([100, []]);
    expect(r.notes).toEqual([
      'opening.answer-speed: 缺少振铃事件或会话开始时间，未检查应答速度',
      'handling.silence: 2 条语句缺少结束时间，按其开始时间计算静默',
      'handling.interruption: 2 条语句缺少开始或结束时间，未参与抢话判断',
      'handling.speech-rate: 2 条语句缺少开始或结束时间，未计入语速',
    ]);
  });

  it('call-004 reads a mobile number out (幺三八洞洞…): vetoed', () => {
    expect(lines('call-004')).toEqual(['redline.personal-data@3:幺三八洞洞幺二三四五六:0']);
    const r = results.get('call-004')!;
    expect([r.score, r.grade, r.vetoed]).toEqual([0, '不合格', true]);
  });

  it('call-005 talks too fast (338 a minute)', () => {
    expect(lines('call-005')).toEqual(['handling.speech-rate@1:您好欢迎致电客服中心工号0827很高兴为您服务:2']);
    expect(results.get('call-005')!.findings[0]!.message).toBe('语速过快：每分钟 338.2 字（上限 300）');
    expect(results.get('call-005')!.score).toBe(98);
  });
});
