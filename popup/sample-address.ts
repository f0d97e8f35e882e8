// The address that shows a page on the sample (popup.html?sample, dashboard.html?sample): in the
// address, so that a reload stays on the sample. Its own small module, so that an entry can tell
// without loading the sample's code.

export const SAMPLE_QUERY = 'sample';
export const SAMPLE_DASHBOARD = `dashboard.html?${SAMPLE_QUERY}`;

export function isSampleSearch(search: string): boolean {
  return new URLSearchParams(search).has(SAMPLE_QUERY);
}
