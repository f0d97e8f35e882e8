// The one real sender of visit updates: a request to Tabula's background, through the content
// script's own port to the extension API (runtime-port.ts says why not the polyfill).
import type { VisitUpdate } from '../contract-types';
import { extensionApi, request } from './runtime-port';

export function postVisit(update: VisitUpdate): Promise<unknown> {
  return request(extensionApi(), 'visit/update', update);
}
