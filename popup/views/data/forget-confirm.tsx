// The forgetting flow: count what will go, say it, wait for a confirmation, forget, then report
// what was removed and how many visits the model relearned from.
import { useEffect, useState } from 'preact/hooks';
import type { ForgetRequest, ForgetResult, StoredVisit } from '../../../extension/contract-types';
import { useConnector } from '../../connector';
import { count } from '../../format';
import { Confirm, ErrorMessage } from '../../ui';
import { messageOf, useAction } from '../../use-request';
import { countForget, type ForgetScope } from './forget-count';

interface ForgetConfirmProps {
  request: ForgetRequest;
  visit?: StoredVisit;
  onDone: (result: ForgetResult) => void;
  onCancel: () => void;
}

export function ForgetConfirm({ request, visit, onDone, onCancel }: ForgetConfirmProps) {
  const connector = useConnector();
  const forget = useAction('data/forget');
  const [scope, setScope] = useState<ForgetScope | undefined>(undefined);
  const [countError, setCountError] = useState<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    countForget(connector, request, visit).then(
      (counted) => { if (current) setScope(counted); },
      (failure: unknown) => { if (current) setCountError(messageOf(failure)); },
    );
    return () => { current = false; };
  }, [connector, request, visit]);
  const confirm = async () => {
    const result = await forget.run(request);
    if (result) onDone(result);
  };
  return (
    <Confirm title="Forget for good?" confirmLabel={request.scope === 'all' ? 'Forget everything' : 'Forget'}
      onConfirm={confirm} onCancel={onCancel} pending={forget.pending} ready={scope !== undefined && scope.visits > 0}>
      {scope ? (
        <p>Tabula will delete {scope.description}, then relearn its model from the visits that remain.</p>
      ) : countError ? <ErrorMessage>Could not count what would be forgotten: {countError}</ErrorMessage>
        : <p role="status">Counting what would be forgotten…</p>}
      {scope?.visits === 0 && <p>There is nothing to forget.</p>}
      {forget.error && <ErrorMessage>Nothing was forgotten: {forget.error}</ErrorMessage>}
    </Confirm>
  );
}

export function forgetSummary(result: ForgetResult): string {
  return `Forgot ${count(result.removedVisits, 'visit')} and ${count(result.removedEvents, 'interaction event')}. `
    + `Tabula relearned its model from ${count(result.relearnedVisits, 'remaining visit')}.`;
}
