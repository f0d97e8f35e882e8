// @vitest-environment happy-dom
// The Time view: today against the usual day, each day, each site and each hour, every chart with a
// table anyone can open, as the background's time report gives them.
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TimeReport } from '../../extension/contract-types';
import { PopupApp } from '../../popup/popup-app';
import { fakeConnector, renderWith } from './fake-connector';
import { prediction, status, timeReport } from './fixtures';

vi.mock('../../extension/browser-api', () => ({ browser: {} }));
afterEach(cleanup);

function showTime(report: TimeReport | Error = timeReport()) {
  const connector = fakeConnector({ 'tab/predict': prediction(), 'background/status': status(), 'data/time': report });
  return { connector, ...renderWith(connector, <PopupApp initialView="time" />) };
}

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent));

describe('Time view', () => {
  it('compares today with the usual day, in all and by this time of day', async () => {
    const { connector } = showTime();
    await screen.findByText('Today so far');
    const figures = [...document.querySelectorAll('.today-figures div')].map((item) => [item.querySelector('dt')?.textContent, item.querySelector('dd')?.textContent]);
    expect(figures).toEqual([['Today so far', '25 min'], ['Usual day by now', '35 min'], ['Usual whole day', '40 min']]);
    expect(screen.getByText(/median of the 20 days before today/)).toBeTruthy();
    expect(connector.sent('data/time')).toEqual([{}]);
  });

  it('draws each of the four weeks’ days, today apart, with a summary and a table', async () => {
    showTime();
    const chart = await screen.findByRole('img', { name: /Active time per day/ });
    const columns = chart.querySelectorAll('rect.bar');
    expect(columns).toHaveLength(28);
    expect(columns[27].getAttribute('class')).toBe('bar marked');
    // Weekdays 40 min and weekends 90 from the eighth day on, today 25: the tallest column is a weekend's.
    expect(Number(columns[7].getAttribute('height'))).toBeCloseTo(74, 5);
    expect(Number(columns[9].getAttribute('height'))).toBeCloseTo((40 / 90) * 74, 5);
    expect(chart.querySelector('desc')?.textContent).toBe('18 h 45 min in all over 28 days; the most on Feb 22, 2025, 1 h 30 min.');
    const table = screen.getByRole('table', { name: 'Active time per day' });
    expect(table.closest('details')?.querySelector('summary')?.textContent).toBe('Show as a table');
    const rows = rowsOf(table);
    expect(rows[0]).toEqual(['Day', 'Active time']);
    expect(rows).toHaveLength(29);
    expect(rows.at(-1)).toEqual(['Mar 14', '25 min']);
    expect(rows[1]).toEqual(['Feb 15', '0 s']);
  });

  it('lists the sites by active time with their share, the other sites summed last', async () => {
    showTime();
    const list = await screen.findByRole('list', { name: 'Active time per site, last four weeks' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'github.com6 h 50 min (46%)', 'news.ycombinator.com4 h 20 min (29%)', 'docs.python.org1 h 35 min (11%)', '12 other sites2 h 15 min (15%)',
    ]);
    const widths = [...list.querySelectorAll('.fill')].map((fill) => parseFloat((fill as HTMLElement).style.width));
    expect(widths[0]).toBe(100);
    expect(widths[1]).toBeCloseTo((260 / 410) * 100, 5);
    expect(rowsOf(screen.getByRole('table', { name: 'Active time per site, last four weeks' }))).toEqual([
      ['Site', 'Active time', 'Share', 'Visits'],
      ['github.com', '6 h 50 min', '46%', '120'],
      ['news.ycombinator.com', '4 h 20 min', '29%', '300'],
      ['docs.python.org', '1 h 35 min', '11%', '41'],
      ['12 other sites', '2 h 15 min', '15%', '77'],
    ]);
  });

  it('shows the hours of an average day with today’s inside them', async () => {
    showTime();
    const chart = await screen.findByRole('img', { name: /Active time by hour of the day/ });
    expect(chart.querySelectorAll('rect.bar.up')).toHaveLength(24);
    expect(chart.querySelectorAll('rect.bar.second')).toHaveLength(24);
    expect(chart.querySelector('desc')?.textContent).toBe('On an average day the most time is spent from 21:00, 30 min.');
    const rows = rowsOf(screen.getByRole('table', { name: 'Active time by hour of the day' }));
    expect(rows[0]).toEqual(['Hour', 'Average day', 'Today']);
    expect(rows[22]).toEqual(['21:00', '30 min', '15 min']);
    expect(rows[1]).toEqual(['00:00', '0 s', '0 s']);
  });

  it('shows today alone by the hour until there is a day before it', async () => {
    const base = timeReport();
    showTime(timeReport({ today: { ...base.today, usualMs: null, usualByNowMs: null, usualDays: 0 }, byHour: { averageMs: null, todayMs: base.byHour.todayMs } }));
    const chart = await screen.findByRole('img', { name: /Active time by hour of the day/ });
    expect(chart.querySelectorAll('rect.bar.second')).toHaveLength(0);
    expect(chart.querySelector('desc')?.textContent).toBe('Today the most time was spent from 21:00, 15 min; an average day shows once there is a day before today.');
    expect(rowsOf(screen.getByRole('table', { name: 'Active time by hour of the day' }))[0]).toEqual(['Hour', 'Today']);
  });

  it('says when there is nothing to show yet, and when the report could not be made', async () => {
    const empty = timeReport({ days: timeReport().days.map((day) => ({ ...day, activeMs: 0 })), sites: [], otherSites: { sites: 0, activeMs: 0, visits: 0 },
      today: { activeMs: 0, usualMs: null, usualByNowMs: null, usualDays: 0 } });
    showTime(empty);
    expect(await screen.findByText('No active time recorded in the last four weeks.')).toBeTruthy();
    expect(screen.getByText('There is no earlier day to compare with yet.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    cleanup();
    showTime(new Error('The database is closed.'));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not work out where the time went: The database is closed.');
  });

  it('passes axe with every table opened', async () => {
    const { container } = showTime();
    await screen.findByText('Today so far');
    for (const summary of screen.getAllByText('Show as a table')) fireEvent.click(summary);
    for (const details of container.querySelectorAll('details')) (details as HTMLDetailsElement).open = true;
    const results = await axe.run(container, { resultTypes: ['violations'] });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
