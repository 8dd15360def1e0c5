/** The problems of the pack being edited (syntax, validation, lint, examples); a click jumps to it. */
import type * as Monaco from '../monaco/monaco';
import type { Strings } from '../i18n';
import type { EditorProblem } from '../preview/protocol';

interface Props {
  t: Strings;
  problems: EditorProblem[];
  model: Monaco.editor.ITextModel | null;
  onReveal(target: { pointer?: string; offset: number; length: number; code: string }): void;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function ProblemsPanel({ t, problems, model, onReveal }: Props) {
  const sorted = [...problems].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.offset - b.offset);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <section className="problems" data-testid="problems">
      <h2>
        {t.problems}
        <span className="count error">{errors}</span>
        <span className="count warning">{warnings}</span>
      </h2>
      {sorted.length === 0 ? (
        <p className="muted">{t.noProblems}</p>
      ) : (
        <ul>
          {sorted.map((p, i) => {
            const pos = model && p.offset <= model.getValueLength() ? model.getPositionAt(p.offset) : undefined;
            return (
              <li key={`${p.code}:${p.offset}:${i}`}>
                <button type="button" className={`problem ${p.severity}`} onClick={() => onReveal(p)} data-testid="problem" data-line={pos?.lineNumber}>
                  <span className={`sev ${p.severity}`}>{t.severity[p.severity]}</span>
                  <span className="problem-message">{p.message}</span>
                  <span className="muted">
                    {t.source[p.source] ?? p.source}
                    {p.pointer ? ` ${p.pointer}` : ''}
                    {pos ? ` · ${t.lineColumn(pos.lineNumber, pos.column)}` : ''}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
