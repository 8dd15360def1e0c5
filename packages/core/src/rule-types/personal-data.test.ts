import { describe, expect, it } from 'vitest';
import { ruleTypeCases, type RuleCase } from '../testing/rule-tester.js';
import type { PersonalDataOptions } from './personal-data.js';
import type from './personal-data.js';
import { isValidId } from './personal-data.js';

// redline.personal-data
const o: Record<string, unknown> = { role: 'agent', detect: ['mobile', 'cn-id'], call: 'auto' } satisfies PersonalDataOptions;
// "Today" is 2026-12-02 in Shanghai (04:00) but still 2026-12-01 in UTC.
const NOW = Date.parse('2026-12-01T20:00:00Z');

const valid: RuleCase[] = [
  { name: 'masked mobile 138****1234', options: o, messages: ['a: 您的手机号138****1234对吗'] },
  { name: 'masked ID', options: o, messages: ['a: 身份证110105********002X'] },
  { name: 'mobile glued to a digit (order number)', options: o, messages: ['a: 订单号2138123456789'] },
  { name: 'mobile glued to a letter', options: o, messages: ['a: 编码a13812345678', 'a: 13812345678b'] },
  { name: 'twelve digits', options: o, messages: ['a: 138123456789'] },
  { name: 'mixed separators', options: o, messages: ['a: 138 1234-5678'] },
  { name: 'double space in a group', options: o, messages: ['a: 138  1234 5678'] },
  { name: 'grouped 4-4-3', options: o, messages: ['a: 1381 2345 678'] },
  { name: 'second digit 2 is no mobile', options: o, messages: ['a: 12812345678'] },
  { name: '洞 is not read outside calls', options: o, messages: ['a: 幺三八洞洞洞洞五六七八'] },
  { name: 'the customer giving their own number', options: o, messages: ['c: 我电话13812345678'] },
  { name: 'ID with a wrong check character', options: o, messages: ['a: 110105194912310021'] },
  { name: 'an 18-digit order number', options: o, messages: ['a: 订单号123456789012345678'] },
  { name: 'ID with an invalid date (2001-02-29)', options: o, messages: ['a: 32010620010229456X'] },
  { name: 'ID born before 1900', options: o, messages: ['a: 510101189912310014'] },
  { name: 'ID born in 2099', options: o, messages: ['a: 610101209912310013'] },
  { name: 'ID starting with 9', options: o, messages: ['a: 910101199001010014'] },
  { name: 'ID glued to a letter or digit', options: o, messages: ['a: a11010519491231002X', 'a: 11010519491231002X1'] },
  { name: 'ID born "tomorrow" (in the UTC zone it is still 2026-12-01)', options: o, timeZone: 'UTC', messages: ['a: 310115202612020036'] },
  { name: 'detect mobile only', options: { ...o, detect: ['mobile'] }, messages: ['a: 11010519491231002X'] },
  { name: 'detect cn-id only', options: { ...o, detect: ['cn-id'] }, messages: ['a: 13812345678'] },
];

const invalid: RuleCase[] = [
  { name: 'contiguous mobile', options: o, messages: ['a: 我的手机号是13812345678吧'], findings: [{ messageIndex: 0, evidence: '13812345678', messageId: 'mobile' }] },
  { name: '+86 and 3-4-4 by spaces', options: o, messages: ['a: 打+86 138 1234 5678'], findings: [{ messageIndex: 0, evidence: '+86 138 1234 5678' }] },
  { name: '86- prefix', options: o, messages: ['a: 86-13812345678'], findings: [{ messageIndex: 0, evidence: '86-13812345678' }] },
  { name: '3-4-4 by dashes', options: o, messages: ['a: 电话：139-1234-5678。'], findings: [{ messageIndex: 0, evidence: '139-1234-5678' }] },
  { name: 'two spaces after +86: the number alone', options: o, messages: ['a: +86  13812345678'], findings: [{ messageIndex: 0, evidence: '13812345678' }] },
  { name: 'Chinese digits', options: o, messages: ['a: 打我电话一三八一二三四五六七八'], findings: [{ messageIndex: 0, evidence: '一三八一二三四五六七八' }] },
  { name: 'Chinese digits with spaces (幺)', options: o, messages: ['a: 幺三八 幺二三四 五六七八'], findings: [{ messageIndex: 0, evidence: '幺三八 幺二三四 五六七八' }] },
  { name: 'full-width digits', options: o, messages: ['a: 電話１３８１２３４５６７８'], findings: [{ messageIndex: 0, evidence: '１３８１２３４５６７８' }] },
  {
    name: '洞 reads as 0 in calls',
    options: o,
    channel: 'call',
    messages: ['a: 幺三八洞洞洞洞五六七八'],
    findings: [{ messageIndex: 0, evidence: '幺三八洞洞洞洞五六七八' }],
  },
  { name: 'call: true reads 洞 in chats too', options: { ...o, call: true }, messages: ['a: 幺三八洞洞洞洞五六七八'], findings: [{ messageIndex: 0, evidence: '幺三八洞洞洞洞五六七八' }] },
  { name: 'resident ID with X', options: o, messages: ['a: 身份证11010519491231002X'], findings: [{ messageIndex: 0, evidence: '11010519491231002X', messageId: 'cnId' }] },
  { name: 'resident ID with x', options: o, messages: ['a: 11010519491231002x，请核对'], findings: [{ messageIndex: 0, evidence: '11010519491231002x' }] },
  { name: 'ID born on a leap day', options: o, messages: ['a: 320106200002294562'], findings: [{ messageIndex: 0, evidence: '320106200002294562' }] },
  { name: 'ID born on 1900-01-01', options: o, messages: ['a: 510101190001010019'], findings: [{ messageIndex: 0, evidence: '510101190001010019' }] },
  { name: 'ID born today (Shanghai)', options: o, messages: ['a: 310115202612020036'], findings: [{ messageIndex: 0, evidence: '310115202612020036' }] },
  { name: 'full-width ID', options: o, messages: ['a: １１０１０５１９４９１２３１００２Ｘ'], findings: [{ messageIndex: 0, evidence: '１１０１０５１９４９１２３１００２Ｘ' }] },
  { name: 'ID in Chinese digits', options: o, messages: ['a: 一一〇一〇五一九四九一二三一〇〇二X'], findings: [{ messageIndex: 0, evidence: '一一〇一〇五一九四九一二三一〇〇二X' }] },
  {
    name: 'the first number in reading order',
    options: o,
    messages: ['a: 身份证11010519491231002X，手机13812345678', 'a: 手机13812345678，身份证11010519491231002X'],
    findings: [
      { messageIndex: 0, evidence: '11010519491231002X', messageId: 'cnId' },
      { messageIndex: 1, evidence: '13812345678', messageId: 'mobile' },
    ],
  },
  {
    name: 'a lone Chinese digit after the number is a word, not a glued digit',
    options: o,
    messages: ['a: 13812345678一直打不通吗'],
    findings: [{ messageIndex: 0, evidence: '13812345678' }],
  },
  {
    name: 'an invalid ID-shaped run does not hide a valid one',
    options: o,
    messages: ['a: 单号110105194912310021 身份证11010519491231002X'],
    findings: [{ messageIndex: 0, evidence: '11010519491231002X' }],
  },
];

describe('personal-data', () => {
  const at = (cases: RuleCase[]) => cases.map((c) => ({ ...c, now: NOW }));
  for (const c of ruleTypeCases(type, { valid: at(valid), invalid: at(invalid) })) it(c.name, c.run);

  it('"today" is the evaluation instant: an ID born after it does not fire', () => {
    const [late] = ruleTypeCases(type, {
      valid: [{ name: 'born after now', options: o, messages: ['a: 身份证11010519491231002X'], now: '1949-12-30 12:00:00' }],
      invalid: [],
    });
    late!.run();
  });

  it('isValidId checks the date range and the MOD 11-2 character', () => {
    expect(isValidId('11010519491231002x', 20261201)).toBe(true);
    expect(isValidId('11010519491231002x', 19491230)).toBe(false); // born after "today"
    expect(isValidId('110105194913310021', 20261201)).toBe(false); // month 13
    expect(isValidId('110105194904310021', 20261201)).toBe(false); // 04-31
  });
});
