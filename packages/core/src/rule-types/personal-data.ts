/**
 * personal-data: an unmasked mainland mobile number or resident ID number in a message
 * (redline.personal-data). Runs on the normalised text with Chinese digits read as ASCII digits
 * (readChineseDigits keeps the length, so offsets are the normalised text's). Not phrase lists:
 * the shapes need checks an automaton cannot do (dates, the ISO 7064 check character), so this
 * type scans with its own two expressions, once per message of the role.
 */
import type { Role } from '../model/conversation.js';
import type { MessageView } from '../engine/message-view.js';
import { readChineseDigits } from '../normalize/index.js';
import { zonedParts } from '../time/index.js';
import { defineRuleType } from './define.js';
import { roleOption } from './common-options.js';

export type PersonalDataKind = 'mobile' | 'cn-id';

export interface PersonalDataOptions {
  role: Role;
  detect: PersonalDataKind[];
  call: boolean | 'auto';
}


// Neither may be glued to another digit or ASCII letter (the text is lower-cased: X reads x).
// Mobile: optional +86 / 86 with at most one space or dash, then 1[3-9] + 9 digits, contiguous
// or grouped 3-4-4 by single spaces or by single dashes (one separator kind per number).
const MOBILE = /(?<![0-9a-z])(?:\+?86[ -]?)?1[3-9](?:\d{9}|\d \d{4} \d{4}|\d-\d{4}-\d{4})(?![0-9a-z])/g;
const CN_ID = /(?<![0-9a-z])[1-8]\d{16}[\dx](?![0-9a-z])/g;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10x98765432';

interface Found {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

export default defineRuleType<PersonalDataOptions, 'mobile' | 'cnId'>({
  meta: {
    id: 'personal-data',
    description: {
      zh: '消息中出现未打码的大陆手机号或居民身份证号（含中文数字读出的号码）。',
      en: 'A message contains an unmasked mainland mobile or resident ID number (Chinese digits read as digits).',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        role: roleOption('agent', 'Whose messages are checked. 检查谁的消息。'),
        detect: {
          type: 'array',
          items: { enum: ['mobile', 'cn-id'] },
          minItems: 1,
          uniqueItems: true,
          default: ['mobile', 'cn-id'],
          description: 'What to detect: mobile numbers, resident ID numbers. 检测手机号、身份证号。',
        },
        call: {
          enum: ['auto', true, false],
          default: 'auto',
          description: 'Read 洞 as 0 (call-centre speech): always, never, or "auto" = in call transcripts (channel call). 是否把“洞”读作 0；auto 表示仅通话录音。',
        },
      },
      additionalProperties: false,
    },
    messages: {
      mobile: { zh: '泄露手机号：「{evidence}」', en: 'Unmasked mobile number: "{evidence}"' },
      cnId: { zh: '泄露身份证号：「{evidence}」', en: 'Unmasked resident ID number: "{evidence}"' },
    },
  },
  create(o) {
    const mobile = o.detect.includes('mobile');
    const cnId = o.detect.includes('cn-id');
    return (ctx) => {
      const call = o.call === 'auto' ? ctx.conversation.channel === 'call' : o.call;
      const now = zonedParts(ctx.now, ctx.timeZone);
      const today = now.year * 10000 + now.month * 100 + now.day;
      for (const m of ctx.utterances(o.role)) {
        const found = findPersonalData(m, { mobile, cnId, call, today });
        if (found) {
          ctx.report({ messageIndex: m.index, range: { start: found.start, end: found.end }, messageId: found.kind === 'mobile' ? 'mobile' : 'cnId' });
        }
      }
    };
  },
});

/** The first number in reading order (the longer one at the same position). */
function findPersonalData(m: MessageView, o: { mobile: boolean; cnId: boolean; call: boolean; today: number }): Found | undefined {
  // Cheap exit: no ASCII or Chinese digit at all.
  if (!/[0-9零〇一幺二三四五六七八九洞]/.test(m.text)) return undefined;
  const text = readChineseDigits(m.text, { call: o.call });
  let best: Found | undefined;
  const consider = (f: Found): void => {
    if (!best || f.start < best.start || (f.start === best.start && f.end > best.end)) best = f;
  };
  if (o.mobile) {
    MOBILE.lastIndex = 0;
    const hit = MOBILE.exec(text);
    if (hit) consider({ kind: 'mobile', start: hit.index, end: hit.index + hit[0].length });
  }
  if (o.cnId) {
    CN_ID.lastIndex = 0;
    for (let hit = CN_ID.exec(text); hit; hit = CN_ID.exec(text)) {
      if (isValidId(hit[0], o.today)) {
        consider({ kind: 'cn-id', start: hit.index, end: hit.index + hit[0].length });
        break;
      }
    }
  }
  return best;
}

/** Birth date (characters 7-14) from 1900-01-01 to today, and the ISO 7064 MOD 11-2 check character. */
export function isValidId(id: string, today: number): boolean {
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  const date = year * 10000 + month * 100 + day;
  if (date < 19000101 || date > today) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id[17];
}
