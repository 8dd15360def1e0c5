/**
 * Report queries. Plain objects out; formatting is the CLI's job.
 *
 * Which submissions count: per agent, rule and category, each conversation counts once, with its
 * latest submission inside the date range (a re-submission replaces the earlier verdict). Per
 * inspector, every submission in the range counts (each is a review done). Ranges are on the
 * submission time: from inclusive, to exclusive, epoch ms or Date.
 */
import type { Database, Statement } from 'better-sqlite3';

export interface DateRange {
  from?: number | Date;
  to?: number | Date;
}

export interface AgentReportOptions extends DateRange {
  /** A conversation passes with score >= passScore and no veto (default 60). */
  passScore?: number;
  /** How many of the most frequent confirmed rules to list per agent (default 5). */
  topRules?: number;
}

export interface AgentReport {
  /** null: conversations whose agent is unknown. */
  agent: string | null;
  conversations: number;
  averageScore: number;
  passed: number;
  /** passed / conversations. */
  passRate: number;
  vetoed: number;
  /** Rules by confirmed findings (explicit confirms plus manual items), most frequent first. */
  topConfirmedRules: Array<{ ruleId: string; count: number }>;
}

export interface FindingFigures {
  /** Auto findings in the submitted reviews. */
  seen: number;
  confirmed: number;
  dismissed: number;
  /** Review-rule findings submitted without a decision (they did not count). */
  pending: number;
  /** Auto findings without a decision (pending ones included). */
  undecided: number;
  /** Items inspectors added by hand. */
  manual: number;
  /** confirmed / (confirmed + dismissed); null before any decision. */
  precision: number | null;
  conversations: number;
}

export interface RuleReport extends FindingFigures {
  ruleId: string;
  category: string | null;
}

export interface CategoryReport extends FindingFigures {
  category: string | null;
}

export interface InspectorReport {
  inspector: string;
  reviews: number;
  conversations: number;
  averageSeconds: number;
  totalSeconds: number;
  averageScore: number;
}

interface Range {
  from: number | null;
  to: number | null;
}

/** Latest submission per conversation within the range. */
const EFFECTIVE = `
WITH eff AS (
  SELECT * FROM (
    SELECT s.*, row_number() OVER (PARTITION BY s.conversation_id ORDER BY s.id DESC) AS rn
    FROM submissions s
    WHERE (@from IS NULL OR s.submitted_at >= @from) AND (@to IS NULL OR s.submitted_at < @to)
  ) WHERE rn = 1
)`;

const FIGURES = `
  sum(f.source = 'auto') AS seen,
  sum(f.source = 'auto' AND f.outcome = 'confirmed') AS confirmed,
  sum(f.source = 'auto' AND f.outcome = 'dismissed') AS dismissed,
  sum(f.source = 'auto' AND f.outcome = 'undecided' AND f.pending = 1) AS pending,
  sum(f.source = 'auto' AND f.outcome = 'undecided') AS undecided,
  sum(f.source = 'manual') AS manual,
  count(DISTINCT eff.conversation_id) AS conversations`;

type FigureRow = Omit<FindingFigures, 'precision'>;

export class Reports {
  private readonly s: {
    agents: Statement<[Range & { pass: number }], { agent: string | null; conversations: number; average: number; passed: number; vetoed: number }>;
    agentRules: Statement<[Range], { agent: string | null; rule_id: string; n: number }>;
    rules: Statement<[Range], FigureRow & { rule_id: string; category: string | null }>;
    categories: Statement<[Range], FigureRow & { category: string | null }>;
    inspectors: Statement<[Range], { inspector: string; reviews: number; conversations: number; avg_s: number; total_s: number; avg_score: number }>;
  };

  constructor(db: Database) {
    this.s = {
      agents: db.prepare(`${EFFECTIVE}
        SELECT c.agent AS agent, count(*) AS conversations, avg(eff.score) AS average,
               sum(eff.score >= @pass AND eff.vetoed = 0) AS passed, sum(eff.vetoed) AS vetoed
        FROM eff JOIN conversations c ON c.id = eff.conversation_id
        GROUP BY c.agent ORDER BY c.agent`),
      agentRules: db.prepare(`${EFFECTIVE}
        SELECT c.agent AS agent, f.rule_id, count(*) AS n
        FROM eff JOIN conversations c ON c.id = eff.conversation_id
                 JOIN submission_findings f ON f.submission_id = eff.id
        WHERE f.outcome = 'confirmed'
        GROUP BY c.agent, f.rule_id ORDER BY c.agent, n DESC, f.rule_id`),
      rules: db.prepare(`${EFFECTIVE}
        SELECT f.rule_id, max(f.category) AS category, ${FIGURES}
        FROM eff JOIN submission_findings f ON f.submission_id = eff.id
        GROUP BY f.rule_id ORDER BY f.rule_id`),
      categories: db.prepare(`${EFFECTIVE}
        SELECT f.category, ${FIGURES}
        FROM eff JOIN submission_findings f ON f.submission_id = eff.id
        GROUP BY f.category ORDER BY f.category`),
      inspectors: db.prepare(`
        SELECT s.inspector, count(*) AS reviews, count(DISTINCT s.conversation_id) AS conversations,
               avg(s.seconds_spent) AS avg_s, sum(s.seconds_spent) AS total_s, avg(s.score) AS avg_score
        FROM submissions s
        WHERE (@from IS NULL OR s.submitted_at >= @from) AND (@to IS NULL OR s.submitted_at < @to)
        GROUP BY s.inspector ORDER BY s.inspector`),
    };
  }

  byAgent(options: AgentReportOptions = {}): AgentReport[] {
    const range = rangeOf(options);
    const top = options.topRules ?? 5;
    const rules = new Map<string | null, Array<{ ruleId: string; count: number }>>();
    for (const r of this.s.agentRules.all(range)) {
      const list = rules.get(r.agent) ?? [];
      if (list.length < top) list.push({ ruleId: r.rule_id, count: r.n });
      rules.set(r.agent, list);
    }
    return this.s.agents.all({ ...range, pass: options.passScore ?? 60 }).map((r) => ({
      agent: r.agent,
      conversations: r.conversations,
      averageScore: round(r.average),
      passed: r.passed,
      passRate: round(r.passed / r.conversations, 4),
      vetoed: r.vetoed,
      topConfirmedRules: rules.get(r.agent) ?? [],
    }));
  }

  byRule(range: DateRange = {}): RuleReport[] {
    return this.s.rules.all(rangeOf(range)).map(({ rule_id, category, ...f }) => ({ ruleId: rule_id, category, ...figures(f) }));
  }

  byCategory(range: DateRange = {}): CategoryReport[] {
    return this.s.categories.all(rangeOf(range)).map(({ category, ...f }) => ({ category, ...figures(f) }));
  }

  byInspector(range: DateRange = {}): InspectorReport[] {
    return this.s.inspectors.all(rangeOf(range)).map((r) => ({
      inspector: r.inspector,
      reviews: r.reviews,
      conversations: r.conversations,
      averageSeconds: round(r.avg_s, 1),
      totalSeconds: round(r.total_s, 1),
      averageScore: round(r.avg_score),
    }));
  }
}

function figures(f: FigureRow): FindingFigures {
  const decided = f.confirmed + f.dismissed;
  return { ...f, precision: decided === 0 ? null : round(f.confirmed / decided, 4) };
}

function rangeOf(r: DateRange): Range {
  const ms = (v: number | Date | undefined): number | null => (v === undefined ? null : v instanceof Date ? v.getTime() : v);
  return { from: ms(r.from), to: ms(r.to) };
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
