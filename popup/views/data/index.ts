// The Data view and its parts.
export { DataView } from './data-view';
export { VisitBrowser } from './visit-browser';
export { VisitRow } from './visit-row';
export { ForgetConfirm, forgetSummary } from './forget-confirm';
export { countForget } from './forget-count';
export { ExclusionList } from './exclusion-list';
export { PauseToggle, RetentionSetting } from './recording-settings';
export { HistoryImport } from './history-import';
