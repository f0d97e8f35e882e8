// The features that matter most, as the Learned view shows them: for each prediction, the
// features of each kind (sites, words and topics, time, sequences, the page), five at once and the
// rest one click away, each feature's effect alone against what the model says with no feature.
// One scale per prediction, so that a short bar of one kind is short beside the others too.
import type { Contribution, LearnedInsights } from '../../extension/contract-types';
import { FEATURE_KINDS, featureKind, type FeatureKind } from '../../model/feature-names';
import { count, duration, percent } from '../format';
import { EFFECT_FORMATS, NEGLIGIBLE } from './contribution-bars';
import { LargestFirst } from './explanation-groups';

export const KIND_NAMES: Record<FeatureKind, string> = {
  sites: 'Sites', words: 'Words and topics', time: 'Time', sequences: 'Sequences', page: 'The page', other: 'Unnamed features',
};

type FeaturesByKindProps = Pick<LearnedInsights, 'topFeatures' | 'baseline' | 'heldBack'>;

export function FeaturesByKind({ topFeatures, baseline, heldBack }: FeaturesByKindProps) {
  const predictions: { name: string; list: Contribution[]; format: (effect: number) => string; start?: string }[] = [
    { name: 'Engaged visit', list: topFeatures.engaged, format: EFFECT_FORMATS.engaged, start: percent(baseline.engaged) },
    { name: 'Active time', list: topFeatures.activeTime, format: EFFECT_FORMATS.activeTime, start: `about ${duration(baseline.activeSeconds)}` },
    { name: 'Next site', list: topFeatures.next, format: EFFECT_FORMATS.next },
  ];
  return (
    <div class="top-features">
      {heldBack > 0 && (
        <p class="muted">{count(heldBack, 'feature')} held back: seen on one visit only, or title words and keywords made of digits.</p>
      )}
      {predictions.map(({ name, list, format, start }) => {
        const shown = list.filter((c) => Math.abs(c.effect) >= NEGLIGIBLE);
        const largest = Math.max(0, ...shown.map((c) => Math.abs(c.effect)));
        return (
          <div class="contribution-group" key={name}>
            <h3>{name}</h3>
            {shown.length === 0 && <p class="muted">Nothing learned here yet.</p>}
            {start && shown.length > 0 && <p class="muted baseline">Each feature alone, against {start} with no feature at all.</p>}
            {FEATURE_KINDS.map((kind) => {
              const ofKind = shown.filter((c) => featureKind(c.feature) === kind);
              if (ofKind.length === 0) return null;
              return (
                <div class="feature-kind" key={kind}>
                  <h4>{KIND_NAMES[kind]}</h4>
                  <LargestFirst label={`${name}: ${KIND_NAMES[kind].toLowerCase()}`} contributions={ofKind} format={format} largest={largest} />
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
