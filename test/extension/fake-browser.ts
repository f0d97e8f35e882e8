// A stand-in for webextension-polyfill in unit tests (aliased in vitest.config.ts): runtime
// messaging between contexts in one process, alarms and tabs events that tests fire by hand.
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
    create: async () => ({}),
    query: async () => [],
  },
  permissions: { contains: async () => false, request: async () => false },
  history: { search: async () => [] },
};

export default fakeBrowser;
