// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LearnedView } from '../../popup/views/learned';
import { deferred, fakeConnector, renderWith } from './fake-connector';
import { habits, history, insights, overview, status } from './fixtures';

vi.mock('../../extension/browser-api', () => ({ browser: {} }));
afterEach(cleanup);

function showLearned(answers = {}) {
  const connector = fakeConnector({ 'model/overview': overview(), 'model/insights': insights(), ...answers });
  const view = renderWith(connector, <LearnedView />);
  return { connector, ...view };
}

function section(name: string) {
  return screen.getByRole('region', { name });
}

describe('Learned view', () => {
  it('holds a placeholder of fixed height in every section until the data is there', async () => {
    const { container } = showLearned();
    const heights = [...container.querySelectorAll<HTMLElement>('.skeleton')].map((s) => s.style.height);
    expect(heights).toEqual(['170px', '240px', '200px', '250px', '230px', '320px', '260px']);
    await screen.findByText('Visits learned');
    expect(container.querySelector('.skeleton')).toBeNull();
  });

  it('counts what the model has seen and is made of', async () => {
    showLearned();
    await screen.findByText('Visits learned');
    const counts = Object.fromEntries([...section('In numbers').querySelectorAll('dl > div')]
      .map((row) => [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent]));
    expect(counts['Visits learned']).toBe('1,412');
    expect(counts['Sites visited']).toBe('87');
    expect(counts['Visits stored']).toBe('1,398');
    expect(counts['Storage used']).toBe('2.2 MB');
    expect(counts['Model size']).toBe('medium, 52,480 weights (205.0 KB)');
    expect(counts['Learning since']).toMatch(/\d{4}/);
  });

  it('gives no learning dates for a model that has learned nothing (after forgetting everything)', async () => {
    showLearned({ 'model/overview': overview({ visitsLearned: 0, storedVisits: 0, history: [] }) });
    await screen.findByText('Visits learned');
    const names = [...section('In numbers').querySelectorAll('dt')].map((name) => name.textContent);
    expect(names).not.toContain('Learning since');
    expect(section('In numbers').textContent).toContain('Last learnednothing learned yet');
  });

  it('groups the features that matter most by kind, up and down coloured, on one scale per prediction', async () => {
    showLearned();
    const sites = await screen.findByRole('list', { name: 'Engaged visit: sites' });
    const page = screen.getByRole('list', { name: 'Engaged visit: the page' });
    const sequences = screen.getByRole('list', { name: 'Engaged visit: sequences' });
    const rows = (list: HTMLElement) => within(list).getAllByRole('listitem').map((item) => [item.querySelector('.feature')?.textContent, item.className]);
    expect(rows(sites)).toEqual([['site: github.com', 'up']]);
    expect(rows(page)).toEqual([['page kind: article', 'up'], ['page kind: video', 'down']]);
    expect(rows(sequences)).toEqual([['came from: t.co', 'down']]);
    expect([...section('What matters most').querySelectorAll('.contribution-group:first-of-type h4')].map((h) => h.textContent))
      .toEqual(['Sites', 'Sequences', 'The page']);
    // The largest push of the prediction, of whatever kind, is half the track.
    const width = (list: HTMLElement, i: number) => parseFloat((within(list).getAllByRole('listitem')[i].querySelector('.fill') as HTMLElement).style.width);
    expect(width(sites, 0)).toBe(50);
    expect(width(page, 0)).toBeCloseTo((0.44 / 0.92) * 50, 5);
    expect(screen.getByText('14 features held back: seen on one visit only, or title words and keywords made of digits.')).toBeTruthy();
  });

  it('gives each feature’s effect alone in percentage points and time, against the model with no feature', async () => {
    showLearned();
    const page = await screen.findByRole('list', { name: 'Engaged visit: the page' });
    expect(within(page).getAllByRole('listitem').map((item) => item.querySelector('.effect')?.textContent)).toEqual([
      'pushes up +44.0 points', 'pushes down −38.0 points',
    ]);
    const time = screen.getByRole('list', { name: 'Active time: sites' });
    expect(within(time).getAllByRole('listitem').map((item) => item.querySelector('.effect')?.textContent)).toEqual(['pushes up +5 min']);
    expect([...document.querySelectorAll('.top-features .baseline')].map((line) => line.textContent)).toEqual([
      'Each feature alone, against 38% with no feature at all.',
      'Each feature alone, against about 52 s with no feature at all.',
    ]);
  });

  it('shows five features of a kind at once, the largest first, and the others one click away', async () => {
    const engaged = [0.9, 0.5, -0.3, 0.2, 0.1, -0.05, -0.2, -0.6].map((effect, i) => ({ feature: `site: s${i}.example`, effect }));
    const top = insights().topFeatures;
    showLearned({ 'model/insights': insights({ topFeatures: { ...top, engaged } }) });
    const list = await screen.findByRole('list', { name: 'Engaged visit: sites' });
    expect(within(list).getAllByRole('listitem').map((item) => item.querySelector('.feature')?.textContent))
      .toEqual(['site: s0.example', 'site: s7.example', 'site: s1.example', 'site: s2.example', 'site: s3.example']);
    const more = screen.getByRole('list', { name: 'Engaged visit: sites: the other features' });
    expect(within(more).getAllByRole('listitem').map((item) => item.querySelector('.feature')?.textContent))
      .toEqual(['site: s6.example', 'site: s4.example', 'site: s5.example']);
    expect(more.closest('details')?.querySelector('summary')?.textContent).toBe('3 more features');
  });

  it('says what changed this week: quality a week ago and now, and the features whose effect moved most, in points and time', async () => {
    const metrics = (auc: number, mae: number, top3: number) => ({
      visits: 0, engagement: { logLoss: 0.6, baselineLogLoss: 0.69, accuracy: 0.7, auc, calibration: 1 },
      activeTime: { mae, baselineMae: 90 }, next: { transitions: 0, top1: 0.2, top3, baselineTop3: 0.3 },
    });
    const weekChange = {
      since: new Date(2026, 2, 8, 21, 15).getTime(), visitsThen: 6_210, visitsNow: 6_905,
      quality: { then: metrics(0.71, 64, 0.42), now: metrics(0.745, 58, 0.47) },
      moved: {
        engaged: [{ feature: 'site: github.com', then: 0.12, now: 0.185 }, { feature: 'keyword: compost', then: 0.01, now: -0.04 }],
        activeTime: [{ feature: 'page kind: video', then: 30, now: 95 }],
      },
    };
    showLearned({ 'model/insights': insights({ weekChange }) });
    const quality = await screen.findByRole('table', { name: 'How well it predicted, a week ago and now' });
    const cells = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((row) => [...row.children].map((cell) => cell.textContent));
    expect(cells(quality)).toEqual([
      ['Engagement AUC', '0.710', '0.745'], ['Engagement log loss', '0.600', '0.600'], ['Active time error', '1 min', '58 s'], ['Next site in top 3', '42.0%', '47.0%'],
    ]);
    expect(cells(screen.getByRole('table', { name: 'Engaged visit: the features whose effect moved most' }))).toEqual([
      ['site: github.com', '+12.0 points', '+18.5 points', '+6.5 points'],
      ['keyword: compost', '+1.0 points', '−4.0 points', '−5.0 points'],
    ]);
    expect(cells(screen.getByRole('table', { name: 'Active time: the features whose effect moved most' }))).toEqual([
      ['page kind: video', '+30 s', '+2 min', '+1 min'],
    ]);
    expect(section('What changed this week').textContent).toContain('6,210 visits learned; 695 visits learned since.');
  });

  it('says there is nothing to compare before a week of visits', async () => {
    showLearned();
    await screen.findByText('Nothing to compare yet: this appears once Tabula has learned from a week of visits.');
    expect(section('What changed this week').querySelector('table')).toBeNull();
  });

  it('draws the weekly habits as a 7 × 24 heatmap, summarised in words', async () => {
    showLearned();
    const heatmap = await screen.findByRole('img', { name: /Visits by weekday and hour/ });
    expect(heatmap.querySelectorAll('rect.cell')).toHaveLength(7 * 24);
    const total = habits().flat().reduce((sum, n) => sum + n, 0);
    expect(heatmap.querySelector('desc')?.textContent)
      .toBe(`${total.toLocaleString('en')} visits in all; busiest: Sat at 20:00 with 18 visits.`);
    const busiest = heatmap.querySelectorAll('rect.cell')[6 * 24 + 20];
    expect(busiest.getAttribute('fill-opacity')).toBe('1.00');
    const table = screen.getByRole('table', { name: 'Visits by weekday and hour' });
    expect(within(table).getAllByRole('row')).toHaveLength(8);
  });

  it('maps the sites, names the most visited, and names any dot pointed at or reached with the keyboard', async () => {
    showLearned();
    const map = await screen.findByRole('group', { name: /Your sites as the model sees them/ });
    const dots = within(map).getAllByRole('img');
    expect(dots.map((dot) => dot.getAttribute('aria-label'))).toEqual([
      'github.com, about 120 visits lately', 'docs.python.org, about 64 visits lately', 'youtube.com, about 50 visits lately', 'news.ycombinator.com, about 31 visits lately',
    ]);
    // x = 1 is the right edge of the plot, y = 1 its top; the most visited dot is the largest.
    expect(Number(dots[0].getAttribute('cx'))).toBe(286);
    expect(Number(dots[3].getAttribute('cy'))).toBe(14);
    expect(Number(dots[0].getAttribute('r'))).toBeGreaterThan(Number(dots[3].getAttribute('r')));
    expect(map.querySelector('desc')?.textContent).toContain('72 %');
    expect(screen.getByText(/Point at a dot/)).toBeTruthy();
    fireEvent.focus(dots[2]);
    expect(await screen.findByText('youtube.com: about 50 visits lately')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Your sites as the model sees them' });
    expect(within(table).getAllByRole('row')).toHaveLength(5);
  });

  it('names two sites at the same place one above and one below their dots, and leaves a third to its dot', async () => {
    const points = ['diary.test', 'blog.test', 'news.test'].map((host, i) => ({ host, visits: 30 - i, x: 0, y: 0 }));
    showLearned({ 'model/insights': insights({ siteMap: { points, shown: 0.5 } }) });
    const map = await screen.findByRole('group', { name: /Your sites as the model sees them/ });
    const names = [...map.querySelectorAll('text')].map((text) => [text.textContent, Number(text.getAttribute('y'))]);
    expect(names).toEqual([['diary.test', 100 - 6], ['blog.test', 100 + 14]]);
  });

  it('pictures which site follows which, naming the pairs learned most strongly', async () => {
    showLearned();
    const grid = await screen.findByRole('img', { name: /Which site follows which/ });
    const cells = [...grid.querySelectorAll('rect.cell')];
    const { values } = insights().following;
    expect(cells).toHaveLength(9);
    cells.forEach((cell, i) => expect(cell.getAttribute('class')).toBe(values[i] < 0 ? 'cell down' : 'cell up'));
    expect(grid.querySelector('desc')?.textContent).toBe(
      'Learned most strongly: docs.python.org after github.com; github.com after docs.python.org. '
      + 'Rows: the site you are on; columns: the next site, numbered as the rows (blue: likelier next than the rest; orange: less likely).',
    );
    const table = screen.getByRole('table', { name: 'Which site follows which' });
    expect(within(table).getByRole('row', { name: /1 github.com/ }).textContent).toBe('1 github.com+0.00+1.40−0.30');
    // The same words under the picture, for the eye (the picture's description is for screen readers).
    expect(screen.getByText(/^Learned most strongly: docs.python.org after github.com; github.com after docs.python.org\. Rows:/, { selector: 'p' })).toBeTruthy();
  });

  it('says "again" for a site followed by itself', async () => {
    showLearned({ 'model/insights': insights({ following: { sites: ['github.com', 'youtube.com'], values: [0.2, -0.2, -0.5, 0.9] } }) });
    const grid = await screen.findByRole('img', { name: /Which site follows which/ });
    expect(grid.querySelector('desc')?.textContent).toMatch(/^Learned most strongly: youtube.com again; github.com again\./);
  });

  it('numbers every column of which site follows which, as the rows are numbered', async () => {
    const sites = Array.from({ length: 10 }, (_, i) => `site${i + 1}.example`);
    showLearned({ 'model/insights': insights({ following: { sites, values: Array.from({ length: 100 }, (_, i) => (i % 11 === 1 ? 1 : -0.1)) } }) });
    const grid = await screen.findByRole('img', { name: /Which site follows which/ });
    const labels = [...grid.querySelectorAll('text.tick')].map((text) => text.textContent);
    expect(labels).toEqual([...sites.map((site, i) => `${i + 1} ${site}`), ...sites.map((_, i) => String(i + 1))]);
  });

  it('says which site follows which comes once two sites are known, and when nothing is learned yet', async () => {
    showLearned({ 'model/insights': insights({ following: { sites: ['github.com'], values: [0] } }) });
    expect(await screen.findByText(/Which site follows which shows here once you have browsed a few sites/)).toBeTruthy();
    cleanup();
    showLearned({ 'model/insights': insights({ following: { sites: ['github.com', 'youtube.com'], values: [0, 0, 0, 0] } }) });
    const grid = await screen.findByRole('img', { name: /Which site follows which/ });
    expect(grid.querySelector('desc')?.textContent).toMatch(/^No site has been learned to follow another yet\./);
  });

  it('says the map comes once three sites are known', async () => {
    showLearned({ 'model/insights': insights({ siteMap: { points: [], shown: 0 } }) });
    expect(await screen.findByText(/map of your sites appears once the model knows three/)).toBeTruthy();
  });

  it('draws the learned hour effect, with hours that push down below the line', async () => {
    showLearned();
    const chart = await screen.findByRole('img', { name: /Learned effect of the hour/ });
    const bars = [...chart.querySelectorAll('rect')];
    expect(bars).toHaveLength(24);
    const effect = insights().hourEffect;
    bars.forEach((bar, hour) => expect(bar.getAttribute('class')).toBe(effect[hour]! < 0 ? 'bar down' : 'bar up'));
    expect(chart.querySelector('desc')?.textContent).toBe('Strongest push towards engagement at 21:00, strongest push away at 09:00.');
  });

  it('draws no column for an hour at which no engagement was learned, and effects of nearly nothing nearly flat', async () => {
    const hourEffect = Array.from({ length: 24 }, (_, hour) => (hour >= 9 && hour < 12 ? [0.0009, -0.0006, 0.0003][hour - 9] : null));
    showLearned({ 'model/insights': insights({ hourEffect }) });
    const chart = await screen.findByRole('img', { name: /Learned effect of the hour/ });
    const heights = [...chart.querySelectorAll('rect')].map((bar) => Number(bar.getAttribute('height')));
    expect(heights).toHaveLength(3);
    expect(Math.max(...heights)).toBeLessThan(3); // of 74: 0.09 points of a span of at least 4
    // The zero line where the values put it: 0.09 up and 0.06 down, three fifths of the way down.
    expect(Number(chart.querySelector('line.axis')?.getAttribute('y1'))).toBeCloseTo(2 + 74 * 0.6, 5);
    expect(chart.querySelector('desc')?.textContent).toBe('Strongest push towards engagement at 09:00, strongest push away at 10:00; 21 hours with no engagement learned yet.');
    const table = chart.closest('figure')!.querySelector('table')!;
    expect(table.textContent).toContain('+0.1 points');
    expect(table.textContent).toContain('none learned yet');
    cleanup();
    showLearned({ 'model/insights': insights({ hourEffect: Array(24).fill(null) }) });
    expect((await screen.findByRole('img', { name: /Learned effect of the hour/ })).querySelector('desc')?.textContent)
      .toBe('Nothing learned about hours yet: no engagement has been learned at any hour.');
  });

  it('says of an hour whose weights another feature shares that it is not shown, rather than that nothing was learned', async () => {
    const hourEffect = Array.from({ length: 24 }, (_, hour) => (hour >= 9 && hour < 12 ? [0.02, -0.01, 0.01][hour - 9] : null));
    const hourShared = Array.from({ length: 24 }, (_, hour) => hour === 0);
    showLearned({ 'model/insights': insights({ hourEffect, hourShared }) });
    const chart = await screen.findByRole('img', { name: /Learned effect of the hour/ });
    expect(chart.querySelectorAll('rect')).toHaveLength(3);
    expect(chart.querySelector('desc')?.textContent).toBe('Strongest push towards engagement at 09:00, strongest push away at 10:00; '
      + '20 hours with no engagement learned yet; 1 hour not shown, as another feature shares its weights.');
    const rows = [...chart.closest('figure')!.querySelectorAll('tbody tr')].map((row) => row.textContent);
    expect(rows[0]).toBe('00shared with another feature');
    expect(rows[1]).toBe('01none learned yet');
  });

  it('draws learning curves against the constant-predictor baseline', async () => {
    showLearned();
    const logLoss = await screen.findByRole('img', { name: /Engagement log loss/ });
    expect(logLoss.querySelectorAll('path.series')).toHaveLength(2);
    expect(logLoss.querySelectorAll('path.series.baseline')).toHaveLength(1);
    const last = overview().history.at(-1)!;
    expect(logLoss.querySelector('desc')?.textContent)
      .toBe(`After ${last.visits.toLocaleString('en')} visits: Tabula ${last.engagement.logLoss.toFixed(2)}, Constant guess 0.66.`);
    for (const name of [/Engagement accuracy/, /Engagement AUC/, /Next site in top 3/, /Active time error/]) {
      expect(screen.getByRole('img', { name })).toBeTruthy();
    }
    expect(screen.getByRole('img', { name: /Next site in top 3/ }).querySelector('desc')?.textContent)
      .toContain('Most visited sites 38%');
  });

  it('says there is no curve yet for a new model', async () => {
    showLearned({ 'model/overview': overview({ history: history(0), visitsLearned: 0 }) });
    await screen.findByText('No learning curve yet: a point is added for every 25 visits learned.');
    expect(screen.queryByRole('img', { name: /log loss/ })).toBeNull();
  });

  it('gives the figures of a single measure as a table rather than a curve of one dot', async () => {
    const [point] = history(1, 25);
    showLearned({ 'model/overview': overview({ history: [point], visitsLearned: 30 }) });
    await screen.findByText('The curves start with the next measure; after 25 visits so far:');
    expect(screen.queryByRole('img', { name: /log loss/ })).toBeNull();
    const table = screen.getByRole('table', { name: 'How well it predicted' });
    expect(within(table).getByRole('row', { name: /Engagement log loss/ }).textContent)
      .toBe(`Engagement log loss${point.engagement.logLoss.toFixed(3)}${point.engagement.baselineLogLoss.toFixed(3)}`);
  });

  it('pictures the weights: hidden units with their features, and the first layer as a grid', async () => {
    showLearned();
    const unit = await screen.findByRole('list', { name: 'Strongest features of unit 1' });
    expect(within(unit).getAllByRole('listitem').map((chip) => chip.className)).toEqual(['chip up', 'chip down']);
    const grid = screen.getByRole('img', { name: /First-layer weights/ });
    const { rows, cols, values } = insights().weights;
    const cells = [...grid.querySelectorAll('rect.cell')];
    expect(cells).toHaveLength(rows.length * cols);
    cells.forEach((cell, i) => expect(cell.getAttribute('class')).toBe(values[i] < 0 ? 'cell down' : 'cell up'));
  });

  it('lists no hidden unit that no feature drives yet, as in a model that has learned nothing', async () => {
    showLearned({ 'model/insights': insights({ hiddenUnits: [{ unit: 0, top: [] }, { unit: 10, top: [] }] }) });
    await screen.findByText('No hidden units to show yet.');
    expect(screen.queryByText(/^Unit /)).toBeNull();
  });

  it('says when the model is being relearned (after forgetting) and when it is not', async () => {
    showLearned({ 'model/overview': overview({ relearning: true }) });
    await screen.findByText(/Tabula is relearning from the stored visits/);
    cleanup();
    showLearned();
    await screen.findByText('Visits learned');
    expect(screen.queryByText(/Tabula is relearning/)).toBeNull();
  });

  it('shows how far a relearning has got while the view waits for the model it holds up, and goes once the model is there', async () => {
    const model = deferred<ReturnType<typeof overview>>();
    const learned = deferred<ReturnType<typeof insights>>();
    const { connector } = showLearned({ 'model/overview': () => model.promise, 'model/insights': () => learned.promise });
    connector.answers['background/status'] = status({ relearning: true, progress: { step: 'relearning', done: 12_000, total: 30_000 } });
    await screen.findByText('Relearning: 12,000 of 30,000 visits', {}, { timeout: 2_000 });
    expect(screen.getByRole('progressbar', { name: 'Relearning' }).getAttribute('value')).toBe('12000');
    model.resolve(overview());
    learned.resolve(insights());
    await screen.findByText('Visits learned');
    await waitFor(() => expect(screen.queryByText(/Relearning:/)).toBeNull());
  });

  it('reports a failure to read the model', async () => {
    showLearned({ 'model/insights': new Error('The model is being relearned.') });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The model is being relearned.'));
    expect(await screen.findByText('Visits learned')).toBeTruthy();
  });
});
