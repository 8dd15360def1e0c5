/**
 * script-fidelity: an agent message that copies a standard script (统一话术, similarity of whole
 * comparison texts >= threshold) but changes its numbers, dates or times (crisis.script-modified).
 * Punctuation, emoji, the address term or other wording may change; the numeric tokens (spec
 * Definitions) may not, except where either side has the wildcard `[数字x]`. Script profiles and
 * tokens are built once per pack; each message's once per message.
 */
import type { Role } from '../model/conversation.js';
import { bigramProfile, comparisonText, diceOfProfiles, numericTokens, type BigramProfile, type NumericToken } from '../normalize/index.js';
import { defineRuleType } from './define.js';
import { roleOption } from './common-options.js';

export interface ScriptFidelityOptions {
  role: Role;
  threshold: number;
  scripts?: string[];
}

interface PreparedScript {
  id: string;
  text: string;
  profile: BigramProfile;
  tokens: NumericToken[];
}

export default defineRuleType<ScriptFidelityOptions, 'modified'>({
  meta: {
    id: 'script-fidelity',
    description: {
      zh: '套用标准话术时改动了其中的数字、日期或时间（如 48小时 改成 24小时）。',
      en: 'A message copies a standard script but changes a number, date or time in it (48小时 -> 24小时).',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        role: roleOption('agent', 'Whose messages are compared with the scripts. 检查谁的消息。'),
        threshold: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          default: 0.6,
          description:
            "A message counts as a copy of a script when the similarity (Dice of character bigrams) of their whole comparison texts is at least this. 与话术整句相似度达到此值即视为套用。",
        },
        scripts: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          minItems: 1,
          uniqueItems: true,
          description: "Ids of the pack's scripts to check (default: all of /scripts). 检查哪些话术（默认全部）。",
        },
      },
      additionalProperties: false,
    },
    messages: {
      modified: {
        zh: '标准话术「{script}」中的数字被改动：「{evidence}」',
        en: 'A number of the standard script "{script}" was changed: "{evidence}"',
      },
    },
  },
  create(o, tools) {
    const byId = new Map(tools.scripts.map((s) => [s.id, s]));
    (o.scripts ?? []).forEach((id, i) => {
      if (!byId.has(id)) tools.fail(`${tools.pointer}/scripts/${i}`, `unknown script "${id}" (define it under /scripts)`);
    });
    const chosen = o.scripts ? o.scripts.map((id) => byId.get(id)!) : tools.scripts;
    const scripts: PreparedScript[] = chosen.map((s) => {
      const normalized = tools.normalize(s.text);
      return { id: s.id, text: s.text, profile: bigramProfile(comparisonText(normalized)), tokens: numericTokens(normalized) };
    });

    return (ctx) => {
      if (scripts.length === 0) return;
      for (const m of ctx.utterances(o.role)) {
        const profile = bigramProfile(m.comparison.text);
        // Copies of several scripts: a faithful copy of any of them is fine; otherwise the most
        // similar script (pack order on ties) names the change.
        let best: { script: PreparedScript; sim: number } | undefined;
        let tokens: NumericToken[] | undefined;
        let faithful = false;
        for (const s of scripts) {
          const sim = diceOfProfiles(s.profile, profile);
          if (sim < o.threshold) continue;
          tokens ??= numericTokens(m.text);
          if (firstDifference(tokens, s.tokens) < 0) {
            faithful = true;
            break;
          }
          if (!best || sim > best.sim) best = { script: s, sim };
        }
        if (faithful || !best || !tokens) continue;
        const at = firstDifference(tokens, best.script.tokens);
        const token = tokens.length < best.script.tokens.length ? undefined : tokens[at];
        ctx.report({
          messageIndex: m.index,
          ...(token ? { range: { start: token.start, end: token.end } } : { originalRange: { start: 0, end: m.original.length } }),
          messageId: 'modified',
          data: { script: best.script.text, scriptId: best.script.id },
        });
      }
    };
  },
});

/** Index of the first position where the token sequences differ, or -1 when they are equal. */
export function firstDifference(a: readonly NumericToken[], b: readonly NumericToken[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (!(x.wildcard || y.wildcard || x.value === y.value)) return i;
  }
  return a.length === b.length ? -1 : n;
}
