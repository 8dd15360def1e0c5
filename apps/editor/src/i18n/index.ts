import { en } from './en';
import { zh, type Strings } from './zh';

export type { Strings };
export type Lang = 'zh' | 'en';

export function strings(lang: Lang): Strings {
  return lang === 'en' ? en : zh;
}

/** `?lang=en|zh` wins; else English when the browser's first language is English, Chinese otherwise. */
export function detectLang(search: string, languages: readonly string[]): Lang {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'en' || asked === 'zh') return asked;
  return /^en\b/i.test(languages[0] ?? '') ? 'en' : 'zh';
}
