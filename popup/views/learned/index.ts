// The Learned view and its parts.
export { LearnedView } from './learned-view';
export { LearningCurves } from './learning-curves';
export { ModelCounts } from './model-counts';
export { TopFeatures } from './top-features';
export { HabitsHeatmap, HourEffectChart, WEEKDAYS } from './habit-charts';
export { HiddenUnits, WeightsHeatmap } from './weights-picture';
