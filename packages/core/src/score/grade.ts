/** Step 4-5: veto and grade. A vetoed result scores 0 and always gets the veto grade. */
import type { GradeDef } from '../pack/pack-types.js';

export function gradeFor(score: number, grades: readonly GradeDef[], vetoed: boolean, vetoGrade: string): string {
  if (vetoed) return vetoGrade;
  for (const g of grades) if (score >= g.min) return g.label;
  return grades[grades.length - 1]?.label ?? '';
}
