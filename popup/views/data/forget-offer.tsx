// Right after a site is excluded: Tabula records nothing more from it, but what it stored before
// is still there. Count it, and if there is any, offer to forget it (nothing shows when none is).
import { useEffect, useState } from 'preact/hooks';
import type { ForgetRequest, ForgetResult } from '../../../extension/contract-types';
import { useConnector } from '../../connector';
import { count } from '../../format';
import { Confirm, ErrorMessage, Notice } from '../../ui';
import { messageOf, useAction } from '../../use-request';
import { forgetSummary } from './forget-confirm';
import { countForget, type ForgetScope } from './forget-count';

interface ForgetOfferProps {
  /** The exclusion entry just saved, as stored (`paypal.com`, `*bank*`). */
  entry: string;
  onForgotten: (result: ForgetResult) => void;
  onDismiss: () => void;
}

export function ForgetOffer({ entry, onForgotten, onDismiss }: ForgetOfferProps) {
  const connector = useConnector();
  const forget = useAction('data/forget');
  const [request] = useState<ForgetRequest>(() => ({ scope: 'matching', entry }));
  const [stored, setStored] = useState<ForgetScope | undefined>(undefined);
  const [countError, setCountError] = useState<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    countForget(connector, request).then(
      (counted) => { if (current) setStored(counted); },
      (failure: unknown) => { if (current) setCountError(messageOf(failure)); },
    );
    return () => { current = false; };
  }, [connector, request]);
  const confirm = async () => {
    const result = await forget.run(request);
    if (result) onForgotten(result);
  };
  if (forget.result) return <Notice>{forgetSummary(forget.result)}</Notice>;
  if (countError) return <ErrorMessage>Could not count what is already stored for {entry}: {countError}</ErrorMessage>;
  if (!stored || stored.visits === 0) return null;
  return (
    <Confirm title={`Forget the ${count(stored.visits, 'visit')} already stored for ${entry}?`} confirmLabel="Forget"
      onConfirm={confirm} onCancel={onDismiss} pending={forget.pending}>
      <p>{entry} is excluded from now on. Tabula can also delete {stored.description}, then relearn its model from the
        visits that remain.</p>
      {forget.error && <ErrorMessage>Nothing was forgotten: {forget.error}</ErrorMessage>}
    </Confirm>
  );
}
