/**
 * What editing a conversation may change: monotonicity and role scoping.
 *
 * Monotonicity. Precisely what holds: for packs whose auto rules judge each message on its own
 * and only forbid (phrase without scope, personal-data, symbol-only-reply without context, any-of
 * of those, manual items; isMessageLocal in @zhijian/test-utils), inserting an agent message
 * never raises the score and keeps every finding; removing a message that carries a finding never
 * lowers it and adds none. The standard pack's such rules (forbidden phrases, shirking, proxy
 * promises, the red lines) are one of the pack cases. It does NOT hold for packs with rules that
 * an agent message can satisfy ("trigger" rules: greeting, soothing, retention, follow-up,
 * answering a trailing question, closing a wait): an inserted forbidden phrase can answer a
 * question whose finding cost more than the (capped) forbidden phrase; the boundary test pins that
 * with the standard pack.
 *
 * Role scoping. For rules that read one role only (phrase, required-phrase, personal-data,
 * repeated-message, script-fidelity, tag, symbol-only-reply without context; see singleRoleOf):
 * every finding lies on an utterance (not an event row) of that role, and a customer saying an
 * agent-only phrase, anywhere in the conversation, changes none of the agent rules' findings.
 */
import { describe, expect, it as vit } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import { NEUTRAL, isMessageLocal, propertyParams, propertyTimeout, singleRoleOf, wordsOf, type GenConversation, type GenMessage } from '@zhijian/test-utils';
import { caseConversation, type PackDef, type ScoreResult } from '../../src/index.js';
import { compile, conversations, defaultRole, generatedPackArb, scenarioArb, score, standardPack, standardPackDef, withRules } from './support.js';

/** Drop what makes a rule read other messages (phrase scope, symbol-only context), so more rules stay message-local. */
function localRepair(type: string, options: Record<string, unknown>): Record<string, unknown> {
  const { scope: _s, context: _c, ...rest } = options;
  return type === 'phrase' || type === 'symbol-only-reply' ? rest : options;
}

const localStandard = withRules(standardPackDef, (r) => isMessageLocal(r as never));
const localPacks: fc.Arbitrary<PackDef> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(localStandard) },
  {
    weight: 3,
    arbitrary: generatedPackArb({ types: ['phrase', 'personal-data', 'symbol-only-reply', 'any-of', 'manual'], repair: localRepair }).map((p) =>
      withRules(p as unknown as PackDef, (r) => isMessageLocal(r as never)),
    ),
  },
);

/** A message-local pack and a conversation that uses its words. */
function localScenario(minMessages = 0): fc.Arbitrary<[PackDef, GenConversation]> {
  return localPacks.chain((def) => fc.tuple(fc.constant(def), conversations({ minMessages, focus: wordsOf(def as never) })));
}

/** Literal phrases of the pack's agent phrase rules: its forbidden phrases. */
function forbiddenPhrases(pack: PackDef): string[] {
  const agentRules = pack.rules.filter((r) => r.type !== 'manual' && singleRoleOf(r as never, defaultRole) === 'agent');
  const words = wordsOf({ rules: agentRules, phraseSets: pack.phraseSets });
  return words.length > 0 ? words : ['你烦不烦'];
}

const insertion = fc.record({
  at: fc.nat(),
  pick: fc.nat(),
  prefix: fc.constantFrom('', ...NEUTRAL, '亲，'),
  suffix: fc.constantFrom('', '。', '！', ...NEUTRAL),
});

function identity(f: ScoreResult['findings'][number], index: number): string {
  return JSON.stringify([f.ruleId, index, f.start, f.end, f.evidence]);
}

describe('properties: monotonicity', () => {
  it.prop([localScenario(), insertion], propertyParams())(
    'monotonicity: inserting an agent message with a forbidden phrase never raises the score (message-local rules)',
    ([def, conv], ins) => {
      const pack = compile(def);
      const phrases = forbiddenPhrases(def);
      const at = ins.at % (conv.messages.length + 1);
      const neighbour = conv.messages[at - 1] ?? conv.messages[at];
      const inserted: GenMessage = { role: 'agent', text: ins.prefix + phrases[ins.pick % phrases.length]! + ins.suffix };
      if (neighbour?.ts !== undefined) inserted.ts = neighbour.ts;
      const after: GenConversation = { ...conv, messages: [...conv.messages.slice(0, at), inserted, ...conv.messages.slice(at)] };

      const a = score(pack, conv);
      const b = score(pack, after);
      expect(b.score).toBeLessThanOrEqual(a.score);
      if (a.vetoed) expect(b.vetoed).toBe(true);
      // every finding is still there, on the same (shifted) message
      const kept = new Set(b.findings.map((f) => identity(f, f.messageIndex)));
      for (const f of a.findings) expect(kept).toContain(identity(f, f.messageIndex >= at ? f.messageIndex + 1 : f.messageIndex));
    },
    propertyTimeout(),
  );

  it.prop([localScenario(1), fc.nat()], propertyParams())(
    'monotonicity: removing a message that carries a finding never lowers the score (message-local rules)',
    ([def, conv], pick) => {
      const pack = compile(def);
      const a = score(pack, conv);
      const carriers = [...new Set(a.findings.map((f) => f.messageIndex))];
      const at = carriers.length > 0 ? carriers[pick % carriers.length]! : pick % conv.messages.length;
      const after: GenConversation = { ...conv, messages: conv.messages.filter((_, i) => i !== at) };

      const b = score(pack, after);
      expect(b.score).toBeGreaterThanOrEqual(a.score);
      if (b.vetoed) expect(a.vetoed).toBe(true);
      // no new finding appears elsewhere
      const before = new Set(a.findings.map((f) => identity(f, f.messageIndex)));
      for (const f of b.findings) expect(before).toContain(identity(f, f.messageIndex >= at ? f.messageIndex + 1 : f.messageIndex));
    },
    propertyTimeout(),
  );

  vit('monotonicity (boundary): with answer-dependent rules, an inserted forbidden phrase can raise the score', () => {
    // crisis.unanswered (5) disappears, while a 4th forbidden phrase costs 0 (maxFindings 3).
    const lines = ['agent: 您好', 'agent: 你烦不烦', 'agent: 听不懂吗', 'agent: 说过很多遍了', 'customer: 什么时候发货？'];
    const before = score(standardPack, caseConversation({ messages: lines }));
    const after = score(standardPack, caseConversation({ messages: [...lines, 'agent: 你烦不烦啊'] }));
    expect([before.score, after.score]).toEqual([80, 85]);
  });
});

const EVENT_KINDS = new Set(['transfer', 'status', 'ring', 'end']);

function rolesOf(def: PackDef): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of def.rules) {
    const role = singleRoleOf(r as never, defaultRole);
    if (role !== undefined) out.set(r.id, role);
  }
  return out;
}

describe('properties: role scoping', () => {
  it.prop([scenarioArb()], propertyParams())(
    'role scoping: every finding of a single-role rule lies on an utterance of that role',
    ({ pack: pc, conv }) => {
      const roles = rolesOf(pc.def);
      const r = score(compile(pc.def), conv);
      for (const f of r.findings) {
        const role = roles.get(f.ruleId);
        if (role === undefined) continue;
        const m = conv.messages[f.messageIndex]!;
        expect({ rule: f.ruleId, role: m.role, event: EVENT_KINDS.has(m.kind ?? 'text') }).toEqual({ rule: f.ruleId, role, event: false });
      }
    },
    propertyTimeout(),
  );

  it.prop([scenarioArb(), fc.nat(), fc.nat(), fc.constantFrom('', ...NEUTRAL), fc.boolean()], propertyParams())(
    'role scoping: a customer saying an agent-only phrase never fires an agent rule',
    ({ pack: pc, conv }, at0, pick, filler, replace) => {
      const roles = rolesOf(pc.def);
      const agentRules = pc.def.rules.filter((r) => roles.get(r.id) === 'agent');
      const phrases = wordsOf({ rules: agentRules, phraseSets: pc.def.phraseSets });
      const phrase = phrases.length > 0 ? phrases[pick % phrases.length]! : '你烦不烦';
      const said: GenMessage = { role: 'customer', text: filler + phrase };

      // Either replace the text of an existing customer message, or insert a new customer message.
      const customers = conv.messages.flatMap((m, i) => (m.role === 'customer' && !EVENT_KINDS.has(m.kind ?? 'text') ? [i] : []));
      let after: GenConversation;
      let shift: (i: number) => number;
      if (replace && customers.length > 0) {
        const at = customers[at0 % customers.length]!;
        after = { ...conv, messages: conv.messages.map((m, i) => (i === at ? { ...m, text: said.text } : m)) };
        shift = (i) => i;
      } else {
        const at = at0 % (conv.messages.length + 1);
        after = { ...conv, messages: [...conv.messages.slice(0, at), said, ...conv.messages.slice(at)] };
        shift = (i) => (i >= at ? i + 1 : i);
      }

      const pack = compile(pc.def);
      const agentFindings = (r: ReturnType<typeof score>, map: (i: number) => number) =>
        r.findings
          .filter((f) => roles.get(f.ruleId) === 'agent')
          .map((f) => JSON.stringify([f.ruleId, map(f.messageIndex), f.start, f.end, f.evidence, f.messageId]))
          .sort();
      expect(agentFindings(score(pack, after), (i) => i)).toEqual(agentFindings(score(pack, conv), shift));
    },
    propertyTimeout(),
  );
});
