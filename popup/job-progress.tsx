// A long job of the background (merging an import, relearning the model) as the user sees it: a
// bar with a count once the background gives one, read from `background/status` while it runs.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JobProgress } from '../extension/contract-types';
import { useConnector } from './connector';
import { count } from './format';

/** How often the progress is asked for. */
export const PROGRESS_EVERY_MS = 250;

interface JobProgressBarProps {
  progress?: JobProgress;
  /** Said before the background gives a count. */
  starting: string;
}

export function JobProgressBar({ progress, starting }: JobProgressBarProps) {
  const label = progress?.step === 'merging' ? 'Merging' : 'Relearning';
  const text = !progress ? starting
    : `${progress.step === 'merging' ? 'Merging: written' : 'Relearning:'} ${Math.min(progress.done, progress.total).toLocaleString('en')} of ${count(progress.total, 'visit')}`;
  return (
    <div class="job-progress" role="status">
      <span>{text}</span>
      {progress ? <progress value={progress.done} max={Math.max(1, progress.total)} aria-label={label} /> : <progress aria-label={label} />}
    </div>
  );
}

/**
 * While a view waits for the model (`waiting`), the relearning that holds it up, if one does: its
 * bar, so that a view opened during a forget's relearning says why it is still empty and how long.
 */
export function RelearningWhileWaiting({ waiting }: { waiting: boolean }) {
  const progress = useJobProgress(waiting);
  if (!waiting || progress?.step !== 'relearning') return null;
  return <RelearningStatus progress={progress} then="What it learned is shown when it is done." />;
}

/** The model being learned again, how far it has got, and what comes back (`then`) when it is done. */
export function RelearningStatus({ progress, then }: { progress?: JobProgress; then: string }) {
  return (
    <div class="status relearning">
      <p>Tabula is relearning its model from the visits it keeps. {then}</p>
      <JobProgressBar progress={progress} starting="Getting ready…" />
    </div>
  );
}

/**
 * While `running`, the background's progress, asked for every PROGRESS_EVERY_MS (undefined until
 * it gives one); `onIdle` is called once the background says it is no longer relearning.
 */
export function useJobProgress(running: boolean, onIdle?: () => void): JobProgress | undefined {
  const connector = useConnector();
  const [progress, setProgress] = useState<JobProgress | undefined>(undefined);
  const idle = useRef(onIdle);
  idle.current = onIdle;
  useEffect(() => {
    setProgress(undefined);
    if (!running) return;
    let current = true;
    const poll = setInterval(() => void connector.send('background/status', {}).then((status) => {
      if (!current) return;
      setProgress(status.progress);
      if (!status.relearning && !status.progress) idle.current?.();
    }, () => undefined), PROGRESS_EVERY_MS); // a missed answer: the next one will do
    return () => { current = false; clearInterval(poll); };
  }, [connector, running]);
  return progress;
}
