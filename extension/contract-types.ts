// The data that travels in messages: what the popup is shown and what it asks for.
// Plain, structured-cloneable shapes only (no classes, no typed arrays). What the model computes
// is defined in model/, beside the code that computes it, and passed on from here.
import type { Baseline, Contribution, Explanation } from '../model/explain';
import type { HiddenUnit, LearnedInsights } from '../model/insights';
import type { ModelSize } from '../model/learner-config';
import type { MetricPoint, Metrics } from '../model/metrics';
import type { NextSite } from '../model/next-sites';
import type { ModelFile } from '../model/serialize';
import type { SiteMap } from '../model/site-map';
import type { PageFeatures, Visit } from '../model/visit';
import type { MovedFeature, WeekChange } from '../model/weekly';
import type { DataFileCheck } from './data-file';
import type { SiteTime, TimeReport } from './storage/time-report';

/** The content script's report of a visit in progress (`final` when the page is hidden or left). */
export interface VisitUpdate {
  /** Random id of this visit, made by the content script; updates of one visit share it. */
  key: string;
  visit: Visit;
  final: boolean;
  /**
   * Set on the report a page sends once it has been read, asking whether its own words may be
   * read for its keywords: the answer says so (`textWanted`), which it never does on an excluded
   * site or while recording is paused.
   */
  askText?: true;
}

/** A visit as stored, with its database id. */
export interface StoredVisit extends Visit {
  id: number;
  key: string;
  /** Order in which finished visits are learned; absent while the visit is still open. */
  seq?: number;
}

/** `no-page`: asked from Tabula's own page (the dashboard) while no web page has a visit open. */
export type TabStatus = 'ok' | 'no-data' | 'paused' | 'excluded' | 'browser-page' | 'no-page' | 'incognito' | 'relearning';

export interface TabPrediction {
  status: TabStatus;
  url?: string;
  host?: string;
  title?: string;
  /** Chance that this visit is an engaged one, 0..1. */
  engaged?: number;
  /** Expected active time on this page, in seconds. */
  activeSeconds?: number;
  next?: NextSite[];
  /** Each feature's effect on each prediction (engagement and next site as chances, active time in seconds), and the baseline. */
  why?: Explanation;
  visitsLearned: number;
  /** Visits still to learn before the predictions mean much (0 when they do). */
  visitsUntilUseful: number;
  feedback?: 'useful' | 'not-interested';
  /** Of an excluded page (status 'excluded'): the entries of the user's list that cover it. */
  excludedBy?: string[];
  /** While the model is learned again (status 'relearning'): how far it has got. */
  progress?: JobProgress;
}

export interface ModelOverview {
  createdAt: number;
  updatedAt: number;
  visitsLearned: number;
  sites: number;
  storedVisits: number;
  storageBytes: number;
  config: { learningRate: number; size: ModelSize; parameters: number; weightBytes: number };
  metrics: Metrics;
  history: MetricPoint[];
  relearning: boolean;
}

/** What the model has learned, with what the stored visits show. */
export interface Insights extends LearnedInsights {
  /** Visits by weekday (0 = Sunday) and hour, from the stored data: 7 rows of 24. */
  habits: number[][];
  /** The model now beside its mark of about a week before its last visit (model/weekly.ts); none before a week of visits. */
  weekChange?: WeekChange;
}

export interface VisitQuery {
  search?: string;
  host?: string;
  limit?: number;
  offset?: number;
}

export interface VisitPage {
  visits: StoredVisit[];
  total: number;
}

/**
 * What to forget. A site is a host with its `www.` and subdomains, as in the exclusion list;
 * `matching` takes any entry of that list (a site or a pattern such as `*bank*`).
 */
export type ForgetRequest =
  | { scope: 'visit'; id: number }
  | { scope: 'site'; host: string }
  | { scope: 'matching'; entry: string }
  | { scope: 'day'; day: string } // YYYY-MM-DD, local time
  | { scope: 'all' };

export interface ForgetResult {
  removedVisits: number;
  removedEvents: number;
  relearnedVisits: number;
}

export interface ImportPreview {
  createdAt: number;
  visitsLearned: number;
  sites: number;
  metrics: Metrics;
  size: ModelSize;
  /**
   * Browsing forgotten here that the file may still hold what it learned of (its dates are all it
   * says of when it learned): a day forgotten after the file last learned, its learning spanning
   * that day; or everything begun before `before`, the file having begun to learn earlier.
   */
  mayHoldForgotten?: { day: number; forgottenAt: number } | { before: number };
}

/** What a model file to merge knows, shown before it is merged. */
export interface MergePreview extends ImportPreview {
  /** When it last learned. */
  updatedAt: number;
  /** Its most visited sites (up to 8), with their decayed visit counts; `host` '' for a site it knows only by a hash. */
  topSites: { host: string; visits: number }[];
  /** Readable feature names it holds. */
  featureNames: number;
}

export interface PlayRequest {
  learningRate: number;
  size: ModelSize;
}

export interface Settings {
  paused: boolean;
  /** Hosts (and their subdomains) never recorded. */
  excluded: string[];
  visitRetentionDays: number;
  eventRetentionDays: number;
  historyImport: boolean;
}

export interface DataExport {
  format: 'tabula-data';
  version: 1;
  exportedAt: number;
  visits: StoredVisit[];
  settings: Settings;
}

/** A stretch of a data file on its way to the background, line after line (extension/data-file.ts). */
export interface DataFileLines {
  /** Names one import, so that the lines of another are never mixed in. */
  importId: string;
  /** The number of the first of these lines: 1 starts the import, each next stretch follows on. */
  firstLine: number;
  lines: string[];
  /** `visit` when the lines are the visits of an old (version 1) export, so that problems name the visit. */
  counting: 'line' | 'visit';
}

/** What importing a data file did, visit by visit. */
export interface DataImportResult {
  /** Visits read from the file. */
  visits: number;
  added: number;
  /** Already stored here, by their key: this browser's own, or brought by an earlier import. */
  alreadyStored: number;
  /** On a site or page of this browser's exclusion list. */
  excluded: number;
  /** Forgotten here (a visit, a site, a day or everything forgotten before the visit was imported). */
  forgotten: number;
  /** Older than this browser keeps visits. */
  expired: number;
  /** History entries of a visit that a page recorded, here or in the file: the page's visit alone is kept. */
  doubled: number;
  /** Visits still open when an old export was made: not imported. */
  unfinished: number;
  /** Visits the model was relearned from (0 when nothing changed). */
  relearned: number;
}

export interface JobProgress {
  step: 'merging' | 'relearning';
  /** Visits written (merging) or learned again (relearning) so far, of `total`. */
  done: number;
  total: number;
}

/** The background's own state: when it last woke, and what it turned away or pruned since. */
export interface BackgroundStatus {
  wokeAt: number;
  rejected: { malformed: number; sender: number; unknown: number };
  /**
   * Reports not stored, by reason: a private window, paused, an excluded site, a visit already
   * finished, older than the retention period or forgotten, a page reporting another site's address, too many reports or visits.
   */
  dropped: { incognito: number; paused: number; excluded: number; finished: number; expired: number; forgotten: number; wrongSender: number; flood: number };
  /** Pages that asked whether their words may be read for keywords, by answer (no: excluded, paused or private). */
  textAsked: { yes: number; no: number };
  /** Stored visits that learning skipped because they could not be read. */
  unreadableVisits: number;
  /** When learning last made the model unsound and the last sound model was taken back (0: never). */
  modelUnsoundAt: number;
  /** Stored settings that could not be read and were replaced by their defaults. */
  settingsProblems: string[];
  eventsPruned: number;
  /** When storage was last found full (0: never). */
  storageFullAt: number;
  learnedTwice: number;
  relearning: boolean;
  /** While an import writes its visits, and while the model is learned again: how far it has got. */
  progress?: JobProgress;
}

export type {
  Baseline, Contribution, DataFileCheck, Explanation, HiddenUnit, LearnedInsights, MetricPoint, Metrics, ModelFile, ModelSize, MovedFeature, NextSite,
  PageFeatures, SiteMap, SiteTime, TimeReport, Visit, WeekChange,
};
