/**
 * Live preview: every sample conversation scored with the pack being edited, the change against the
 * saved pack, and one conversation's messages with its findings highlighted. An invalid pack keeps
 * the last good preview on screen and says why it is stale. Samples can be dropped or picked here.
 */
import { memo, useMemo, useRef, useState, type DragEvent } from 'react';
import type { Strings } from '../i18n';
import { readSampleFiles } from '../samples/read-files';
import { ConversationView } from './ConversationView';
import { describeConversationDiff } from './diff-against-saved';
import type { Analysis, ConversationDiff, PreviewResult, SampleConversation, SampleProblem, SampleSource } from './protocol';

export interface SampleSet {
  conversations: SampleConversation[];
  problems: SampleProblem[];
  label: string;
}

interface Props {
  t: Strings;
  /** The latest analysis (may be invalid). */
  current: Analysis | undefined;
  /** What is shown: the latest valid analysis. */
  shown: Analysis | undefined;
  samples: SampleSet | undefined;
  onFiles(sources: SampleSource[], label: string): void;
  onRestore: (() => void) | undefined;
}

type Filter = 'all' | 'findings' | 'changed';
const PAGE = 100;

export function PreviewPanel({ t, current, shown, samples, onFiles, onRestore }: Props) {
  const [filter, setFilter] = useState<Filter>('all');
  const [limit, setLimit] = useState(PAGE);
  const [selected, setSelected] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const [rejected, setRejected] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);

  const results = shown?.results ?? [];
  const diffs = useMemo(() => new Map((shown?.diff?.changed ?? []).map((d) => [d.id, d])), [shown]);
  const conversations = useMemo(() => new Map((samples?.conversations ?? []).map((c) => [c.id, c])), [samples]);
  const visible = results.filter((r) => (filter === 'findings' ? r.findings.length > 0 : filter === 'changed' ? diffs.has(r.id) : true));
  const chosen = results.find((r) => r.id === selected) ?? visible.find((r) => diffs.has(r.id)) ?? visible.find((r) => r.findings.length > 0) ?? visible[0];
  const stale = current !== undefined && !current.valid;
  const firstError = current?.problems.find((p) => p.severity === 'error');
  const average = results.length > 0 ? (results.reduce((s, r) => s + r.score, 0) / results.length).toFixed(1) : '–';
  const words = { findings: t.diffFindings, points: t.diffPoints, on: t.diffOn, separator: t.diffSeparator };

  const load = async (files: File[]): Promise<void> => {
    const { sources, rejected: bad } = await readSampleFiles(files);
    setRejected(bad);
    if (sources.length > 0) {
      setSelected(undefined);
      onFiles(sources, sources.map((s) => s.name).join(', '));
    }
  };
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setDragging(false);
    void load([...e.dataTransfer.files]);
  };

  return (
    <section
      className={`preview${dragging ? ' dragging' : ''}`}
      data-testid="preview"
      data-stale={stale ? 'true' : 'false'}
      data-analysis={shown?.id ?? ''}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h2>
        {t.preview}
        {shown && (
          <span className="muted" data-testid="preview-stats">
            {' '}
            · {t.previewConversations(results.length)} · {t.previewAverage(average)} · {t.previewTime(shown.timings.totalMs.toFixed(0))}
          </span>
        )}
      </h2>
      <div className="samples-bar">
        <span className="muted" title={samples?.label}>
          {t.samplesFrom(samples?.label || '—')}
        </span>
        <button type="button" onClick={() => input.current?.click()} data-testid="pick-samples">
          {t.pickFile}
        </button>
        {onRestore && (
          <button type="button" onClick={onRestore}>
            {t.restoreSamples}
          </button>
        )}
        <input
          ref={input}
          type="file"
          accept=".csv,.jsonl,.ndjson,.json"
          multiple
          hidden
          data-testid="samples-input"
          onChange={(e) => {
            void load([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </div>
      {samples && samples.problems.length > 0 && (
        <details className="notice warning">
          <summary>{t.samplesProblems(samples.problems.length)}</summary>
          <ul>
            {samples.problems.slice(0, 20).map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </details>
      )}
      {rejected.map((name) => (
        <div key={name} className="notice warning">
          {t.unsupportedFile(name)}
        </div>
      ))}
      {stale && (
        <div className="notice stale" role="status" data-testid="stale">
          <strong>{t.staleTitle}</strong> {t.staleBecause(current.problems.filter((p) => p.severity === 'error').length, firstError?.message ?? '')}
        </div>
      )}
      {dragging && <div className="drop-overlay">{t.dropHere}</div>}
      {!shown ? (
        <p className="muted">{samples && samples.conversations.length === 0 ? t.previewNoSamples : t.previewWaiting}</p>
      ) : results.length === 0 ? (
        <p className="muted">{t.previewNoSamples}</p>
      ) : (
        <>
          <DiffSummaryView t={t} analysis={shown} words={words} onSelect={setSelected} />
          <div className="filters" role="tablist">
            {(['all', 'findings', 'changed'] as const).map((f) => (
              <button key={f} type="button" role="tab" aria-selected={filter === f} className={filter === f ? 'active' : ''} onClick={() => setFilter(f)}>
                {f === 'all' ? t.filterAll : f === 'findings' ? t.filterFindings : t.filterChanged}
              </button>
            ))}
            <span className="muted">{t.shownOf(Math.min(limit, visible.length), visible.length)}</span>
          </div>
          <ResultList t={t} results={visible.slice(0, limit)} diffs={diffs} selected={chosen?.id} onSelect={setSelected} />
          {visible.length > limit && (
            <button type="button" className="link" onClick={() => setLimit(limit + PAGE)}>
              {t.showMore}
            </button>
          )}
          {chosen && <ConversationView t={t} result={chosen} conversation={conversations.get(chosen.id)} diff={diffs.get(chosen.id)} />}
        </>
      )}
    </section>
  );
}

function DiffSummaryView({ t, analysis, words, onSelect }: { t: Strings; analysis: Analysis; words: Parameters<typeof describeConversationDiff>[1]; onSelect(id: string): void }) {
  const diff = analysis.diff;
  if (!diff) return <div className="diff muted">{t.diffSavedInvalid}</div>;
  if (diff.changed.length === 0) return <div className="diff muted" data-testid="diff">{t.diffNone}</div>;
  const parts = [diff.added ? words.findings(diff.added) : '', diff.removed ? words.findings(-diff.removed) : '', diff.scoreDelta ? words.points(diff.scoreDelta) : '']
    .filter(Boolean)
    .join(words.separator);
  return (
    <div className="diff" data-testid="diff">
      <div>
        <strong>{t.diffTitle}</strong>: {t.diffTotals(diff.changed.length, parts)}
      </div>
      <ul>
        {diff.changed.slice(0, 5).map((d) => (
          <li key={d.id}>
            <button type="button" className="link" onClick={() => onSelect(d.id)} data-testid="diff-line">
              {describeConversationDiff(d, words)}
            </button>
          </li>
        ))}
        {diff.changed.length > 5 && <li className="muted">{t.diffMore(diff.changed.length - 5)}</li>}
      </ul>
    </div>
  );
}

function ResultList({
  t,
  results,
  diffs,
  selected,
  onSelect,
}: {
  t: Strings;
  results: PreviewResult[];
  diffs: Map<string, ConversationDiff>;
  selected: string | undefined;
  onSelect(id: string): void;
}) {
  return (
    <table className="results" data-testid="results">
      <thead>
        <tr>
          <th>{t.conversation}</th>
          <th>{t.score}</th>
          <th>{t.grade}</th>
          <th />
          <th />
        </tr>
      </thead>
      <tbody>
        {results.map((r) => {
          const d = diffs.get(r.id);
          return <ResultRow key={r.id} t={t} result={r} selected={r.id === selected} onSelect={onSelect} added={d?.added ?? 0} removed={d?.removed ?? 0} delta={d?.scoreDelta ?? 0} />;
        })}
      </tbody>
    </table>
  );
}

/** One row; memoised on plain values and the (reconciled) result object, so unchanged rows skip rendering. */
const ResultRow = memo(function ResultRow({
  t,
  result: r,
  selected,
  onSelect,
  added,
  removed,
  delta,
}: {
  t: Strings;
  result: PreviewResult;
  selected: boolean;
  onSelect(id: string): void;
  added: number;
  removed: number;
  delta: number;
}) {
  const changed = added > 0 || removed > 0 || delta !== 0;
  return (
    <tr className={selected ? 'selected' : ''} onClick={() => onSelect(r.id)} data-testid="result-row" data-id={r.id} data-score={r.score}>
      <td className="conv-id">{r.id}</td>
      <td className={`score ${scoreClass(r)}`}>{r.score}</td>
      <td>
        {r.grade}
        {r.vetoed ? ` · ${t.vetoed}` : ''}
      </td>
      <td className="muted">{r.findings.length > 0 ? t.findingsCount(r.findings.length) : ''}</td>
      <td className="delta">
        {changed && (
          <span className={delta < 0 || added > removed ? 'worse' : 'better'}>
            {added > 0 && `+${added} `}
            {removed > 0 && `-${removed} `}
            {delta !== 0 && `(${delta > 0 ? '+' : ''}${delta})`}
          </span>
        )}
      </td>
    </tr>
  );
});

function scoreClass(r: PreviewResult): string {
  if (r.vetoed) return 'vetoed';
  const ratio = r.score / r.maxScore;
  return ratio >= 0.9 ? 'good' : ratio >= 0.6 ? 'ok' : 'bad';
}
