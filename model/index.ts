// Tabula's model: the public API (see docs/model-format.md for the file format).
export { Learner, type Prediction } from './learner';
export type { Baseline, Contribution, Explanation } from './explain';
export { DEFAULT_CONFIG, LIMITS, MODEL_SIZES, SIZE_PRESETS, learnerConfig, type LearnerConfig, type ModelSize } from './learner-config';
export type { LearnerSnapshot } from './learner-snapshot';
export type { HiddenUnit, LearnedInsights } from './insights';
export type { SiteMap, SitePoint } from './site-map';
export type { MetricPoint, Metrics } from './metrics';
export type { NextSite } from './next-sites';
export { decodeModelFile, encodeModelFile, ModelFileError, MODEL_FORMAT, MODEL_VERSION, type EncodeOptions, type ModelFile } from './serialize';
export { isHostName } from './host-name';
export { mergeLearners, mergeRefusal, ModelMergeError } from './merge';
export { OPTIMIZER_KINDS, type OptimizerConfig, type OptimizerKind } from './optimizer';
export { visitTokens, type Token, type VisitContext } from './features';
export { featureName } from './feature-names';
export { engagementLabel, activeTimeTarget } from './labels';
export { murmur3 } from './hash';
export { Rng } from './rng';
export { hasInteraction, isVisit, PAGE_KINDS, type PageFeatures, type PageKind, type Visit } from './visit';
