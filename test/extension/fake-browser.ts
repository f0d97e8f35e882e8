// A stand-in for webextension-polyfill in unit tests (aliased in vitest.config.ts): runtime
// messaging between contexts in one process, alarms and tabs events that tests fire by hand, and
// the in-memory storage.session.
type Listener = (...args: any[]) => unknown;

function event() {
  const listeners = new Set<Listener>();
  return {
    addListener: (listener: Listener) => void listeners.add(listener),
    removeListener: (listener: Listener) => void listeners.delete(listener),
    hasListener: (listener: Listener) => listeners.has(listener),
    listeners,
    fire: (...args: unknown[]) => [...listeners].map((listener) => listener(...args)),
  };
}

/** storage.session as both browsers keep it: values cloned in and out, in memory only. */
function sessionArea() {
  const items = new Map<string, unknown>();
  return {
    items,
    accessLevel: 'TRUSTED_CONTEXTS',
    async get(keys: string | string[] | null) {
      const wanted = keys === null ? [...items.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(wanted.filter((key) => items.has(key)).map((key) => [key, structuredClone(items.get(key))]));
    },
    async set(values: Record<string, unknown>) {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
    },
    async remove(keys: string | string[]) {
      for (const key of typeof keys === 'string' ? [keys] : keys) items.delete(key);
    },
    async clear() {
      items.clear();
    },
    async setAccessLevel({ accessLevel }: { accessLevel: string }) {
      fakeBrowser.storage.session.accessLevel = accessLevel;
    },
  };
}

const ORIGIN = 'chrome-extension://tabulatest/';
const onMessage = event();

export const fakeBrowser = {
  runtime: {
    id: 'tabulatest',
    getURL: (path: string) => ORIGIN + path.replace(/^\//, ''),
    onMessage,
    onInstalled: event(),
    onStartup: event(),
    onSuspend: event(),
    /** Delivers a message as if sent from `sender` (an extension page unless told otherwise). */
    async sendMessage(message: unknown, sender: object = { id: 'tabulatest', url: ORIGIN + 'popup.html' }) {
      for (const listener of onMessage.listeners) {
        const answer = listener(structuredClone(message), sender);
        if (answer !== undefined) return structuredClone(await answer);
      }
      return undefined;
    },
  },
  alarms: { create: async () => undefined, onAlarm: event() },
  tabs: {
    onRemoved: event(),
    get: async (tabId: number) => fakeBrowser.tabs.known.get(tabId) ?? Promise.reject(new Error(`No tab ${tabId}`)),
    known: new Map<number, { id: number; url?: string; title?: string; incognito: boolean }>(),
    /** The tab a query for the active tab finds (none unless a test sets one). */
    active: undefined as { id: number; url?: string; incognito: boolean } | undefined,
    create: async () => ({}),
    query: async () => (fakeBrowser.tabs.active ? [fakeBrowser.tabs.active] : []),
  },
  storage: { session: sessionArea() },
  permissions: { contains: async () => false, request: async () => false },
  history: { search: async () => [] },
};

export default fakeBrowser;
