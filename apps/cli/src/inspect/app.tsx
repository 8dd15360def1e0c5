/** The inspector app: subscribes to the controller and shows the screen (or the help) it is on. */
import { useEffect, useSyncExternalStore } from 'react';
import { useApp, useStdout } from 'ink';
import type { Strings } from '../i18n/index.js';
import { HelpOverlay } from './help-overlay.js';
import type { Inspector } from './inspector.js';
import { QueueScreen } from './queue.js';
import { ReviewScreen } from './review.js';
import { useHelpKeys } from './use-help-keys.js';
import { useQueueKeys } from './use-queue-keys.js';
import { useReviewKeys } from './use-review-keys.js';

/** What the views show besides the state. */
export interface InspectorInfo {
  inspector: string;
  /** The sample, described (e.g. "抽检 50（最低分，种子 0）"), when sampling. */
  sample?: string;
  /** How many inputs the batch came from (the source is shown when more than one). */
  sources: number;
  timeZone: string;
  /** A rule's name in the pack (its id when unknown). */
  ruleName(ruleId: string): string;
}

export function InspectorApp({ inspector, t, info, followTerminal = true }: { inspector: Inspector; t: Strings; info: InspectorInfo; followTerminal?: boolean }) {
  const snap = useSyncExternalStore(inspector.subscribe, inspector.getSnapshot);
  const { exit } = useApp();
  const { stdout } = useStdout();

  useEffect(() => {
    if (snap.done) exit();
  }, [snap.done, exit]);

  useEffect(() => {
    if (!followTerminal) return;
    const onResize = (): void => inspector.resize(stdout.rows, stdout.columns);
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [followTerminal, inspector, stdout]);

  useHelpKeys(inspector, snap.help);
  useQueueKeys(inspector, !snap.help && snap.screen === 'queue');
  useReviewKeys(inspector, !snap.help && snap.screen === 'review');

  if (snap.help) return <HelpOverlay screen={snap.screen} t={t} rows={snap.geometry.rows} cols={snap.geometry.cols} />;
  if (snap.screen === 'review' && snap.review) return <ReviewScreen snap={snap} t={t} info={info} timeZone={info.timeZone} />;
  return <QueueScreen snap={snap} t={t} info={info} />;
}
