/** Running totals of a batch: the table's summary line, --fail-under and --stats. */
import type { CompiledPack, ScoreResult } from '@zhijian/core';

export class Tally {
  conversations = 0;
  messages = 0;
  scoreSum = 0;
  vetoed = 0;
  belowThreshold = 0;
  /** Grade label -> count, in the pack's order (best first), the veto grade included. */
  readonly grades = new Map<string, number>();

  constructor(
    pack: Pick<CompiledPack, 'grades' | 'vetoGrade'>,
    private readonly failUnder?: number,
  ) {
    for (const g of [...pack.grades].sort((a, b) => b.min - a.min)) this.grades.set(g.label, 0);
    this.grades.set(pack.vetoGrade, 0);
  }

  add(result: ScoreResult, messages: number): void {
    this.conversations++;
    this.messages += messages;
    this.scoreSum += result.score;
    if (result.vetoed) this.vetoed++;
    if (this.failUnder !== undefined && result.score < this.failUnder) this.belowThreshold++;
    this.grades.set(result.grade, (this.grades.get(result.grade) ?? 0) + 1);
  }

  get average(): number {
    return this.conversations === 0 ? 0 : this.scoreSum / this.conversations;
  }
}
