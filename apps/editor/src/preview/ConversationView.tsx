/** One conversation: its messages with the findings highlighted at their exact spans, then the findings. */
import type { Strings } from '../i18n';
import { splitRuns } from './highlight';
import type { ConversationDiff, PreviewFinding, PreviewResult, SampleConversation } from './protocol';

interface Props {
  t: Strings;
  result: PreviewResult;
  conversation: SampleConversation | undefined;
  diff: ConversationDiff | undefined;
}

export function ConversationView({ t, result, conversation, diff }: Props) {
  const added = new Set(diff?.addedKeys ?? []);
  const byKey = new Map(result.findings.map((f) => [f.key, f]));
  const title = (keys: readonly string[]): string =>
    keys
      .map((k) => byKey.get(k))
      .filter((f): f is PreviewFinding => f !== undefined)
      .map((f) => `${f.ruleId}: ${f.message}`)
      .join('\n');
  return (
    <div className="conversation" data-testid="conversation" data-id={result.id}>
      <h3>
        {result.id} · {t.score} {result.score}/{result.maxScore} · {result.grade}
        {result.vetoed ? ` · ${t.vetoed}` : ''}
      </h3>
      <ol className="messages">
        {(conversation?.messages ?? []).map((m, i) => {
          const spans = result.findings.filter((f) => f.messageIndex === i);
          return (
            <li key={i} className={`message ${m.role}`}>
              <span className="who">
                {t.messageIndex(i)} {t.role[m.role] ?? m.role}
                {m.speaker ? ` ${m.speaker}` : ''}
              </span>
              <span className="text">
                {splitRuns(m.text, spans).map((run) =>
                  run.keys.length === 0 && run.anchors.length === 0 ? (
                    <span key={run.start}>{run.text}</span>
                  ) : (
                    <mark
                      key={run.start}
                      className={`${run.keys.some((k) => added.has(k)) || run.anchors.some((k) => added.has(k)) ? 'new' : ''}${run.keys.some((k) => byKey.get(k)?.pending) ? ' pending' : ''}`}
                      title={title([...run.keys, ...run.anchors])}
                      data-testid="finding-span"
                    >
                      {run.anchors.length > 0 && <span className="anchor">▲</span>}
                      {run.text}
                    </mark>
                  ),
                )}
              </span>
            </li>
          );
        })}
      </ol>
      {result.findings.length === 0 ? (
        <p className="muted">{t.noFindings}</p>
      ) : (
        <ul className="findings">
          {result.findings.map((f) => (
            <li key={f.key} className={added.has(f.key) ? 'new' : ''} data-testid="finding" data-rule={f.ruleId}>
              <span className="points">{f.pending ? t.pending : t.findingPoints(f.points)}</span>
              <span className="rule">{f.ruleId}</span>
              {added.has(f.key) && <span className="badge-new">{t.newFinding}</span>}
              <span className="where">{t.messageIndex(f.messageIndex)}</span>
              <span className="message-text">{f.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
