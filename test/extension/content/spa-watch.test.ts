// @vitest-environment happy-dom
// Single-page apps: a new origin or path is a new page; a new query or fragment is not.
import { describe, expect, test } from 'vitest';
import { SpaWatch } from '../../../extension/content/spa-watch';

describe('SpaWatch', () => {
  test('reports path changes with the page left and the page reached', () => {
    let href = 'https://app.example/inbox?folder=1';
    const changes: Array<[string, string]> = [];
    const watch = new SpaWatch(() => href, (from, to) => changes.push([from, to]));
    href = 'https://app.example/inbox?folder=2#msg-4';
    watch.check();
    expect(changes).toEqual([]);
    href = 'https://app.example/settings?tab=privacy';
    watch.check();
    watch.check();
    expect(changes).toEqual([['https://app.example/inbox', 'https://app.example/settings']]);
    expect(watch.url()).toBe('https://app.example/settings');
  });

  test('follows a real history.pushState of the page', () => {
    const changes: string[] = [];
    history.replaceState(null, '', '/start');
    const watch = new SpaWatch(() => location.href, (_from, to) => changes.push(to));
    history.pushState(null, '', '/next?secret=1');
    watch.check();
    expect(changes).toEqual([`${location.origin}/next`]);
  });
});
