// Hooks over the connector: `useRequest` asks for data when a view appears (and again when its
// payload changes); `useAction` sends a request on demand, such as a button press.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AnswerOf, RequestOf, RequestType } from '../extension/protocol';
import { useConnector } from './connector';

export interface RequestState<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => void;
  /** Replaces the data with a fresher answer (e.g. the one a change returned). */
  setData: (data: T) => void;
}

export interface RequestOptions {
  /** Do not ask (yet). */
  skip?: boolean;
  /**
   * Ask before the first paint. Children's effects run before their parent's, so a parent that
   * must be answered first (the popup's prediction) asks in a layout effect, ahead of them all.
   */
  urgent?: boolean;
}

export function useRequest<K extends RequestType>(type: K, payload: RequestOf<K>, { skip = false, urgent = false }: RequestOptions = {}): RequestState<AnswerOf<K>> {
  const connector = useConnector();
  const useStart = urgent ? useLayoutEffect : useEffect; // fixed for a call site, so hook order holds
  const [data, setData] = useState<AnswerOf<K> | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(!skip);
  const [round, setRound] = useState(0);
  const key = JSON.stringify(payload);
  useStart(() => {
    if (skip) return;
    let current = true; // an answer to an older payload must not overwrite a newer one
    setLoading(true);
    connector.send(type, JSON.parse(key) as RequestOf<K>).then(
      (answer) => { if (current) { setData(() => answer); setError(undefined); setLoading(false); } },
      (failure: unknown) => { if (current) { setError(messageOf(failure)); setLoading(false); } },
    );
    return () => { current = false; };
  }, [connector, type, key, round, skip]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const replace = useCallback((fresh: AnswerOf<K>) => setData(() => fresh), []);
  return { data, error, loading, reload, setData: replace };
}

export interface ActionState<K extends RequestType> {
  run: (payload: RequestOf<K>) => Promise<AnswerOf<K> | undefined>;
  result: AnswerOf<K> | undefined;
  error: string | undefined;
  pending: boolean;
  clear: () => void;
}

export function useAction<K extends RequestType>(type: K): ActionState<K> {
  const connector = useConnector();
  const [result, setResult] = useState<AnswerOf<K> | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const mounted = useRef(true);
  useEffect(() => () => { mounted.current = false; }, []);
  const run = useCallback(async (payload: RequestOf<K>) => {
    setPending(true);
    setError(undefined);
    try {
      const answer = await connector.send(type, payload);
      if (mounted.current) setResult(() => answer);
      return answer;
    } catch (failure) {
      if (mounted.current) setError(messageOf(failure));
      return undefined;
    } finally {
      if (mounted.current) setPending(false);
    }
  }, [connector, type]);
  const clear = useCallback(() => { setResult(undefined); setError(undefined); }, []);
  return { run, result, error, pending, clear };
}

export function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
