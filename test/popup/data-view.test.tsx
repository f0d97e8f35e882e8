// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ForgetRequest, ForgetResult, Settings, StoredVisit, VisitQuery } from '../../extension/contract-types';
import { isExcluded } from '../../extension/exclusions';
import { dayKey } from '../../popup/format';
import { DataView } from '../../popup/views/data';
import { deferred, fakeConnector, renderWith } from './fake-connector';
import { NOW, settings, status, visit, visits } from './fixtures';

vi.mock('../../extension/browser-api', () => ({ browser: {} }));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const EVENTS_PER_VISIT = 30;

/** A small stand-in for the stored visits: filters like the background, forgets for real. */
function store(initial: StoredVisit[] = visits()) {
  let stored = [...initial];
  let current = settings();
  const list = ({ search, host, limit = 50, offset = 0 }: VisitQuery) => {
    const matching = stored.filter((v) => (!host || v.host === host)
      && (!search || `${v.title} ${v.url}`.toLowerCase().includes(search.toLowerCase())));
    return { visits: matching.slice(offset, offset + limit), total: matching.length };
  };
  const goes = (request: ForgetRequest) => (v: StoredVisit) => (request.scope === 'all') || (request.scope === 'visit' && v.id === request.id)
    || (request.scope === 'site' && v.host === request.host) || (request.scope === 'day' && dayKey(v.startedAt) === request.day)
    || (request.scope === 'matching' && isExcluded(v.host, v.path, [request.entry]));
  const preview = (request: ForgetRequest) => {
    const visits = stored.filter(goes(request)).length;
    return { visits, events: visits * EVENTS_PER_VISIT };
  };
  const forget = (request: ForgetRequest) => {
    const before = stored.length;
    stored = stored.filter((v) => !goes(request)(v));
    return { removedVisits: before - stored.length, removedEvents: (before - stored.length) * EVENTS_PER_VISIT, relearnedVisits: stored.length };
  };
  const connector = fakeConnector({
    'data/visits': list,
    'data/forget-preview': preview,
    'data/forget': forget,
    'settings/get': () => current,
    'settings/set': (change: Partial<Settings>) => (current = { ...current, ...change }),
  });
  return connector;
}

async function showData(connector = store(), currentHost = 'github.com') {
  renderWith(connector, <DataView currentHost={currentHost} />);
  await screen.findByText(/visits stored/);
  return connector;
}

const rows = () => screen.getAllByRole('listitem').filter((item) => item.classList.contains('visit-row'));

const ROW_PX = 48;
const LIST_TOP = 400; // the sections above the list

/**
 * Gives the page a layout (happy-dom has none): a view `viewPx` high, the visit list `LIST_TOP` below
 * the top of the page and rows of `ROW_PX`; `scrollTo` moves the view down the page as scrolling does.
 */
function layout({ viewPx }: { viewPx: number }) {
  let scrolled = 0;
  vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(viewPx);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const top = this.classList.contains('visit-list') ? LIST_TOP - scrolled : 0;
    const height = this.classList.contains('visit-row') ? ROW_PX : 0;
    return { top, height, bottom: top + height, left: 0, right: 0, width: 0, x: 0, y: top, toJSON: () => ({}) };
  });
  return {
    scrolled: () => scrolled,
    scrollTo(y: number) {
      scrolled = y;
      act(() => { window.dispatchEvent(new Event('scroll')); });
    },
  };
}

/** The drawn rows' places in the list (from 1), as screen readers are told them. */
const positions = () => rows().map((row) => Number(row.getAttribute('aria-posinset')));

describe('Data view: visits', () => {
  it('lists recent visits with their site, and searches them', async () => {
    const connector = await showData();
    expect(rows().map((row) => row.querySelector('.visit-title')?.textContent)).toEqual(visits().map((v) => v.title));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search visits' }), { target: { value: 'tabula ' } });
    await screen.findByText('2 visits match “tabula”');
    expect(rows().map((row) => row.querySelector('.visit-title')?.textContent)).toEqual([
      'example/tabula: on-device user model', 'Pull requests · example/tabula',
    ]);
    expect(connector.sent('data/visits').at(-1)).toEqual({ search: 'tabula', limit: 50, offset: 0 });
  });

  it('pages through long lists with "Show more", asking for each page by its offset', async () => {
    const many = Array.from({ length: 120 }, (_, i) => visit(1000 - i, 'example.org', NOW - i * 60_000));
    layout({ viewPx: 100_000 }); // a view tall enough to draw every row
    const connector = await showData(store(many));
    expect(rows()).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(rows()).toHaveLength(100));
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(rows()).toHaveLength(120));
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(connector.sent('data/visits').map((query) => query.offset)).toEqual([0, 50, 100]);
    expect(rows().map((row) => row.querySelector('.visit-title')?.textContent)).toEqual(many.map((v) => v.title));
  });

  it('lists a visit recorded between two pages once', async () => {
    const many = Array.from({ length: 60 }, (_, i) => visit(1000 - i, 'example.org', NOW - i * 60_000));
    layout({ viewPx: 100_000 });
    const connector = await showData(store(many));
    const list = connector.answers['data/visits'] as (query: VisitQuery) => { visits: StoredVisit[]; total: number };
    // A new visit comes first: the second page, by offset, starts with the last visit of the first.
    connector.answers['data/visits'] = (query: VisitQuery) => {
      const answer = list({ ...query, offset: Math.max(0, (query.offset ?? 0) - 1) });
      return { ...answer, total: answer.total + 1 };
    };
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(rows()).toHaveLength(60));
    expect(new Set(rows().map((row) => row.querySelector('.visit-title')?.textContent)).size).toBe(60);
  });

  it('forgets a site after a confirmation that counts its visits, then reports the relearning', async () => {
    const connector = await showData();
    fireEvent.click(screen.getAllByRole('button', { name: 'Forget the whole site github.com' })[0]);
    const confirm = await screen.findByRole('group', { name: 'Forget for good?' });
    await within(confirm).findByText(/all 2 visits to github\.com and their 60 interaction events, then relearn/);
    expect(connector.sent('data/forget-preview')).toEqual([{ scope: 'site', host: 'github.com' }]);
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(connector.sent('data/forget')).toEqual([]);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Forget' }));
    await screen.findByText('Forgot 2 visits and 60 interaction events. Tabula relearned its model from 3 remaining visits.');
    expect(connector.sent('data/forget')).toEqual([{ scope: 'site', host: 'github.com' }]);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.queryByRole('group', { name: 'Forget for good?' })).toBeNull();
  });

  it('shows the relearning\'s progress while a forget runs', async () => {
    const connector = await showData();
    const forgetting = deferred<ForgetResult>();
    connector.answers['data/forget'] = () => forgetting.promise;
    connector.answers['background/status'] = status({ relearning: true, progress: { step: 'relearning', done: 2500, total: 30000 } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Forget the whole site github.com' })[0]);
    const confirm = await screen.findByRole('group', { name: 'Forget for good?' });
    await within(confirm).findByText(/all 2 visits to github\.com/);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Forget' }));
    expect(await within(confirm).findByText('Deleting…')).toBeTruthy();
    await within(confirm).findByText('Relearning: 2,500 of 30,000 visits', {}, { timeout: 2_000 });
    expect(within(confirm).getByRole('progressbar', { name: 'Relearning' }).getAttribute('value')).toBe('2500');
    forgetting.resolve({ removedVisits: 2, removedEvents: 60, relearnedVisits: 29998 });
    await screen.findByText(/Forgot 2 visits/);
    expect(screen.queryByText(/Relearning:/)).toBeNull();
  });

  it('forgets one visit, and nothing when cancelled', async () => {
    const connector = await showData();
    fireEvent.click(screen.getAllByRole('button', { name: 'Forget this visit to news.ycombinator.com' })[0]);
    const confirm = await screen.findByRole('group', { name: 'Forget for good?' });
    await within(confirm).findByText(/1 visit: “Hacker News” on news\.ycombinator\.com and its 30 interaction events/);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: 'Forget for good?' })).toBeNull();
    expect(connector.sent('data/forget')).toEqual([]);
    fireEvent.click(screen.getAllByRole('button', { name: 'Forget this visit to news.ycombinator.com' })[0]);
    fireEvent.click(within(await screen.findByRole('group', { name: 'Forget for good?' })).getByRole('button', { name: 'Forget' }));
    await screen.findByText(/Forgot 1 visit and 30 interaction events/);
    expect(connector.sent('data/forget')).toEqual([{ scope: 'visit', id: 56 }]);
  });

  it('forgets a day after the background has counted its visits', async () => {
    const fiveDaysAgo = NOW - 5 * 24 * 3600_000;
    const many = [
      ...Array.from({ length: 600 }, (_, i) => visit(5000 - i, 'example.org', NOW - i * 60_000)),
      ...Array.from({ length: 30 }, (_, i) => visit(3000 - i, 'example.org', fiveDaysAgo - i * 10_000)),
    ];
    const today = many.filter((v) => dayKey(v.startedAt) === dayKey(NOW)).length;
    const words = (n: number) => n.toLocaleString('en');
    const connector = await showData(store(many));
    fireEvent.click(screen.getAllByRole('button', { name: /Forget the whole day / })[0]);
    const confirm = await screen.findByRole('group', { name: 'Forget for good?' });
    await within(confirm).findByText(`Tabula will delete all ${words(today)} visits of Mar 14, 2025 and their ${words(today * 30)} interaction events, then relearn its model from the visits that remain.`);
    within(confirm).getByText('It stays forgotten: importing a data file, even one exported before, does not bring it back.');
    expect(connector.sent('data/forget-preview')).toEqual([{ scope: 'day', day: dayKey(NOW) }]);
    expect(connector.sent('data/visits').map((query) => query.offset)).toEqual([0]); // counted by the background, not by paging the list
    fireEvent.click(within(confirm).getByRole('button', { name: 'Forget' }));
    await screen.findByText(`Forgot ${words(today)} visits and ${words(today * 30)} interaction events. Tabula relearned its model from ${words(many.length - today)} remaining visits.`);
    expect(connector.sent('data/forget')).toEqual([{ scope: 'day', day: dayKey(NOW) }]);
  });

  it('offers nothing to confirm when the preview counts nothing to forget', async () => {
    const connector = await showData();
    connector.answers['data/forget-preview'] = { visits: 0, events: 0 };
    fireEvent.click(screen.getAllByRole('button', { name: 'Forget this visit to github.com' })[0]);
    const confirm = await screen.findByRole('group', { name: 'Forget for good?' });
    await within(confirm).findByText('There is nothing to forget.');
    expect((within(confirm).getByRole('button', { name: 'Forget' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says so when what would be forgotten cannot be counted, and forgets nothing', async () => {
    const connector = await showData();
    connector.answers['data/forget-preview'] = new Error('The database is closed.');
    fireEvent.click(screen.getAllByRole('button', { name: 'Forget the whole site github.com' })[0]);
    const confirm = await screen.findByRole('group', { name: 'Forget for good?' });
    await within(confirm).findByText('Could not count what would be forgotten: The database is closed.');
    expect((within(confirm).getByRole('button', { name: 'Forget' }) as HTMLButtonElement).disabled).toBe(true);
    expect(connector.sent('data/forget')).toEqual([]);
  });

  it('forgets everything after saying how many visits go', async () => {
    const connector = await showData();
    fireEvent.click(screen.getByRole('button', { name: 'Forget everything…' }));
    const confirm = await screen.findByRole('group', { name: 'Forget for good?' });
    await within(confirm).findByText(/every stored visit \(5\) and every interaction event \(150\)/);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Forget everything' }));
    await screen.findByText(/Forgot 5 visits/);
    expect(connector.sent('data/forget')).toEqual([{ scope: 'all' }]);
    await screen.findByText('0 visits stored');
  });

  it('keeps the confirmation and says nothing was forgotten when forgetting fails', async () => {
    const connector = await showData();
    connector.answers['data/forget'] = new Error('The database is busy.');
    fireEvent.click(screen.getAllByRole('button', { name: 'Forget this visit to github.com' })[0]);
    fireEvent.click(within(await screen.findByRole('group', { name: 'Forget for good?' })).getByRole('button', { name: 'Forget' }));
    await screen.findByText('Nothing was forgotten: The database is busy.');
    expect(rows()).toHaveLength(5);
  });
});

describe('Data view: a long list draws only the rows near the view', () => {
  const many = () => Array.from({ length: 120 }, (_, i) => visit(1000 - i, `site${i % 7}.example`, NOW - i * 60_000));
  const titles = () => rows().map((row) => row.querySelector('.visit-title')?.textContent);

  it('draws the rows in view and a few more, tells each row its place, and draws the next ones as it is scrolled', async () => {
    const view = layout({ viewPx: 600 });
    const visits = many();
    const connector = await showData(store(visits));
    // 200 px of the list are in view at first: about 4 rows of 48 px, then a few more below.
    expect(positions()).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(rows().every((row) => row.getAttribute('aria-setsize') === '120')).toBe(true);
    expect(connector.sent('data/visits').map((query) => query.offset)).toEqual([0]);
    const list = document.querySelector<HTMLElement>('.visit-list')!;
    // Row 60 at the top of the view: the second page was asked for ahead of the view, and the rows
    // around it are drawn, in their places, the rows before them standing as padding.
    view.scrollTo(LIST_TOP + 59 * ROW_PX);
    await waitFor(() => expect(positions()[0]).toBe(49));
    expect(connector.sent('data/visits').map((query) => query.offset)).toEqual([0, 50]);
    expect(positions()).toEqual(Array.from({ length: 32 }, (_, i) => 49 + i));
    expect(titles()).toEqual(visits.slice(48, 80).map((v) => v.title));
    expect(list.style.paddingTop).toBe(`${48 * ROW_PX}px`);
    // To the end: the last page, and the last row drawn; nothing more to show.
    view.scrollTo(LIST_TOP + 110 * ROW_PX);
    await waitFor(() => expect(positions().at(-1)).toBe(120));
    expect(connector.sent('data/visits').map((query) => query.offset)).toEqual([0, 50, 100]);
    expect(titles().at(-1)).toBe(visits[119].title);
    expect(list.style.paddingBottom).toBe('0px');
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
    // And back to the top.
    view.scrollTo(0);
    await waitFor(() => expect(positions()[0]).toBe(1));
    expect(rows().length).toBeLessThan(20);
  });

  it('draws the next row before the focus gets there, so Tab goes through every row', async () => {
    const view = layout({ viewPx: 600 });
    const visits = many();
    await showData(store(visits));
    for (let position = 0; position < visits.length;) {
      // The last button of the last row drawn: the next one in the page is the next row's first.
      const last = rows().at(-1)!;
      position = Number(last.getAttribute('aria-posinset'));
      if (position === visits.length) break;
      const buttons = within(last).getAllByRole('button');
      act(() => { buttons[buttons.length - 1].focus(); });
      const nextRow = () => rows().find((row) => Number(row.getAttribute('aria-posinset')) === position + 1);
      // At the end of a page, the next one may still be on its way (meanwhile Tab reaches "Show more").
      if (position % 50 === 0) await waitFor(() => expect(nextRow()).toBeDefined());
      const next = nextRow()!;
      expect(next, `row ${position + 1}, after focusing row ${position}`).toBeDefined();
      expect(last.nextElementSibling).toBe(next);
      expect(within(next).getAllByRole('button')[0].getAttribute('aria-label')).toBe(`Forget this visit to ${visits[position].host}`);
      // Then the browser scrolls the focused button into view.
      view.scrollTo(Math.max(view.scrolled(), LIST_TOP + position * ROW_PX - 600));
    }
    expect(positions().at(-1)).toBe(visits.length); // through the pages, asked for on the way
  });

  it('forgets a visit far down the list from its own row', async () => {
    const view = layout({ viewPx: 600 });
    const visits = many();
    const connector = await showData(store(visits));
    view.scrollTo(LIST_TOP + 100 * ROW_PX);
    await waitFor(() => expect(positions()).toContain(105));
    const row = rows().find((item) => item.getAttribute('aria-posinset') === '105')!;
    fireEvent.click(within(row).getByRole('button', { name: `Forget this visit to ${visits[104].host}` }));
    const confirm = await screen.findByRole('group', { name: 'Forget for good?' });
    await within(confirm).findByText(new RegExp(`“${visits[104].title}”`));
    fireEvent.click(within(confirm).getByRole('button', { name: 'Forget' }));
    await screen.findByText(/Forgot 1 visit/);
    expect(connector.sent('data/forget')).toEqual([{ scope: 'visit', id: visits[104].id }]);
    await screen.findByText('119 visits stored');
  });
});

describe('Data view: recording controls', () => {
  it('pauses and resumes recording', async () => {
    const connector = await showData();
    const toggle = await screen.findByRole('checkbox', { name: /Pause Tabula/ }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.checked).toBe(true));
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.checked).toBe(false));
    expect(connector.sent('settings/set')).toEqual([{ paused: true }, { paused: false }]);
  });

  it('offers no exclusion of the current site when a pattern covers it already', async () => {
    const connector = store();
    await connector.send('settings/set', { excluded: ['*bank*'] });
    await showData(connector, 'www.mybank.example');
    await screen.findByText('1 excluded site or page');
    expect(screen.queryByRole('button', { name: /^Exclude / })).toBeNull();
  });

  it('excludes the current site in one press, listed first as the last added, and removes entries', async () => {
    const connector = await showData(store(), 'www.github.com');
    const list = () => screen.getAllByRole('listitem').filter((item) => item.closest('.exclusion-list')).map((item) => item.firstChild?.textContent);
    await waitFor(() => expect(list()).toEqual(['mail.proton.me', 'bank.example.com']));
    // Folded under a count, since the default list is long.
    const folded = screen.getByText('2 excluded sites and pages');
    expect(folded.tagName).toBe('SUMMARY');
    expect(folded.closest('details')?.open).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Exclude github.com' }));
    await waitFor(() => expect(list()).toEqual(['github.com', 'mail.proton.me', 'bank.example.com']));
    expect(screen.queryByRole('button', { name: 'Exclude github.com' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove mail.proton.me from the exclusion list' }));
    await waitFor(() => expect(list()).toEqual(['github.com', 'bank.example.com']));
    expect(connector.sent('settings/set')).toEqual([
      { excluded: ['bank.example.com', 'mail.proton.me', 'github.com'] },
      { excluded: ['bank.example.com', 'github.com'] },
    ]);
  });

  it('does not offer to exclude a site an entry already covers', async () => {
    await showData(store(), 'online.bank.example.com');
    await screen.findByText('bank.example.com');
    expect(screen.queryByRole('button', { name: /^Exclude / })).toBeNull();
  });

  it('adds a typed site by its host name and refuses what is not one', async () => {
    const connector = await showData();
    const field = await screen.findByRole('textbox', { name: 'Exclude a site' });
    fireEvent.input(field, { target: { value: 'not a site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await screen.findByText(/does not look like a site name/);
    expect(connector.sent('settings/set')).toEqual([]);
    fireEvent.input(field, { target: { value: 'https://www.Reddit.com/r/all' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await screen.findByText('reddit.com');
    expect(connector.sent('settings/set')).toEqual([{ excluded: ['bank.example.com', 'mail.proton.me', 'reddit.com'] }]);
  });

  it('changes how long visits are kept', async () => {
    const connector = await showData();
    const days = await screen.findByRole('spinbutton', { name: 'Keep visits for (days)' }) as HTMLInputElement;
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect([days.value, save.disabled]).toEqual(['90', true]);
    fireEvent.input(days, { target: { value: '0' } });
    expect(save.disabled).toBe(true);
    fireEvent.input(days, { target: { value: '30' } });
    fireEvent.click(save);
    await screen.findByText(/older than 30 days are deleted/);
    expect(connector.sent('settings/set')).toEqual([{ visitRetentionDays: 30 }]);
  });
});

describe('Data view: forgetting what is stored for a site just excluded', () => {
  const offer = () => screen.queryByRole('group', { name: /already stored for/ });

  it('once the exclusion is saved, offers to forget the visits already stored for the site, and forgets them', async () => {
    const connector = await showData(store(), 'www.github.com');
    fireEvent.click(screen.getByRole('button', { name: 'Exclude github.com' }));
    const confirm = await screen.findByRole('group', { name: 'Forget the 2 visits already stored for github.com?' });
    await within(confirm).findByText(/delete all 2 visits to github\.com and their 60 interaction events, then relearn/);
    expect(connector.calls.map((call) => call.type).filter((type) => type !== 'data/visits')).toEqual(['settings/get', 'settings/set', 'data/forget-preview']);
    expect(connector.sent('data/forget-preview')).toEqual([{ scope: 'matching', entry: 'github.com' }]);
    expect(connector.sent('data/forget')).toEqual([]);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Forget' }));
    await screen.findByText('Forgot 2 visits and 60 interaction events. Tabula relearned its model from 3 remaining visits.');
    expect(connector.sent('data/forget')).toEqual([{ scope: 'matching', entry: 'github.com' }]);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(offer()).toBeNull();
  });

  it('offers it for a typed site too, and keeps the visits when declined', async () => {
    const connector = await showData();
    fireEvent.input(await screen.findByRole('textbox', { name: 'Exclude a site' }), { target: { value: 'news.ycombinator.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    const confirm = await screen.findByRole('group', { name: 'Forget the 1 visit already stored for news.ycombinator.com?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(offer()).toBeNull();
    expect(connector.sent('data/forget')).toEqual([]);
    expect(rows()).toHaveLength(5);
  });

  it('offers nothing when nothing is stored for the new entry, and says so', async () => {
    const connector = await showData();
    fireEvent.input(await screen.findByRole('textbox', { name: 'Exclude a site' }), { target: { value: 'reddit.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(connector.sent('data/forget-preview')).toEqual([{ scope: 'matching', entry: 'reddit.com' }]));
    await screen.findByText('reddit.com');
    await screen.findByText('reddit.com is excluded from now on. Tabula had stored nothing of it.');
    expect(offer()).toBeNull();
  });

  it('takes the notice of an exclusion away when the entry is removed again', async () => {
    await showData();
    fireEvent.input(await screen.findByRole('textbox', { name: 'Exclude a site' }), { target: { value: 'reddit.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await screen.findByText('reddit.com is excluded from now on. Tabula had stored nothing of it.');
    fireEvent.click(screen.getByRole('button', { name: 'Remove reddit.com from the exclusion list' }));
    await waitFor(() => expect(screen.queryByText(/reddit\.com is excluded from now on/)).toBeNull());
  });

  it('shows one notice at a time: a forget after an exclusion takes the exclusion\'s away', async () => {
    await showData(store(), 'www.github.com');
    fireEvent.click(screen.getByRole('button', { name: 'Exclude github.com' }));
    fireEvent.click(within(await screen.findByRole('group', { name: /already stored for github\.com/ })).getByRole('button', { name: 'Forget' }));
    await screen.findByText(/^Forgot 2 visits/);
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(screen.getAllByRole('button', { name: /Forget this visit to / })[0]);
    fireEvent.click(within(await screen.findByRole('group', { name: 'Forget for good?' })).getByRole('button', { name: 'Forget' }));
    await screen.findByText(/^Forgot 1 visit /);
    expect(screen.getAllByText(/^Forgot /)).toHaveLength(1);
  });

  it('asks nothing when the exclusion could not be saved', async () => {
    const connector = await showData(store(), 'github.com');
    connector.answers['settings/set'] = new Error('The database is busy.');
    fireEvent.click(screen.getByRole('button', { name: 'Exclude github.com' }));
    await screen.findByText('The change was not saved: The database is busy.');
    expect(connector.sent('data/forget-preview')).toEqual([]);
    expect(offer()).toBeNull();
  });

  it('reads a site shown or typed with the final root dot as the site itself', async () => {
    const connector = await showData(store(), 'www.github.com.');
    fireEvent.click(screen.getByRole('button', { name: 'Exclude github.com' }));
    await screen.findByRole('group', { name: /already stored for github\.com/ });
    fireEvent.input(screen.getByRole('textbox', { name: 'Exclude a site' }), { target: { value: 'https://PayPal.com./myaccount' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await screen.findByText('paypal.com');
    expect(connector.sent('settings/set').map((change) => change.excluded?.at(-1))).toEqual(['github.com', 'paypal.com']);
  });
});
