// The Model view and its parts.
export { ModelView } from './model-view';
export { ExportButtons } from './export-buttons';
export { ImportModel } from './import-model';
export { ResetModel } from './reset-model';
