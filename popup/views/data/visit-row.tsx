// One stored visit in the list, with the three ways to forget around it: it, its site, its day.
import type { ForgetRequest, StoredVisit } from '../../../extension/contract-types';
import { dayKey, dayLabel, duration, shortDateTime } from '../../format';

interface VisitRowProps {
  visit: StoredVisit;
  onForget: (request: ForgetRequest, visit: StoredVisit) => void;
}

export function VisitRow({ visit, onForget }: VisitRowProps) {
  const day = dayKey(visit.startedAt);
  const name = visit.title || visit.url;
  return (
    <li class="visit-row">
      <div class="visit-text">
        <span class="visit-title" title={visit.url}>{name}</span>
        <span class="muted">
          {visit.host} · {shortDateTime(visit.startedAt)} · {duration(visit.activeMs / 1000)} active
          {visit.feedback && ` · marked ${visit.feedback === 'useful' ? 'useful' : 'not interesting'}`}
        </span>
      </div>
      <div class="visit-actions" role="group" aria-label={`Forget options for ${name}`}>
        <button type="button" class="small" aria-label={`Forget this visit to ${visit.host}`}
          onClick={() => onForget({ scope: 'visit', id: visit.id }, visit)}>Visit</button>
        <button type="button" class="small" aria-label={`Forget the whole site ${visit.host}`}
          onClick={() => onForget({ scope: 'site', host: visit.host }, visit)}>Site</button>
        <button type="button" class="small" aria-label={`Forget the whole day ${dayLabel(day)}`}
          onClick={() => onForget({ scope: 'day', day }, visit)}>Day</button>
      </div>
    </li>
  );
}
