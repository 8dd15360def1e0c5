/**
 * The editor page: pack picker and save (top), outline (left), Monaco and its problems (centre),
 * live preview on the sample conversations (right). Monaco, the worker and the model are driven
 * imperatively from here; React renders the panels from the latest analysis.
 */
import * as monaco from './monaco/monaco';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, type PackList, type SaveOutcome } from './api/client';
import { markAnswer, markEdit, markPreviewShown, noteKeyDown } from './app/perf';
import { strings, type Lang } from './i18n';
import { EditorView, type Editor } from './monaco/EditorView';
import { applyMarkers, toRange } from './monaco/markers';
import { locatePointer, parseJsonTree, prefersKey } from './monaco/pointer-range';
import { registerPackSchema, schemaAlias } from './monaco/register-schema';
import { OutlinePanel } from './outline/OutlinePanel';
import { ProblemsPanel } from './problems/ProblemsPanel';
import { PreviewClient, type WorkerLike } from './preview/preview-client';
import PreviewWorker from './preview/preview.worker?worker';
import { PreviewPanel, type SampleSet } from './preview/PreviewPanel';
import { reconcile } from './preview/reconcile';
import type { Analysis, EditorProblem, SampleSource } from './preview/protocol';
import { SaveBar, type SaveState } from './app/SaveBar';

interface OpenPack {
  name: string;
  token: string;
  savedText: string;
}

/** Test and automation hook: the editor, the monaco namespace, a summary of the latest analysis. */
function hook(): Record<string, unknown> {
  const w = window as unknown as { __zhijian?: Record<string, unknown> };
  return (w.__zhijian ??= {});
}

/** The previous value while the new one is equal (as JSON): memoised panels then skip rendering. */
function useStable<T>(value: T): T {
  const ref = useRef<{ key: string; value: T } | undefined>(undefined);
  const key = JSON.stringify(value) ?? '';
  if (ref.current?.key !== key) ref.current = { key, value };
  return ref.current.value;
}

const modelUri = (name: string): monaco.Uri => monaco.Uri.parse(`file:///packs/${encodeURIComponent(name)}`);

export function App({ lang }: { lang: Lang }) {
  const t = strings(lang);
  const [list, setList] = useState<PackList>();
  const [fatal, setFatal] = useState<string>();
  const [open, setOpen] = useState<OpenPack>();
  const [dirty, setDirty] = useState(false);
  const [analysis, setAnalysis] = useState<Analysis>();
  const [lastGood, setLastGood] = useState<Analysis>();
  const [samples, setSamples] = useState<SampleSet>();
  const [defaultSamples, setDefaultSamples] = useState<SampleSource[]>([]);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const [workerError, setWorkerError] = useState<string>();
  const [lintProblems, setLintProblems] = useState<EditorProblem[]>([]);

  const editorRef = useRef<Editor | undefined>(undefined);
  const clientRef = useRef<PreviewClient | undefined>(undefined);
  const schemaRef = useRef<Record<string, unknown> | undefined>(undefined);
  const openRef = useRef<OpenPack | undefined>(undefined);
  const sampleLabel = useRef<string>('');
  const lastGoodRef = useRef<Analysis | undefined>(undefined);
  const parsedOutline = useRef<Analysis['outline'] | undefined>(undefined);
  openRef.current = open;

  const boundRef = useRef('');
  /** (Re)binds the schema when the model or its `$schema` changed (a rebind restarts Monaco's JSON worker). */
  const bindSchema = useCallback(() => {
    const model = editorRef.current?.getModel();
    if (!schemaRef.current || !model) return;
    const uri = model.uri.toString();
    const alias = schemaAlias(model.getValue(), uri);
    const key = `${uri} ${alias ?? ''}`;
    if (key === boundRef.current) return;
    boundRef.current = key;
    registerPackSchema(monaco, { schema: schemaRef.current, models: [uri], aliases: alias ? [alias] : [] });
  }, []);

  // The preview worker lives as long as the page.
  useEffect(() => {
    const client = new PreviewClient(
      lang,
      {
        ready: (schema) => {
          schemaRef.current = schema;
          boundRef.current = '';
          bindSchema();
        },
        samples: (conversations, problems) => setSamples({ conversations, problems, label: sampleLabel.current }),
        analysis: (a) => {
          markAnswer(a.id);
          hook().analysis = { id: a.id, valid: a.valid, problems: a.problems.length, timings: a.timings };
          const model = editorRef.current?.getModel();
          if (model) applyMarkers(monaco, model, a.problems, ['syntax', 'pack', 'example']);
          if (!a.valid) {
            // Lint runs on packs that compile only: its old findings would mislead.
            if (model) applyMarkers(monaco, model, [], ['lint']);
            setLintProblems([]);
          }
          if (a.valid) {
            const results = reconcile(lastGoodRef.current?.results, a.results ?? []);
            a = { ...a, results };
            lastGoodRef.current = a;
            setLastGood(a);
          }
          setAnalysis(a);
          setWorkerError(undefined);
        },
        lint: (id, found, ms) => {
          hook().lint = { id, problems: found.length, ms };
          const model = editorRef.current?.getModel();
          if (model) applyMarkers(monaco, model, found, ['lint']);
          setLintProblems(found);
        },
        failed: (message) => setWorkerError(message),
      },
      () => new PreviewWorker() as unknown as WorkerLike,
    );
    clientRef.current = client;
    // For the e2e: which request is the newest, so a test waits for the analysis of the final text.
    hook().latestId = () => client.latestId;
    client.start();
    return () => client.dispose();
  }, [lang, bindSchema]);

  const loadSamples = useCallback((sources: SampleSource[], label: string) => {
    sampleLabel.current = label;
    clientRef.current?.setSamples(sources);
    const model = editorRef.current?.getModel();
    if (model) clientRef.current?.analyze(model.getValue());
  }, []);

  const openPack = useCallback(
    async (name: string) => {
      const editor = editorRef.current;
      if (!editor) return;
      let file;
      try {
        file = await api.readPack(name);
      } catch (e) {
        setFatal(t.loadFailed(name, (e as Error).message));
        return;
      }
      const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
      const old = editor.getModel();
      editor.setModel(null);
      old?.dispose();
      const model = monaco.editor.createModel(text, 'json', modelUri(name));
      editor.setModel(model);
      const state = { name, token: file.token, savedText: text };
      openRef.current = state;
      setOpen(state);
      setDirty(false);
      setSave({ status: 'idle' });
      setAnalysis(undefined);
      setLastGood(undefined);
      lastGoodRef.current = undefined;
      parsedOutline.current = undefined;
      setLintProblems([]);
      bindSchema();
      history.replaceState(null, '', `?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(location.search)), pack: name })}`);
      model.onDidChangeContent(() => {
        const value = model.getValue();
        const id = clientRef.current!.analyze(value);
        markEdit(id);
        setDirty(value !== openRef.current?.savedText);
        if (value.slice(0, 2000).includes('$schema')) bindSchema();
      });
      clientRef.current!.setSaved(text);
      clientRef.current!.analyze(text);
    },
    [t, bindSchema],
  );

  const onMount = useCallback(
    (editor: Editor) => {
      editorRef.current = editor;
      const keys = editor.onKeyDown((e) => noteKeyDown(e.browserEvent.timeStamp));
      Object.assign(hook(), { editor, monaco });
      api
        .listPacks()
        .then((packs) => {
          setList(packs);
          const asked = new URLSearchParams(location.search).get('pack');
          const name = packs.packs.find((p) => p.name === asked)?.name ?? packs.defaultPack;
          if (name) void openPack(name);
          else setFatal(t.noPacks(packs.packsDir));
        })
        .catch(() => setFatal(t.noServer));
      api
        .samples()
        .then((s) => {
          setDefaultSamples(s.files);
          loadSamples(s.files, s.files.map((f) => f.name).join(', '));
        })
        .catch(() => loadSamples([], ''));
      return () => keys.dispose();
    },
    [openPack, loadSamples, t],
  );

  const reveal = useCallback((target: { pointer?: string; offset?: number; length?: number; code?: string }) => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    let offset = target.offset ?? 0;
    let length = target.length ?? 0;
    if (target.pointer !== undefined) {
      const at = locatePointer(parseJsonTree(model.getValue()).root, target.pointer, { preferKey: prefersKey(target.code ?? '') });
      offset = at.offset;
      length = at.length;
    }
    const range = toRange(model, offset, length);
    editor.setSelection(range);
    editor.revealRangeInCenterIfOutsideViewport(range);
    editor.focus();
  }, []);

  const doSave = useCallback(async () => {
    const editor = editorRef.current;
    const current = openRef.current;
    const model = editor?.getModel();
    if (!current || !model) return;
    const text = model.getValue();
    setSave({ status: 'saving' });
    const outcome: SaveOutcome = await api.savePack(current.name, text, current.token, lang);
    switch (outcome.kind) {
      case 'saved': {
        const next = { ...current, token: outcome.token, savedText: text };
        openRef.current = next;
        setOpen(next);
        setDirty(model.getValue() !== text);
        setSave({ status: 'saved', at: new Date(), ...(outcome.backup ? { backup: outcome.backup } : {}) });
        clientRef.current!.setSaved(text);
        clientRef.current!.analyze(model.getValue());
        break;
      }
      case 'conflict':
        setSave({ status: 'conflict' });
        break;
      case 'invalid':
        setSave({ status: 'refused', problems: outcome.problems });
        break;
      case 'failed':
        setSave({ status: 'failed', message: outcome.message });
        break;
    }
  }, [lang]);

  // Ctrl/Cmd+S in the editor and on the page.
  const saveRef = useRef(doSave);
  saveRef.current = doSave;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent): void => {
      if (dirty) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const switchPack = (name: string): void => {
    if (name === open?.name) return;
    if (dirty && !confirm(t.confirmDiscard)) return;
    void openPack(name);
  };

  const reload = (): void => {
    if (open) void openPack(open.name);
  };

  const shown = analysis?.valid ? analysis : lastGood;
  // Broken JSON garbles the tree after the error: keep the outline of the last text that parsed (clicks re-locate by pointer).
  if (analysis && !analysis.problems.some((p) => p.source === 'syntax')) parsedOutline.current = analysis.outline;
  const outline = useStable(analysis?.problems.some((p) => p.source === 'syntax') ? (parsedOutline.current ?? analysis.outline) : analysis?.outline);
  const examples = useStable(shown?.examples);
  useEffect(() => {
    if (analysis) markPreviewShown(analysis.id);
  }, [analysis]);

  const problems: EditorProblem[] = useMemo(() => [...(analysis?.problems ?? []), ...lintProblems], [analysis, lintProblems]);

  return (
    <div className="app">
      <SaveBar
        t={t}
        packs={list?.packs ?? []}
        current={open?.name}
        dirty={dirty}
        state={save}
        onSwitch={switchPack}
        onSave={() => void doSave()}
        onReload={reload}
        onDismiss={() => setSave({ status: 'idle' })}
        onReveal={reveal}
      />
      {fatal && <div className="fatal">{fatal}</div>}
      {workerError && <div className="fatal">{t.workerFailed(workerError.split('\n')[0] ?? '')}</div>}
      <div className="workbench">
        <OutlinePanel t={t} outline={outline} examples={examples} onReveal={reveal} />
        <div className="centre">
          <EditorView onMount={onMount} />
          <ProblemsPanel t={t} problems={problems} model={editorRef.current?.getModel() ?? null} onReveal={reveal} />
        </div>
        <PreviewPanel
          t={t}
          current={analysis}
          shown={shown}
          samples={samples}
          onFiles={loadSamples}
          onRestore={defaultSamples.length > 0 ? () => loadSamples(defaultSamples, defaultSamples.map((f) => f.name).join(', ')) : undefined}
        />
      </div>
    </div>
  );
}
