// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ColumnChart } from '../../popup/charts/column-chart';
import { ContributionBars } from '../../popup/charts/contribution-bars';
import { Heatmap } from '../../popup/charts/heatmap';
import { LineChart } from '../../popup/charts/line-chart';
import { extent, linePath, linearScale, maxAbs, sampleIndices } from '../../popup/charts/scale';

afterEach(cleanup);

describe('chart geometry', () => {
  it('maps a domain onto a range, flat domains to the middle', () => {
    const y = linearScale([0, 1], [100, 0]);
    expect([y(0), y(0.25), y(1)]).toEqual([100, 75, 0]);
    expect(linearScale([3, 3], [0, 10])(3)).toBe(5);
  });

  it('finds the extent of several series, ignoring gaps', () => {
    expect(extent([3, NaN, -1], [7, Infinity])).toEqual([-1, 7]);
    expect(extent([], [NaN])).toEqual([0, 1]);
  });

  it('lifts the pen over gaps in a line', () => {
    const identity = (v: number) => v;
    expect(linePath([0, 1, 2, 3], [5, NaN, 7, 8], identity, identity)).toBe('M0.0,5.0M2.0,7.0L3.0,8.0');
  });

  it('samples evenly, ends included', () => {
    expect(sampleIndices(3, 8)).toEqual([0, 1, 2]);
    expect(sampleIndices(101, 5)).toEqual([0, 25, 50, 75, 100]);
  });

  it('never returns a zero scale', () => {
    expect(maxAbs([0, 0])).toBeGreaterThan(0);
    expect(maxAbs([0.5, -2])).toBe(2);
  });
});

describe('LineChart', () => {
  it('draws one path per series, dashes the baseline, and tells the same in text', () => {
    render(<LineChart title="Loss" x={[10, 20, 30]} xName="visits" format={(v) => v.toFixed(1)} series={[
      { label: 'Model', values: [0.9, 0.6, 0.4] },
      { label: 'Baseline', values: [0.7, 0.7, 0.7], baseline: true },
    ]} />);
    const chart = screen.getByRole('img', { name: /Loss/ });
    const paths = [...chart.querySelectorAll('path')];
    expect(paths.map((path) => path.getAttribute('class'))).toEqual(['series', 'series baseline']);
    // Lower values sit lower on the chart: y grows downwards in SVG.
    const ys = paths[0].getAttribute('d')!.split(/[ML]/).filter(Boolean).map((point) => Number(point.split(',')[1]));
    expect(ys[0]).toBeLessThan(ys[1]);
    expect(ys[1]).toBeLessThan(ys[2]);
    expect(chart.querySelector('desc')?.textContent).toBe('After 30 visits: Model 0.4, Baseline 0.7.');
    const table = screen.getByRole('table', { name: 'Loss' });
    expect(within(table).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'visitsModelBaseline', '100.90.7', '200.60.7', '300.40.7',
    ]);
  });

  it('writes the visits on its axis and in its text as every other count is written', () => {
    render(<LineChart title="AUC" x={[25, 7775]} xName="visits" format={(v) => v.toFixed(2)} series={[{ label: 'Model', values: [0.5, 0.8] }]} />);
    const chart = screen.getByRole('img', { name: /AUC/ });
    expect([...chart.querySelectorAll('text.tick')].map((tick) => tick.textContent).slice(2)).toEqual(['25', '7,775 visits']);
    expect(chart.querySelector('desc')?.textContent).toBe('After 7,775 visits: Model 0.80.');
  });
});

describe('Heatmap', () => {
  it('shades each cell by its share of the largest value and keeps sign as colour', () => {
    render(<Heatmap title="Grid" summary="Two by two." rowName="Row" rowLabels={['a', 'b']} colLabels={['1', '2']}
      values={[[1, -2], [0, 0.5]]} signed format={String} />);
    const cells = [...screen.getByRole('img', { name: /Grid/ }).querySelectorAll('rect')];
    expect(cells.map((cell) => [cell.getAttribute('class'), cell.getAttribute('fill-opacity')])).toEqual([
      ['cell up', '0.54'], ['cell down', '1.00'], ['cell up', '0.08'], ['cell up', '0.31'],
    ]);
  });

  it('shortens long row labels in the picture but not in the table', () => {
    const long = 'title word: extraordinarily-long-word';
    render(<Heatmap title="Weights" summary="" rowName="Feature" rowLabels={[long]} colLabels={['1']} values={[[1]]} format={String} labelWidth={60} />);
    const label = screen.getByRole('img', { name: /Weights/ }).querySelector('text')!.textContent!;
    expect(label.length).toBe(Math.floor(60 / 4.5));
    expect(label.endsWith('…')).toBe(true);
    expect(within(screen.getByRole('table')).getByText(long)).toBeTruthy();
  });
});

describe('ColumnChart and ContributionBars', () => {
  it('grows columns up from the line for positive values and down for negative ones', () => {
    render(<ColumnChart title="Hours" summary="" labels={['0', '1']} values={[0.5, -1]} labelName="Hour" format={String} />);
    const [up, down] = [...screen.getByRole('img', { name: /Hours/ }).querySelectorAll('rect')];
    const axis = Number(screen.getByRole('img', { name: /Hours/ }).querySelector('line')!.getAttribute('y1'));
    expect(Number(up.getAttribute('y')) + Number(up.getAttribute('height'))).toBeCloseTo(axis);
    expect(Number(down.getAttribute('y'))).toBe(axis);
    expect(Number(down.getAttribute('height'))).toBeCloseTo(2 * Number(up.getAttribute('height')));
  });

  it('puts the zero line at the bottom when every value pushes up, so no half stays empty', () => {
    render(<ColumnChart title="Hours" summary="" labels={['0', '1']} values={[0.5, 1]} labelName="Hour" format={String} />);
    const chart = screen.getByRole('img', { name: /Hours/ });
    const [small, tall] = [...chart.querySelectorAll('rect')];
    const axis = Number(chart.querySelector('line')!.getAttribute('y1'));
    expect(Number(tall.getAttribute('y'))).toBeCloseTo(2); // reaches the top
    expect(Number(tall.getAttribute('y')) + Number(tall.getAttribute('height'))).toBeCloseTo(axis);
    expect(Number(tall.getAttribute('height'))).toBeCloseTo(2 * Number(small.getAttribute('height')));
    expect(axis).toBeGreaterThan(70);
  });

  it('gives each feature its whole name on hover, for a name the row cuts short', () => {
    const feature = 'bsky.app right after www.youtube.com → www.bbc.co.uk';
    render(<ContributionBars label="Next" contributions={[{ feature, effect: 0.2 }]} format={String} />);
    expect(screen.getByText(feature).getAttribute('title')).toBe(feature);
  });

  it('says there is nothing yet rather than drawing an empty list', () => {
    render(<ContributionBars label="Empty" contributions={[]} format={String} />);
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByText('Nothing learned here yet.')).toBeTruthy();
  });
});
