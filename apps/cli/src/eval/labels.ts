/**
 * The labels file of `zhijian eval`: what an inspector found, by reading each conversation.
 *
 *   {
 *     "$rules": ["etiquette.greeting", ...],          optional: the rules the labeller judged
 *     "<conversationId>": {"findings": [{"ruleId": "...", "messageIndex": 3, "note": "..."}], "note": "..."},
 *     ...
 *   }
 *
 * Keys starting with `$` are metadata (`$rules`, `$comment`, `$schema`). A conversation listed
 * with no findings was read and found clean; a conversation missing from the file is unlabelled.
 */
import { UserError } from '../commands/command.js';
import type { Strings } from '../i18n/index.js';
import { readJsonFile } from '../io/read-json.js';

export interface Label {
  ruleId: string;
  messageIndex: number;
  note?: string;
}

export interface Labels {
  /** Labelled conversations, in file order. */
  conversations: Map<string, Label[]>;
  /** The rules the labeller judged (`$rules`), when given. */
  rules?: string[];
}

/** Parses and checks a labels document; problems are thrown as one UserError listing them all. */
export function parseLabels(raw: unknown, file: string, t: Strings): Labels {
  const problems: string[] = [];
  const bad = (where: string, what: string): void => void problems.push(`${file}: ${where}: ${what}`);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new UserError(`${file}: ${t.evaluation.labelsNotObject}`);
  const conversations = new Map<string, Label[]>();
  let rules: string[] | undefined;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === '$rules') {
      if (!Array.isArray(value) || !value.every((r) => typeof r === 'string')) bad('/$rules', t.evaluation.labelsRules);
      else rules = value as string[];
      continue;
    }
    if (key.startsWith('$')) continue;
    const findings = (value as { findings?: unknown } | null)?.findings;
    if (!Array.isArray(findings)) {
      bad(`/${key}`, t.evaluation.labelsFindings);
      continue;
    }
    const list: Label[] = [];
    // A conversation-level note (why something is, or is not, labelled) explains its labels too.
    const shared = (value as { note?: unknown }).note;
    findings.forEach((f, i) => {
      const ruleId = (f as { ruleId?: unknown } | null)?.ruleId;
      const messageIndex = (f as { messageIndex?: unknown } | null)?.messageIndex;
      const note = (f as { note?: unknown } | null)?.note;
      if (typeof ruleId !== 'string' || !Number.isInteger(messageIndex) || (messageIndex as number) < 0) {
        bad(`/${key}/findings/${i}`, t.evaluation.labelsFinding);
        return;
      }
      const text = typeof note === 'string' ? note : typeof shared === 'string' ? shared : undefined;
      list.push({ ruleId, messageIndex: messageIndex as number, ...(text !== undefined ? { note: text } : {}) });
    });
    conversations.set(key, list);
  }
  if (problems.length > 0) throw new UserError(problems.join('\n'));
  return { conversations, ...(rules ? { rules } : {}) };
}

export function readLabels(file: string, t: Strings): Labels {
  const raw = readJsonFile(file, t);
  return parseLabels(raw, file, t);
}
