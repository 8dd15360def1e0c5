/**
 * Problems -> Monaco markers, one owner per source (syntax, core validation, lint, rule examples),
 * so each layer replaces only its own markers.
 */
import type * as Monaco from './monaco';
import type { EditorProblem, ProblemSource } from '../preview/protocol';

export const MARKER_OWNERS: Record<ProblemSource, string> = {
  syntax: 'zhijian-json',
  pack: 'zhijian-pack',
  lint: 'zhijian-lint',
  example: 'zhijian-examples',
};

export function toRange(model: Monaco.editor.ITextModel, offset: number, length: number): Monaco.IRange {
  const start = model.getPositionAt(offset);
  const end = model.getPositionAt(offset + Math.max(0, length));
  return { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column };
}

const empty = new WeakMap<object, Set<ProblemSource>>();

/** Replaces the markers of the given sources (default: all) with these problems. */
export function applyMarkers(
  monaco: typeof Monaco,
  model: Monaco.editor.ITextModel,
  problems: readonly EditorProblem[],
  sources: readonly ProblemSource[] = Object.keys(MARKER_OWNERS) as ProblemSource[],
): void {
  const severity = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };
  const cleared = empty.get(model) ?? new Set<ProblemSource>();
  empty.set(model, cleared);
  for (const source of sources) {
    const owner = MARKER_OWNERS[source];
    const markers = problems
      .filter((p) => p.source === source)
      .map((p) => ({ ...toRange(model, p.offset, p.length), severity: severity[p.severity], message: p.message, code: p.code, source: 'zhijian' }));
    // The usual case while typing: no problem before, none now. Skip the marker events.
    if (markers.length === 0 && cleared.has(source)) continue;
    if (markers.length === 0) cleared.add(source);
    else cleared.delete(source);
    monaco.editor.setModelMarkers(model, owner, markers);
  }
}
