// The sites the model expects next; each one opens in a new tab when pressed.
import type { NextSite } from '../../../extension/contract-types';
import { useConnector } from '../../connector';
import { percent } from '../../format';

export function NextSites({ sites }: { sites: NextSite[] }) {
  const connector = useConnector();
  if (sites.length === 0) return <p class="muted">No next site stands out yet.</p>;
  return (
    <ol class="next-sites">
      {sites.map((site) => (
        <li key={site.host}>
          <button type="button" class="link-button" onClick={() => void connector.openSite(site.host)}>
            <span class="site">{site.host}</span>
            <span class="chance">{percent(site.probability)}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
