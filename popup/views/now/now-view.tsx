// The Now view: what Tabula expects of the current tab, why, and a way to correct it.
import type { TabPrediction } from '../../../extension/contract-types';
import { StorageWarning } from '../../health-notices';
import { ErrorMessage, Section, Skeleton } from '../../ui';
import type { RequestState } from '../../use-request';
import { FeedbackButtons } from './feedback-buttons';
import { NextSites } from './next-sites';
import { PredictionSummary } from './prediction-summary';
import { StatusMessage } from './status-message';
import { WhyPanel } from './why-panel';

interface NowViewProps {
  prediction: RequestState<TabPrediction>;
  tabId?: number;
  /** From `background/status`: a recent full storage is said first. */
  storageFullAt?: number;
}

export function NowView({ prediction, tabId, storageFullAt }: NowViewProps) {
  const { data, error, loading, reload, setData } = prediction;
  if (!data) {
    return (
      <div class="view now-view">
        {error ? <ErrorMessage>Could not get a prediction: {error}</ErrorMessage>
          : loading && <Skeleton height={360} label="Loading predictions…" />}
      </div>
    );
  }
  if (data.status !== 'ok') {
    return (
      <div class="view now-view">
        <StorageWarning fullAt={storageFullAt} />
        <StatusMessage prediction={data} onChanged={reload} />
      </div>
    );
  }
  return (
    <div class="view now-view" aria-busy={loading}>
      <StorageWarning fullAt={storageFullAt} />
      <PredictionSummary prediction={data} />
      <Section title="Likely next sites">
        <NextSites sites={data.next ?? []} />
      </Section>
      {data.why && (
        <Section title="Why">
          <WhyPanel why={data.why} />
        </Section>
      )}
      <Section title="Was it worth it?">
        <FeedbackButtons prediction={data} tabId={tabId} onAnswer={setData} />
      </Section>
    </div>
  );
}
