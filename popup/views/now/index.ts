// The Now view and its parts.
export { NowView } from './now-view';
export { StatusMessage } from './status-message';
export { PredictionSummary } from './prediction-summary';
export { NextSites } from './next-sites';
export { WhyPanel } from './why-panel';
export { FeedbackButtons } from './feedback-buttons';
