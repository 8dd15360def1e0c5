import type { Lang } from '@zhijian/core';
import { en } from './en.js';
import { zh, type Strings } from './zh.js';

export type { Strings };
export const LANGS: readonly Lang[] = ['zh', 'en'];

export function strings(lang: Lang): Strings {
  return lang === 'en' ? en : zh;
}

/** Language from the POSIX locale variables (first one set wins): English for en*, else Chinese. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en\b|^en_/i.test(locale) ? 'en' : 'zh';
}

/**
 * `--lang` is read before the real argument parsing so that even a usage error is reported in
 * the asked language. Returns undefined when absent or not a known language (parsing reports that).
 */
export function langFromArgv(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value !== undefined) return (LANGS as readonly string[]).includes(value) ? (value as Lang) : undefined;
  }
  return undefined;
}
