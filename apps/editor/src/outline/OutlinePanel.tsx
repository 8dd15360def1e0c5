/** Categories and their rules, with the pass/fail of each rule's examples; a click reveals it. */
import { memo } from 'react';
import type { Strings } from '../i18n';
import type { ExampleMark, Outline, OutlineRule } from '../preview/protocol';

interface Props {
  t: Strings;
  outline: Outline | undefined;
  examples: ExampleMark[] | undefined;
  onReveal(target: { pointer: string }): void;
}

export const OutlinePanel = memo(function OutlinePanel({ t, outline, examples, onReveal }: Props) {
  const byRule = new Map<string, ExampleMark[]>();
  for (const e of examples ?? []) {
    const list = byRule.get(e.ruleId);
    if (list) list.push(e);
    else byRule.set(e.ruleId, [e]);
  }
  const failing = (examples ?? []).filter((e) => !e.passed);
  const rule = (r: OutlineRule) => {
    const marks = byRule.get(r.id) ?? [];
    const passed = marks.filter((m) => m.passed).length;
    return (
      <li key={r.pointer}>
        <button
          type="button"
          className={`outline-item${r.enabled ? '' : ' disabled'}`}
          onClick={() => onReveal({ pointer: `${r.pointer}/id` })}
          title={`${r.id} · ${r.type}${r.enabled ? '' : ` (${t.ruleDisabled})`}`}
        >
          <span className="outline-id">{r.id || '…'}</span>
          {r.points !== undefined && <span className="outline-points">{t.pointsShort(r.points)}</span>}
          {marks.length > 0 && (
            <span className={`example-badge ${passed === marks.length ? 'pass' : 'fail'}`} title={t.examplesPassed(passed, marks.length)} data-testid="example-badge">
              {passed === marks.length ? '✓' : '✗'} {passed}/{marks.length}
            </span>
          )}
        </button>
      </li>
    );
  };
  return (
    <aside className="outline" data-testid="outline">
      <h2>{t.outline}</h2>
      {!outline || (outline.categories.length === 0 && outline.orphans.length === 0) ? (
        <p className="muted">{t.outlineEmpty}</p>
      ) : (
        <ul className="outline-tree">
          {outline.categories.map((c) => (
            <li key={c.pointer}>
              <button type="button" className="outline-category" onClick={() => onReveal({ pointer: `${c.pointer}/id` })}>
                {c.name} <span className="muted">{c.id}</span>
              </button>
              <ul>{c.rules.map(rule)}</ul>
            </li>
          ))}
          {outline.orphans.length > 0 && (
            <li>
              <span className="outline-category muted">{t.uncategorized}</span>
              <ul>{outline.orphans.map(rule)}</ul>
            </li>
          )}
        </ul>
      )}
      <h2>
        {t.examples}
        {examples && examples.length > 0 && <span className="muted"> · {t.examplesSummary(examples.length - failing.length, examples.length)}</span>}
      </h2>
      {!examples || examples.length === 0 ? (
        <p className="muted">{t.examplesNone}</p>
      ) : (
        <ul className="example-list">
          {failing.map((e) => (
            <li key={e.pointer}>
              <button type="button" className="outline-item example-item" onClick={() => onReveal({ pointer: e.pointer })}>
                <span className="example-badge fail">✗</span> {e.ruleId} #{e.index + 1} <span className="muted">({e.expect === 'fires' ? t.expectFires : t.expectPasses})</span>
                {e.problem && <div className="muted small">{e.problem}</div>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
});
