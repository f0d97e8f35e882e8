// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../extension/contract-types';
import { DataView } from '../../popup/views/data';
import { fakeConnector, renderWith } from './fake-connector';
import { settings, visit, visits, NOW } from './fixtures';

// The browser's permissions, as the view reaches them (through the one wrapper of the browser API).
const permissions = vi.hoisted(() => ({ remove: vi.fn(async (_: { permissions: string[] }) => true) }));
vi.mock('../../extension/browser-api', () => ({ browser: { permissions } }));
afterEach(() => {
  cleanup();
  permissions.remove.mockReset();
  permissions.remove.mockImplementation(async () => true);
});

/** The background's side: history import needs the permission, and adds visits when it runs. */
function background(granted: boolean | Error) {
  let current = settings();
  let stored = visits();
  const connector = fakeConnector({
    'settings/get': () => current,
    'settings/set': (change: Partial<Settings>) => {
      if (change.historyImport && !current.historyImport) {
        if (connector.historyAccess !== true) throw new Error('Allow Tabula to read your browsing history first.');
        stored = [visit(90, 'en.wikipedia.org', NOW - 3 * 86_400_000, 'From history'), ...stored];
      }
      return (current = { ...current, ...change });
    },
    'data/visits': () => ({ visits: stored, total: stored.length }),
  });
  connector.historyAccess = granted;
  return connector;
}

async function showHistory(granted: boolean | Error) {
  const connector = background(granted);
  renderWith(connector, <DataView />);
  const toggle = await screen.findByRole('checkbox', { name: 'Learn from my recent history' }) as HTMLInputElement;
  await screen.findByText('5 visits stored');
  return { connector, toggle };
}

describe('Data view: learning from recent history', () => {
  it('asks the browser for the permission within the click itself, then imports and lists the new visits', async () => {
    const { connector, toggle } = await showHistory(true);
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    // Synchronously, in the click: browsers refuse the question once the handler has awaited anything.
    expect(connector.historyRequests).toBe(1);
    await screen.findByText('Tabula learned from your recent history.');
    expect(toggle.checked).toBe(true);
    expect(connector.sent('settings/set')).toEqual([{ historyImport: true }]);
    await screen.findByText('6 visits stored');
    expect(screen.getByText('From history')).toBeTruthy();
  });

  it('imports nothing when the browser refuses the permission', async () => {
    const { connector, toggle } = await showHistory(false);
    fireEvent.click(toggle);
    await screen.findByText('Tabula was not allowed to read your history, so nothing was imported.');
    expect(toggle.checked).toBe(false);
    expect(connector.sent('settings/set')).toEqual([]);
  });

  it('says why when the permission cannot be asked for', async () => {
    const { connector, toggle } = await showHistory(new Error('Permission request is not allowed here.'));
    fireEvent.click(toggle);
    await screen.findByText('Nothing was imported: Permission request is not allowed here.');
    expect(toggle.checked).toBe(false);
    expect(connector.sent('settings/set')).toEqual([]);
  });

  it('shows the background’s refusal and leaves the setting off', async () => {
    const { connector, toggle } = await showHistory(true);
    connector.historyAccess = true;
    connector.answers['settings/set'] = new Error('Allow Tabula to read your browsing history first.');
    fireEvent.click(toggle);
    await screen.findByText('Nothing was imported: Allow Tabula to read your browsing history first.');
    expect(toggle.checked).toBe(false);
    expect(screen.getByText('5 visits stored')).toBeTruthy();
  });

  it('turns off without asking the browser anything, and gives the history permission back', async () => {
    const { connector, toggle } = await showHistoryOn();
    const order: string[] = [];
    connector.answers['settings/set'] = (change: Partial<Settings>) => { order.push('setting saved'); return settings(change); };
    permissions.remove.mockImplementation(async () => { order.push('permission removed'); return true; });
    fireEvent.click(toggle);
    await waitFor(() => expect(permissions.remove).toHaveBeenCalledTimes(1));
    expect(toggle.checked).toBe(false);
    expect(permissions.remove).toHaveBeenCalledWith({ permissions: ['history'] });
    expect(order).toEqual(['setting saved', 'permission removed']);
    expect(connector.sent('settings/set')).toEqual([{ historyImport: false }]);
    expect(connector.historyRequests).toBe(0);
  });

  it('keeps the permission while the setting could not be turned off', async () => {
    const { connector, toggle } = await showHistoryOn();
    connector.answers['settings/set'] = new Error('The database is busy.');
    fireEvent.click(toggle);
    await screen.findByText(/The database is busy\./);
    expect(toggle.checked).toBe(true);
    expect(permissions.remove).not.toHaveBeenCalled();
  });

  it('says so when the browser does not take the permission back', async () => {
    const { toggle } = await showHistoryOn();
    permissions.remove.mockRejectedValue(new Error('Permissions are locked by policy.'));
    fireEvent.click(toggle);
    await screen.findByText('Tabula could not give the history permission back: Permissions are locked by policy.');
    expect(toggle.checked).toBe(false);
  });
});

async function showHistoryOn() {
  const connector = background(true);
  connector.answers['settings/get'] = settings({ historyImport: true });
  renderWith(connector, <DataView />);
  const toggle = await screen.findByRole('checkbox', { name: 'Learn from my recent history' }) as HTMLInputElement;
  expect(toggle.checked).toBe(true);
  return { connector, toggle };
}
