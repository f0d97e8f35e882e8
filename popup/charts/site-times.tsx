// Where the time went, site by site: a bar per site on one scale, longest first, the other sites
// summed last. The names and times are real text; the table under it gives the visits too.
import type { SiteTime } from '../../extension/contract-types';
import { DataTable } from './data-table';

interface SiteTimesProps {
  title: string;
  sites: SiteTime[];
  /** Every other site, summed (left out when there is none). */
  others: { sites: number; activeMs: number; visits: number };
  format: (ms: number) => string;
}

export function SiteTimes({ title, sites, others, format }: SiteTimesProps) {
  const rows = others.sites > 0
    ? [...sites, { host: others.sites === 1 ? '1 other site' : `${others.sites} other sites`, activeMs: others.activeMs, visits: others.visits }]
    : sites;
  const total = rows.reduce((sum, row) => sum + row.activeMs, 0);
  const longest = Math.max(1e-9, ...rows.map((row) => row.activeMs));
  const share = (ms: number) => `${Math.round((100 * ms) / Math.max(1e-9, total))}%`;
  return (
    <figure class="chart site-times">
      <figcaption>{title}</figcaption>
      <ol class="site-bars" aria-label={title}>
        {rows.map((row, i) => (
          <li key={row.host} class={i >= sites.length ? 'others' : undefined}>
            <span class="site">{row.host}</span>
            <span class="time">{format(row.activeMs)} <span class="muted">({share(row.activeMs)})</span></span>
            <span class="track" aria-hidden="true"><span class="fill" style={{ width: `${(row.activeMs / longest) * 100}%` }} /></span>
          </li>
        ))}
      </ol>
      <DataTable caption={title} shown="Show as a table" head={['Site', 'Active time', 'Share', 'Visits']}
        rows={rows.map((row) => [row.host, format(row.activeMs), share(row.activeMs), row.visits])} />
    </figure>
  );
}
