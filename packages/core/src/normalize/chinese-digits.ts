/**
 * Personal-data detection reads "runs of Chinese digits as digits" (spec, redline.personal-data):
 * 一三八 is 138. Every mapped character is a single UTF-16 unit, as is its ASCII digit, so the
 * result has the same length and offsets as the input.
 */
const DIGITS: Readonly<Record<string, string>> = {
  零: '0',
  〇: '0',
  一: '1',
  幺: '1', // how 1 is read out in phone numbers
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

// A RUN is two or more: a lone 一 is a word (一直, 一下), so 13812345678一直 stays a phone number.
const DIGIT_RUN = /[零〇一幺二三四五六七八九]{2,}/g;
const DIGIT_RUN_CALL = /[零〇一幺二三四五六七八九洞]{2,}/g;

/**
 * Replace each run of two or more of 零〇一二三四五六七八九幺 (and 洞, "zero" in radio /
 * call-centre speech, when `opts.call`) by its ASCII digits; every other character is left as is.
 */
export function readChineseDigits(normalized: string, opts?: { call?: boolean }): string {
  const re = opts?.call ? DIGIT_RUN_CALL : DIGIT_RUN;
  re.lastIndex = 0;
  if (!re.test(normalized)) return normalized;
  re.lastIndex = 0;
  return normalized.replace(re, (run) => run.replace(/./g, (ch) => DIGITS[ch] ?? '0'));
}
