// A page (the popup's or the dashboard's) shown on the sample: the banner that says so, with the
// way to close it, over the page's usual views, which ask the sample (sample-connector.ts). The
// sample is made (or found, after a reload) before the views appear; closing it deletes it.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { closeSample, openSample, SAMPLE_DAYS, type SampleOpened } from '../extension/sample/sample';
import { ConnectorContext } from './connector';
import { DashboardApp } from './dashboard-app';
import { PopupApp } from './popup-app';
import { sampleConnector } from './sample-connector';
import { ErrorMessage } from './ui';
import { markLive, markReady } from './use-first-screen';
import { messageOf } from './use-request';

type PageName = 'popup' | 'dashboard';

export function mountSample(root: HTMLElement, page: PageName): void {
  render(<SamplePage page={page} root={root} />, root);
}

function SamplePage({ page, root }: { page: PageName; root: HTMLElement }) {
  const [opened, setOpened] = useState<SampleOpened | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    openSample().then(setOpened, (failure: unknown) => setError(messageOf(failure)));
  }, []);
  const signals = { onReady: markReady(root), onLive: markLive(root) };
  return (
    <ConnectorContext.Provider value={sampleConnector}>
      <SampleBanner page={page} visits={opened?.visits} />
      {error && <ErrorMessage>The sample could not be made: {error}</ErrorMessage>}
      {!opened && !error && (
        <p class="sample-preparing" role="status">Making the sample: {SAMPLE_DAYS} days of a made-up person’s browsing, then learning them…</p>
      )}
      {opened && (page === 'popup' ? <PopupApp {...signals} /> : <DashboardApp {...signals} sample />)}
    </ConnectorContext.Provider>
  );
}

function SampleBanner({ page, visits }: { page: PageName; visits?: number }) {
  const [closing, setClosing] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const close = async () => {
    setClosing(true);
    try {
      await closeSample();
      location.replace(`${page}.html`);
    } catch (failure) {
      setError(messageOf(failure));
      setClosing(false);
    }
  };
  return (
    <aside class="sample-banner" aria-label="Sample data">
      <p>
        <strong>Sample data — not yours.</strong> Tabula after three months of a made-up person’s browsing
        {visits === undefined ? '' : ` (${visits.toLocaleString('en')} visits)`}, learned by a model of its own. Your data is not
        shown here, and nothing done here changes it.
      </p>
      <button type="button" onClick={() => void close()} disabled={closing}>{closing ? 'Closing…' : 'Close the sample'}</button>
      {error && <ErrorMessage>The sample could not be closed: {error}</ErrorMessage>}
    </aside>
  );
}
