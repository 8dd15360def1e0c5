/**
 * Loads a batch for the inspector: reads every input, scores each conversation ONCE, and keeps
 * what a queue row needs plus the parsed conversation (a conversation is re-evaluated only when
 * it is opened, with the same evaluation instant, so its findings are the same).
 */
import { evaluateConversation, scoreEvaluation, type CompiledPack, type Conversation, type ImportProblem, type Lang } from '@zhijian/core';
import type { Input } from '../io/inputs.js';
import { readConversations } from '../io/read-conversations.js';
import type { QueueRow } from './queue-state.js';

export interface BatchItem {
  row: QueueRow;
  conversation: Conversation;
  source: string;
}

export interface LoadOptions {
  pack: CompiledPack;
  lang: Lang;
  timeZone: string;
  /** Evaluation instant (epoch ms), also used when a conversation is opened. */
  now: number;
  openStdin(): NodeJS.ReadableStream;
  onProblem(input: Input, problem: ImportProblem): void;
  onNotUtf8(input: Input): void;
  onDuplicate(input: Input, id: string): void;
  onProgress?(conversations: number): void;
}

export async function loadBatch(inputs: readonly Input[], o: LoadOptions): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const batches = readConversations(input, { timeZone: o.timeZone, lang: o.lang, openStdin: o.openStdin, onNotUtf8: () => o.onNotUtf8(input) });
    for await (const batch of batches) {
      for (const p of batch.problems) o.onProblem(input, p);
      for (const conversation of batch.conversations) {
        if (seen.has(conversation.id)) {
          o.onDuplicate(input, conversation.id);
          continue;
        }
        seen.add(conversation.id);
        items.push({ row: rowOf(conversation, o, items.length), conversation, source: input.name });
      }
      o.onProgress?.(items.length);
    }
  }
  return items;
}

/** Scores a conversation and keeps the row: everything else of the evaluation is dropped. */
export function rowOf(conversation: Conversation, o: Pick<LoadOptions, 'pack' | 'lang' | 'timeZone' | 'now'>, index: number): QueueRow {
  const evaluation = evaluateConversation(o.pack, conversation, { timeZone: o.timeZone, now: o.now, lang: o.lang });
  const result = scoreEvaluation(o.pack, conversation, evaluation, undefined, o.lang);
  const auto = result.findings.filter((f) => f.source === 'auto');
  const texts = conversation.messages.map((m) => m.text).join('\n');
  return {
    index,
    id: conversation.id,
    agent: result.agent ?? '',
    score: result.score,
    grade: result.grade,
    vetoed: result.vetoed,
    findings: auto.length,
    pending: auto.filter((f) => f.pending === true).length,
    ruleIds: [...new Set(auto.map((f) => f.ruleId))],
    tags: result.tags,
    search: `${conversation.id}\n${texts}`.toLowerCase(),
    status: 'new',
  };
}
