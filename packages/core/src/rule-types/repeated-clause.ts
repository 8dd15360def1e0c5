/**
 * repeated-clause: the same clause (one apology line, one solution) in N or more messages of the
 * role that are not whole repeats of each other (whole repeats are repeated-message's case).
 * Clauses are compared like repeated-message compares messages: a clause joins the FIRST earlier
 * clause group whose first clause has the same comparison text or a similarity (Dice of bigrams)
 * >= threshold with it. Messages are whole repeats when their comparison texts are equal or have a
 * similarity >= wholeThreshold with the first message of a whole-message group: a group counts
 * each whole-message group once. One finding per clause group, at the message that brings it to
 * minCount (evidence: the clause there). Clauses shorter than minLength or overlapping an
 * `exclude` phrase (a stock formula) are not counted.
 */
import type { PhraseItem } from '../pack/pack-types.js';
import type { Role } from '../model/conversation.js';
import { bigramProfile, codePointLength, diceOfProfiles, type BigramProfile } from '../normalize/index.js';
import { messageClauses } from '../match/clauses.js';
import { defineRuleType } from './define.js';
import { roleOption } from './common-options.js';

export interface RepeatedClauseOptions {
  role: Role;
  minLength: number;
  threshold: number;
  wholeThreshold: number;
  minCount: number;
  exclude?: PhraseItem[];
}

interface Group {
  text: string;
  profile: BigramProfile;
}

interface ClauseGroup extends Group {
  /** Whole-message groups already counted. */
  wholes: Set<number>;
  fired: boolean;
}

function findGroup<G extends Group>(groups: readonly G[], text: string, profile: BigramProfile, threshold: number): G | undefined {
  return groups.find((g) => g.text === text || diceOfProfiles(g.profile, profile) >= threshold);
}

export default defineRuleType<RepeatedClauseOptions, 'repeatedClause'>({
  meta: {
    id: 'repeated-clause',
    description: {
      zh: '同一分句（如同一句道歉语、同一个解决方案）出现在 N 条以上彼此并非整条重复的消息中。',
      en: 'The same clause (one apology line, one solution) appears in N or more messages that are not whole repeats of each other.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        role: roleOption('agent', 'Whose messages are compared. 检查谁的消息。'),
        minLength: {
          type: 'integer',
          minimum: 1,
          default: 6,
          description: 'Only clauses whose comparison text has at least this many characters (code points) count. 分句比较文本至少多少字才计入。',
        },
        threshold: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          default: 0.9,
          description: "A clause joins a group when its similarity (Dice of character bigrams) with the group's first clause is at least this. 与组内首个分句的相似度达到此值即归入该组。",
        },
        wholeThreshold: {
          type: 'number',
          minimum: 0,
          maximum: 1,
          default: 0.9,
          description: 'Messages this similar (whole comparison texts) are whole repeats: a clause group counts them once. 整条消息相似度达到此值视为整条重复，只计一次。',
        },
        minCount: {
          type: 'integer',
          minimum: 2,
          default: 3,
          description: 'A clause group fires at its Nth message (later ones give no finding). 第 N 条时触发。',
        },
        exclude: {
          $ref: '#/$defs/phraseList',
          description: 'Clauses overlapping one of these (stock openers and closers) are not counted; matched literally. 含这些套话的分句不计入。',
        },
      },
      additionalProperties: false,
    },
    messages: {
      repeatedClause: { zh: '同一分句第 {count} 次出现在不同回复中：「{evidence}」', en: 'The same clause in a {count}th different reply: "{evidence}"' },
    },
  },
  create(o, tools) {
    const exclude = o.exclude && o.exclude.length > 0 ? tools.phrases(o.exclude, `${tools.pointer}/exclude`) : undefined;

    return (ctx) => {
      const wholes: Group[] = [];
      const groups: ClauseGroup[] = [];
      for (const m of ctx.utterances(o.role)) {
        const clauses = messageClauses(m).filter((c) => codePointLength(c.text) >= o.minLength);
        if (clauses.length === 0) continue;
        const whole = m.comparison.text;
        const wholeProfile = bigramProfile(whole);
        let w = wholes.findIndex((g) => g.text === whole || diceOfProfiles(g.profile, wholeProfile) >= o.wholeThreshold);
        if (w < 0) w = wholes.push({ text: whole, profile: wholeProfile }) - 1;
        const hits = exclude?.hits(m) ?? [];
        const seen = new Set<ClauseGroup>();
        for (const clause of clauses) {
          if (hits.some((h) => h.start < clause.end && clause.start < h.end)) continue;
          const profile = bigramProfile(clause.text);
          let g = findGroup(groups, clause.text, profile, o.threshold);
          if (!g) {
            g = { text: clause.text, profile, wholes: new Set(), fired: false };
            groups.push(g);
          }
          if (seen.has(g)) continue;
          seen.add(g);
          if (g.wholes.has(w)) continue;
          g.wholes.add(w);
          if (g.wholes.size === o.minCount && !g.fired) {
            g.fired = true;
            ctx.report({ messageIndex: m.index, range: { start: clause.start, end: clause.end }, messageId: 'repeatedClause', data: { count: o.minCount } });
          }
        }
      }
    };
  },
});
