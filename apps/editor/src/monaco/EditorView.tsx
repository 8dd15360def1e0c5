/** Mounts one Monaco editor for the lifetime of the component and hands it to the parent. */
import * as monaco from './monaco';
import { useEffect, useRef } from 'react';


export type Editor = monaco.editor.IStandaloneCodeEditor;

export function EditorView({ onMount }: { onMount(editor: Editor): () => void }) {
  const host = useRef<HTMLDivElement>(null);
  const mount = useRef(onMount);
  useEffect(() => {
    const editor = monaco.editor.create(host.current!, {
      model: null,
      theme: 'vs-dark',
      automaticLayout: true,
      fontSize: 13,
      tabSize: 2,
      minimap: { enabled: true },
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      quickSuggestions: { strings: true, other: true, comments: false },
      renderValidationDecorations: 'on',
      // Full-width punctuation (，：（）) is normal in Chinese text, not a confusable character.
      unicodeHighlight: { ambiguousCharacters: false },
      'semanticHighlighting.enabled': false,
    });
    const release = mount.current(editor);
    return () => {
      release();
      editor.dispose();
    };
  }, []);
  return <div className="editor-host" ref={host} data-testid="editor" />;
}
