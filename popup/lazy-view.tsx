// Views loaded on demand: each one is its own chunk, so the popup's first script holds only what
// the first prediction needs. `preload` fetches a chunk ahead of time, once the popup has settled.
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage, Skeleton } from './ui';

export interface LazyView<P> {
  View: FunctionComponent<P>;
  preload: () => Promise<void>;
}

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, placeholderHeight: number): LazyView<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<void> | undefined;
  const preload = () => {
    loading ??= load().then(
      (component) => { loaded = component; },
      (failure: unknown) => { loading = undefined; throw failure; }, // a later try may succeed
    );
    return loading;
  };
  function View(props: P) {
    const [, setArrived] = useState(false);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let current = true;
      preload().then(() => { if (current) setArrived(true); }, () => { if (current) setFailed(true); });
      return () => { current = false; };
    }, []);
    if (loaded) {
      const Loaded = loaded;
      return <Loaded {...props} />;
    }
    return failed ? <ErrorMessage>This view could not be loaded. Close the popup and open it again.</ErrorMessage>
      : <Skeleton height={placeholderHeight} label="Loading…" />;
  }
  return { View, preload };
}
