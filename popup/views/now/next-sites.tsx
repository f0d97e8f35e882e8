// The sites the model expects next; each one opens in a new tab when pressed. Only a valid host
// name becomes a link: a site from a model file without names has no host (it shows as an
// unnamed site), and a host is never trusted to be one just because the model holds it.
import type { NextSite } from '../../../extension/contract-types';
import { isHostName } from '../../../model/host-name';
import { useConnector } from '../../connector';
import { percent } from '../../format';

/** Laid out as the links are (styles.css: .next-sites .link-button), without looking like one. */
const UNLINKED = { display: 'flex', gap: '0.4rem', padding: '0.2rem 0.3rem' };

export function NextSites({ sites }: { sites: NextSite[] }) {
  const connector = useConnector();
  if (sites.length === 0) return <p class="muted">No next site stands out yet.</p>;
  return (
    <ol class="next-sites">
      {sites.map((site, i) => (
        <li key={site.host || `unnamed-${i}`}>
          {isHostName(site.host) ? (
            <button type="button" class="link-button" onClick={() => void connector.openSite(site.host)}>
              <span class="site">{site.host}</span>
              <span class="chance">{percent(site.probability)}</span>
            </button>
          ) : (
            <span class="unlinked-site" style={UNLINKED}>
              <span class="site muted">{site.host === '' ? 'An unnamed site' : site.host}</span>
              <span class="chance">{percent(site.probability)}</span>
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
