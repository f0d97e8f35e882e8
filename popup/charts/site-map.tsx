// The site map: the most visited sites as dots on a plane where sites the model expects in the
// same moments sit together (model/site-map.ts). The most visited are named on the map; every
// dot can be pointed at or reached with the keyboard to read its name; the table behind the chart
// lists every site with its place.
import { useId, useState } from 'preact/hooks';
import type { SiteMap } from '../../extension/contract-types';
import { DataTable } from './data-table';
import { MAX_SCALE } from './scale';

const WIDTH = 300;
const HEIGHT = 200;
/** Room around the plot so that dots and labels at the edges are whole. */
const MARGIN = 14;
const NAMED = 8;
/** Characters of a name drawn on the map; the whole name shows when the dot is pointed at. */
const LABEL_LENGTH = 18;

/** A name's box on the map, for 8 px text (the charts' ticks): a character is about 4.6 units wide. */
const CHAR_WIDTH = 4.6;
const LABEL_HEIGHT = 8;

const shorten = (text: string) => (text.length > LABEL_LENGTH ? `${text.slice(0, LABEL_LENGTH - 1)}…` : text);

interface Label { host: string; text: string; x: number; y: number; anchor: 'start' | 'middle' | 'end' }

/**
 * Names for the most visited dots, each above its dot, or below it when that would cover a name
 * already placed (the more visited first); a name with room in neither place is left to the dot
 * (pointing at it shows it).
 */
function placeLabels(points: SiteMap['points'], at: (point: SiteMap['points'][number]) => { x: number; y: number }): Label[] {
  const boxes: { left: number; right: number; top: number; bottom: number }[] = [];
  const labels: Label[] = [];
  for (const point of points.slice(0, NAMED)) {
    const text = shorten(point.host);
    const { x, y } = at(point);
    const anchor = point.x > 0.5 ? 'end' : point.x < -0.5 ? 'start' : 'middle';
    const width = text.length * CHAR_WIDTH;
    const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
    for (const baseline of [y - 6, y + 6 + LABEL_HEIGHT]) {
      const box = { left, right: left + width, top: baseline - LABEL_HEIGHT, bottom: baseline };
      if (boxes.some((other) => box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom)) continue;
      boxes.push(box);
      labels.push({ host: point.host, text, x, y: baseline, anchor });
      break;
    }
  }
  return labels;
}
/** A site's count as the next-site head keeps it: each visit counts a little less with every visit after it, so it says how much lately, not how many. */
const visitsText = (visits: number) => `about ${Math.round(visits).toLocaleString('en')} visits lately`;

export function SiteMapChart({ map }: { map: SiteMap }) {
  const titleId = useId();
  const descId = useId();
  const [active, setActive] = useState<number | null>(null);
  const title = 'Your sites as the model sees them';
  if (map.points.length === 0) return <p class="muted">The map of your sites appears once the model knows three of them.</p>;
  const largest = Math.max(...map.points.map((point) => point.visits));
  const x = (value: number) => MARGIN + ((value + 1) / 2) * (WIDTH - 2 * MARGIN);
  const y = (value: number) => HEIGHT - MARGIN - ((value + 1) / 2) * (HEIGHT - 2 * MARGIN);
  const summary = `${map.points.length} most visited sites; sites close together are expected in the same moments. `
    + `The two axes show ${Math.round(map.shown * 100)} % of how the model tells them apart. `
    + 'Visits lately: the older a visit, the less it counts.';
  const pointed = active === null ? null : map.points[active];
  return (
    <figure class="chart site-map">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} style={{ maxWidth: `${WIDTH * MAX_SCALE}px` }} role="group" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{title}</title>
        <desc id={descId}>{summary}</desc>
        <line class="axis" x1={x(-1)} x2={x(1)} y1={y(0)} y2={y(0)} />
        <line class="axis" x1={x(0)} x2={x(0)} y1={y(-1)} y2={y(1)} />
        {map.points.map((point, i) => (
          <circle key={point.host} class={i === active ? 'dot active' : 'dot'} cx={x(point.x)} cy={y(point.y)}
            r={2.5 + 4 * Math.sqrt(point.visits / largest)} tabindex={0} role="img" aria-label={`${point.host}, ${visitsText(point.visits)}`}
            onMouseEnter={() => setActive(i)} onFocus={() => setActive(i)} onMouseLeave={() => setActive(null)} onBlur={() => setActive(null)} />
        ))}
        {placeLabels(map.points, (point) => ({ x: x(point.x), y: y(point.y) })).map((label) => (
          <text key={label.host} class="tick" x={label.x} y={label.y} text-anchor={label.anchor}>{label.text}</text>
        ))}
      </svg>
      <p class="muted site-map-pointed" aria-live="polite">
        {pointed ? `${pointed.host}: ${visitsText(pointed.visits)}` : 'Point at a dot, or move to it with Tab, to see its site.'}
      </p>
      <DataTable caption={title} head={['Site', 'Visits lately', 'Across', 'Up']}
        rows={map.points.map((point) => [point.host, Math.round(point.visits), point.x.toFixed(2), point.y.toFixed(2)])} />
    </figure>
  );
}
