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
