// The one handler object: every request of the contract, by name.
import type { Handlers } from '../../messages';
import { onDataExport, onForget, onForgetPreview, onSettingsGet, onSettingsSet, onTimeReport, onVisits } from './data';
import { onDataImport, onDataImportLines } from './data-import';
import { onExport, onImport, onInsights, onMerge, onOverview, onPlay, onPreviewImport, onPreviewMerge, onReset } from './model';
import { onStatus } from './status';
import { onTabFeedback, onTabPredict } from './tab';
import { onPageKeywords, onVisitUpdate } from './visit';

export const handlers: Handlers = {
  'visit/update': onVisitUpdate,
  'page/keywords': onPageKeywords,
  'tab/predict': onTabPredict,
  'tab/feedback': onTabFeedback,
  'model/overview': onOverview,
  'model/insights': onInsights,
  'model/reset': onReset,
  'model/export': onExport,
  'model/preview-import': onPreviewImport,
  'model/import': onImport,
  'model/preview-merge': onPreviewMerge,
  'model/merge': onMerge,
  'model/play': onPlay,
  'data/visits': onVisits,
  'data/time': onTimeReport,
  'data/forget-preview': onForgetPreview,
  'data/forget': onForget,
  'data/export': onDataExport,
  'data/import-lines': onDataImportLines,
  'data/import': onDataImport,
  'settings/get': onSettingsGet,
  'settings/set': onSettingsSet,
  'background/status': onStatus,
};
