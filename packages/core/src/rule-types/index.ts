/** The built-in rule types: an explicit list (no discovery), checked against the files by a test. */
import type { AnyRuleType } from './define.js';
import { RuleTypeRegistry } from './registry.js';
import anyOf from './any-of.js';
import manual from './manual.js';
import phrase from './phrase.js';
import requiredPhrase from './required-phrase.js';
import triggerResponse from './trigger-response.js';
import symbolOnlyReply from './symbol-only-reply.js';
import repeatedMessage from './repeated-message.js';
import replyTime from './reply-time.js';
import unansweredAtEnd from './unanswered-at-end.js';
import scriptFidelity from './script-fidelity.js';
import personalData from './personal-data.js';
import eventAnnounced from './event-announced.js';
import silenceGap from './silence-gap.js';
import overlap from './overlap.js';
import speechRate from './speech-rate.js';
import answerDelay from './answer-delay.js';
import orderedSteps from './ordered-steps.js';
import lastEventRole from './last-event-role.js';
import tag from './tag.js';
import similarSentence from './similar-sentence.js';
import repeatedClause from './repeated-clause.js';

export const builtinRuleTypes = [
  anyOf,
  manual,
  phrase,
  requiredPhrase,
  triggerResponse,
  symbolOnlyReply,
  repeatedMessage,
  replyTime,
  unansweredAtEnd,
  scriptFidelity,
  personalData,
  eventAnnounced,
  silenceGap,
  overlap,
  speechRate,
  answerDelay,
  orderedSteps,
  lastEventRole,
  tag,
  similarSentence,
  repeatedClause,
] satisfies AnyRuleType[];

export const defaultRegistry = new RuleTypeRegistry(builtinRuleTypes);

export { RuleTypeRegistry };
