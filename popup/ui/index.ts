// Shared building blocks of the views.
export { Section } from './section';
export { Skeleton, ErrorMessage, Notice } from './feedback';
export { Confirm } from './confirm';
export { StorageWarning, isStorageFullRecently, STORAGE_FULL_RECENT_MS } from './storage-warning';
export { HealthNotices } from './health-notices';
