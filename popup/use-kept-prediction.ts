// The tab's prediction as the background last kept it in memory (storage.session), read by the
// popup's entry before anything else: it shows at once, even while the background is asleep,
// until the live answer replaces it.
import { useLayoutEffect, useState } from 'preact/hooks';
import type { CachedPrediction } from '../extension/kept-prediction';

/** The kept entry once `reading` has found one; undefined before that, or when there is none. */
export function useKeptPrediction(reading: Promise<CachedPrediction | undefined> | undefined): CachedPrediction | undefined {
  const [kept, setKept] = useState<CachedPrediction | undefined>(undefined);
  useLayoutEffect(() => {
    if (!reading) return;
    let current = true;
    reading.then((entry) => { if (current && entry) setKept(entry); }, () => undefined); // none found: wait for the live answer
    return () => { current = false; };
  }, [reading]);
  return kept;
}
