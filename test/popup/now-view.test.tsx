// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TabPrediction } from '../../extension/contract-types';
import { PopupApp } from '../../popup/popup-app';
import { strongest } from '../../popup/charts/contribution-bars';
import { deferred, fakeConnector, renderWith } from './fake-connector';
import { prediction, settings, status } from './fixtures';

vi.mock('../../extension/browser-api', () => ({ browser: {} }));
afterEach(cleanup);

async function showNow(answer: TabPrediction | Error, more = {}) {
  const connector = fakeConnector({ 'tab/predict': answer, ...more });
  const onReady = vi.fn();
  renderWith(connector, <PopupApp onReady={onReady} />);
  await waitFor(() => expect(onReady).toHaveBeenCalled());
  return { connector, onReady };
}

describe('Now view with a prediction', () => {
  it('shows the chance of an engaged visit, the active time and the likely next sites', async () => {
    const { onReady } = await showNow(prediction());
    expect(onReady).toHaveBeenCalledWith('predictions', 'live');
    expect(screen.getByText('72%')).toBeTruthy();
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('72');
    expect(screen.getByText('about 3 min')).toBeTruthy();
    const next = screen.getAllByRole('listitem').filter((item) => item.closest('.next-sites'));
    expect(next.map((item) => item.textContent)).toEqual(['news.ycombinator.com31%', 'docs.python.org18%', 'mail.proton.me9%']);
  });

  it('tells unnamed sites (of a model file without names) apart by number, and links none of them', async () => {
    const next = [{ host: '', probability: 0.52 }, { host: 'docs.python.org', probability: 0.2 }, { host: '', probability: 0.08 }];
    await showNow({ ...prediction(), next });
    const items = screen.getAllByRole('listitem').filter((item) => item.closest('.next-sites'));
    expect(items.map((item) => item.textContent)).toEqual(['Unnamed site 152%', 'docs.python.org20%', 'Unnamed site 28%']);
    expect(items[0].querySelector('button')).toBeNull();
    expect(items[0].querySelector('.site')?.getAttribute('title')).toMatch(/gets its name back when you visit it/);
  });

  it('opens a predicted site when it is pressed', async () => {
    const { connector } = await showNow(prediction());
    fireEvent.click(screen.getByRole('button', { name: /docs\.python\.org/ }));
    expect(connector.openedSites).toEqual(['docs.python.org']);
  });

  it('explains each prediction by its five largest pushes, in percentage points and time, from a stated baseline', async () => {
    await showNow(prediction());
    const engaged = screen.getByRole('list', { name: 'What moves the engaged visit prediction' });
    const items = within(engaged).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.feature')?.textContent)).toEqual([
      'site: github.com', 'came from: news.ycombinator.com', 'hour: 21:00', 'day: Friday', 'title word: readme',
    ]);
    expect(items.map((item) => item.className)).toEqual(['up', 'down', 'up', 'down', 'up']);
    expect(items.map((item) => item.querySelector('.effect')?.textContent)).toEqual([
      'pushes up +84.0 points', 'pushes down −41.0 points', 'pushes up +31.0 points', 'pushes down −22.0 points', 'pushes up +12.0 points',
    ]);
    // The strongest push gets the longest bar: half the track.
    expect((items[0].querySelector('.fill') as HTMLElement).style.width).toBe('50%');
    const groups = [...document.querySelectorAll('.why .contribution-group')];
    expect(groups.map((group) => group.querySelector('.baseline')?.textContent)).toEqual([
      'Without any of these features the model would say 31%; their pushes add up to the difference from the prediction.',
      'Without any of these features the model would say about 45 s; their pushes add up to the difference from the prediction.',
      'The chance of news.ycombinator.com coming next; without any of these features the model would say 12%; their pushes add up to the difference from the prediction.',
    ]);
    const time = within(screen.getByRole('list', { name: 'What moves the active time prediction' })).getAllByRole('listitem');
    expect(time.map((item) => item.querySelector('.effect')?.textContent)).toEqual(['pushes up +1 min', 'pushes up +25 s', 'pushes down −18 s']);
  });

  it('keeps the other pushes one click away, on the same scale', async () => {
    await showNow(prediction());
    const more = screen.getByText('2 more features').closest('details')!;
    expect(more.open).toBe(false);
    const rest = within(more).getByRole('list', { name: 'What moves the engaged visit prediction: the other features' });
    const items = within(rest).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.feature')?.textContent)).toEqual(['page kind: listing', 'title word: main']);
    expect(parseFloat((items[0].querySelector('.fill') as HTMLElement).style.width)).toBeCloseTo((0.05 / 0.84) * 50, 5);
    // Three pushes of active time and two of the next site: nothing is left to disclose.
    expect(document.querySelectorAll('.why details')).toHaveLength(1);
  });

  it('sends a correction and shows which one was given', async () => {
    const { connector } = await showNow(prediction(), {
      'tab/feedback': ({ verdict }: { verdict: 'useful' | 'not-interested' }) => prediction({ feedback: verdict, engaged: verdict === 'useful' ? 0.9 : 0.1 }),
    });
    const notInterested = screen.getByRole('button', { name: 'Not interested' });
    expect(notInterested.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(notInterested);
    await waitFor(() => expect(notInterested.getAttribute('aria-pressed')).toBe('true'));
    expect(connector.sent('tab/feedback')).toEqual([{ verdict: 'not-interested', url: 'https://github.com/example/tabula/blob/main/README.md' }]);
    expect(screen.getByText('10%')).toBeTruthy();
    expect(screen.getByText(/Noted: Tabula learned this visit as one that did not interest you, and the predictions above now count it/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'This was useful' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'This was useful' }).getAttribute('aria-pressed')).toBe('true'));
    expect(notInterested.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByText(/Noted: Tabula learned this visit as a useful one/)).toBeTruthy();
  });

  it('keeps the space of the prediction while it loads', async () => {
    const pending = deferred<TabPrediction>();
    const connector = fakeConnector({ 'tab/predict': () => pending.promise });
    const onReady = vi.fn();
    const { container } = renderWith(connector, <PopupApp onReady={onReady} />);
    const skeleton = container.querySelector('.skeleton') as HTMLElement;
    expect(skeleton.style.height).toBe('360px');
    expect(screen.getByRole('status').textContent).toBe('Loading predictions…');
    expect(onReady).not.toHaveBeenCalled();
    pending.resolve(prediction());
    await waitFor(() => expect(onReady).toHaveBeenCalledWith('predictions', 'live'));
    expect(container.querySelector('.skeleton')).toBeNull();
  });

  it('says so when the prediction cannot be had, and still settles', async () => {
    const { onReady } = await showNow(new Error('Tabula’s background did not answer.'));
    expect(onReady).toHaveBeenCalledWith('error', 'live');
    expect(screen.getByRole('alert').textContent).toContain('did not answer');
  });
});

describe('Now view states', () => {
  it('no data: says how many more visits until predictions mean something', async () => {
    await showNow(prediction({ status: 'no-data', engaged: undefined, visitsLearned: 12, visitsUntilUseful: 38 }));
    expect(screen.getByText(/learned from 12 visits/)).toBeTruthy();
    expect(screen.getByText('38 more visits')).toBeTruthy();
    const progress = screen.getByRole('progressbar', { name: 'Learning progress' }) as HTMLProgressElement;
    expect([progress.value, progress.max]).toEqual([12, 50]);
  });

  it('no data for this page although the model has learned enough elsewhere', async () => {
    await showNow(prediction({ status: 'no-data', visitsLearned: 400, visitsUntilUseful: 0 }));
    expect(screen.getByText(/not seen enough of pages like this one/)).toBeTruthy();
    expect(screen.queryByText(/more visits/)).toBeNull();
  });

  it('paused: resumes, then asks for the prediction again', async () => {
    const { connector } = await showNow(prediction({ status: 'paused' }), {
      'settings/get': settings({ paused: true }), 'settings/set': settings(),
    });
    expect(screen.getByText(/Tabula is paused/)).toBeTruthy();
    connector.answers['tab/predict'] = prediction();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(screen.getByText('72%')).toBeTruthy());
    expect(connector.sent('settings/set')).toEqual([{ paused: false }]);
    expect(connector.sent('tab/predict')).toHaveLength(2);
  });

  it('excluded: includes the site again by removing the entries that cover it', async () => {
    const { connector } = await showNow(prediction({ status: 'excluded', host: 'news.example.com' }), {
      'settings/get': settings({ excluded: ['example.com', 'other.org', 'news.example.com'] }),
      'settings/set': settings({ excluded: ['other.org'] }),
    });
    expect(screen.getByText(/is on your exclusion list/).textContent).toContain('news.example.com');
    connector.answers['tab/predict'] = prediction({ status: 'no-data', visitsUntilUseful: 5 });
    fireEvent.click(screen.getByRole('button', { name: 'Include news.example.com again' }));
    await waitFor(() => expect(screen.getByText('5 more visits')).toBeTruthy());
    expect(connector.sent('settings/set')).toEqual([{ excluded: ['other.org'] }]);
  });

  it('excluded: offers to forget what is still stored of the site, and says nothing when nothing is', async () => {
    const { connector } = await showNow(prediction({ status: 'excluded', host: 'video.example', excludedBy: ['video.example'] }), {
      'settings/get': settings({ excluded: ['video.example'] }),
      'data/forget-preview': ({ entry }: { entry: string }) => ({ visits: entry === 'video.example' ? 4 : 0, events: 9 }),
      'data/forget': { removedVisits: 4, removedEvents: 9, relearnedVisits: 30 },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Forget the 4 visits still stored for video.example…' }));
    const confirm = await screen.findByRole('group', { name: 'Forget for good?' });
    expect(confirm.textContent).toContain('all 4 visits to video.example and their 9 interaction events');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Forget' }));
    await screen.findByText('Forgot 4 visits and 9 interaction events. Tabula relearned its model from 30 remaining visits.');
    expect(connector.sent('data/forget')).toEqual([{ scope: 'matching', entry: 'video.example' }]);
    cleanup();
    await showNow(prediction({ status: 'excluded', host: 'other.example', excludedBy: ['other.example'] }), {
      'settings/get': settings({ excluded: ['other.example'] }),
      'data/forget-preview': { visits: 0, events: 0 },
    });
    await screen.findByText(/is on your exclusion list/);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('button', { name: /^Forget/ })).toBeNull();
  });

  it('excluded by a pattern: names the rule and sends the user to the whole list, offering no change that would not include the page', async () => {
    const { connector } = await showNow(prediction({ status: 'excluded', host: 'github.com', excludedBy: ['*/login*'] }), {
      'settings/get': settings({ excluded: ['*/login*', 'other.org'] }),
    });
    expect(screen.getByText(/is excluded by/).textContent).toBe('This page is excluded by */login* on your exclusion list: Tabula records nothing here. The list is in Data.');
    expect(screen.queryByRole('button', { name: /Include/ })).toBeNull();
    expect(connector.sent('settings/set')).toEqual([]);
  });

  it('excluded by a site entry and a pattern: names both, and offers no change that would leave the page excluded', async () => {
    await showNow(prediction({ status: 'excluded', host: 'github.com', excludedBy: ['github.com', '*/login*'] }), {
      'settings/get': settings({ excluded: ['github.com', '*/login*'] }),
    });
    expect(screen.getByText(/is excluded by/).textContent).toBe('This page is excluded by github.com, */login* on your exclusion list: Tabula records nothing here. The list is in Data.');
    expect(screen.queryByRole('button', { name: /Include/ })).toBeNull();
  });

  it('excluded by a site entry the host only ends with a dot of: removes the entries the background named', async () => {
    const { connector } = await showNow(prediction({ status: 'excluded', host: 'paypal.com.', excludedBy: ['paypal.com'] }), {
      'settings/get': settings({ excluded: ['paypal.com', 'other.org'] }),
      'settings/set': settings({ excluded: ['other.org'] }),
    });
    connector.answers['tab/predict'] = prediction({ status: 'no-data', visitsUntilUseful: 5 });
    fireEvent.click(screen.getByRole('button', { name: 'Include paypal.com. again' }));
    await waitFor(() => expect(connector.sent('settings/set')).toEqual([{ excluded: ['other.org'] }]));
  });

  it('excluded: a failed change is reported and the prediction is not asked again', async () => {
    const { connector } = await showNow(prediction({ status: 'excluded', host: 'example.com' }), {
      'settings/get': settings({ excluded: ['example.com'] }), 'settings/set': new Error('Storage is full.'),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Include example.com again' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Storage is full.'));
    expect(connector.sent('tab/predict')).toHaveLength(1);
  });

  it('while the model is relearned, says so with its progress, and shows the prediction once it is done', async () => {
    let relearning = true;
    const { connector } = await showNow(prediction({
      status: 'relearning', engaged: undefined, activeSeconds: undefined, next: undefined, why: undefined,
      visitsLearned: 1500, visitsUntilUseful: 0, progress: { step: 'relearning', done: 1500, total: 30000 },
    }), {
      'background/status': () => status(relearning ? { relearning: true, progress: { step: 'relearning', done: 12000, total: 30000 } } : {}),
    });
    expect(screen.getByText(/Tabula is relearning its model/)).toBeTruthy();
    expect(screen.getByText('Relearning: 1,500 of 30,000 visits')).toBeTruthy();
    expect(screen.queryByRole('meter')).toBeNull();
    await screen.findByText('Relearning: 12,000 of 30,000 visits', {}, { timeout: 2_000 });
    connector.answers['tab/predict'] = prediction();
    relearning = false;
    await screen.findByText('72%', {}, { timeout: 2_000 });
    expect(connector.sent('tab/predict')).toHaveLength(2);
  });

  it('browser pages, no page at all and private windows each get their own explanation', async () => {
    await showNow(prediction({ status: 'browser-page' }));
    expect(screen.getByText(/This is a browser page/)).toBeTruthy();
    cleanup();
    await showNow(prediction({ status: 'no-page' }));
    expect(screen.getByText(/Tabula has no open web page to predict for: go to one/)).toBeTruthy();
    cleanup();
    await showNow(prediction({ status: 'incognito' }));
    expect(screen.getByText(/never records private browsing/)).toBeTruthy();
    expect(screen.queryByRole('meter')).toBeNull();
  });
});

describe('strongest', () => {
  it('keeps the three strongest pushes each way, up first, strongest at the ends', () => {
    const picked = strongest([-1, 0.5, 2, -0.1, 0.2, 3, -2, -0.3, 0, 1].map((effect, i) => ({ feature: `f${i}`, effect })));
    expect(picked.map((c) => c.effect)).toEqual([3, 2, 1, -0.3, -1, -2]);
  });

  it('leaves out pushes too small to mean anything, rather than showing them as zero', () => {
    const picked = strongest([0.00004, -0.00009, 0.0002, -0.5].map((effect, i) => ({ feature: `f${i}`, effect })));
    expect(picked.map((c) => c.effect)).toEqual([0.0002, -0.5]);
  });
});
