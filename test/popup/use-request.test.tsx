// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VisitPage } from '../../extension/contract-types';
import { useRequest } from '../../popup/use-request';
import { deferred, fakeConnector, renderWith } from './fake-connector';
import { visits } from './fixtures';

vi.mock('../../extension/browser-api', () => ({ browser: {} }));
afterEach(cleanup);

function Visits() {
  const [search, setSearch] = useState('first');
  const { data, error, loading, reload } = useRequest('data/visits', { search });
  return (
    <div>
      <p data-testid="state">{loading ? 'loading' : error ?? data?.visits.map((v) => v.title).join('|')}</p>
      <button onClick={() => setSearch('second')}>second</button>
      <button onClick={reload}>reload</button>
    </div>
  );
}

const page = (title: string): VisitPage => ({ visits: [{ ...visits()[0], title }], total: 1 });

describe('useRequest', () => {
  it('ignores an answer to an older payload that arrives after the newer one', async () => {
    const first = deferred<VisitPage>();
    const second = deferred<VisitPage>();
    const connector = fakeConnector({ 'data/visits': ({ search }) => (search === 'first' ? first.promise : second.promise) });
    renderWith(connector, <Visits />);
    fireEvent.click(screen.getByText('second'));
    await act(async () => { second.resolve(page('newer')); });
    await act(async () => { first.resolve(page('older')); });
    expect(screen.getByTestId('state').textContent).toBe('newer');
  });

  it('asks again on reload and turns a failure into a message', async () => {
    let round = 0;
    const connector = fakeConnector({
      'data/visits': () => { round++; if (round === 2) throw new Error('Database closed.'); return page(`round ${round}`); },
    });
    renderWith(connector, <Visits />);
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('round 1'));
    fireEvent.click(screen.getByText('reload'));
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('Database closed.'));
    expect(connector.sent('data/visits')).toEqual([{ search: 'first' }, { search: 'first' }]);
  });
});
