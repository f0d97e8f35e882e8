// The Learned view: what the model has picked up about its user, how well it predicts, and a
// look at its weights. Each section keeps its height while its data is on the way.
import { ErrorMessage, Notice, Section, Skeleton } from '../../ui';
import { useRequest } from '../../use-request';
import { HabitsHeatmap, HourEffectChart } from './habit-charts';
import { LearningCurves } from './learning-curves';
import { ModelCounts } from './model-counts';
import { TopFeatures } from './top-features';
import { HiddenUnits, WeightsHeatmap } from './weights-picture';

export function LearnedView() {
  const overview = useRequest('model/overview', {});
  const insights = useRequest('model/insights', {});
  const failed = overview.error ?? insights.error;
  const model = overview.data;
  const learned = insights.data;
  return (
    <div class="view learned-view">
      {failed && <ErrorMessage>Could not read what Tabula learned: {failed}</ErrorMessage>}
      {model?.relearning && <Notice>Tabula is relearning from the stored visits; these figures will change when it is done.</Notice>}
      <Section title="In numbers">
        {model ? <ModelCounts overview={model} /> : <Skeleton height={170} label="Loading counts…" />}
      </Section>
      <Section title="What matters most">
        {learned ? <TopFeatures top={learned.topFeatures} /> : <Skeleton height={240} label="Loading features…" />}
      </Section>
      <Section title="Your habits">
        {learned ? (
          <>
            <HabitsHeatmap habits={learned.habits} />
            <HourEffectChart hourEffect={learned.hourEffect} />
          </>
        ) : <Skeleton height={230} label="Loading habits…" />}
      </Section>
      <Section title="How well it predicts">
        {model ? <LearningCurves history={model.history} /> : <Skeleton height={320} label="Loading learning curves…" />}
      </Section>
      <Section title="Inside the model">
        {learned ? (
          <>
            <HiddenUnits units={learned.hiddenUnits} />
            <WeightsHeatmap weights={learned.weights} />
          </>
        ) : <Skeleton height={260} label="Loading weights…" />}
      </Section>
    </div>
  );
}
