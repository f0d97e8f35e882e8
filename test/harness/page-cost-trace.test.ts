// What a trace says the content script cost: its named events, and the answers to its messages,
// which run in microtask checkpoints that no event names.
import { describe, expect, it } from 'vitest';
import { segmentCost, type TraceEvent } from '../../harness/page-cost/trace-cost';

const SCRIPT = 'chrome-extension://tabula/content.js';
const ID = 'tabula';
const thread = { pid: 1, tid: 1 };
/** An event of `ms` CPU milliseconds at `at` ms. */
const event = (name: string, at: number, ms: number, args: Record<string, unknown> = {}): TraceEvent =>
  ({ name, ph: 'X', ts: at * 1000, dur: ms * 1000, tts: at * 1000, tdur: ms * 1000, ...thread, args });
const ours = (name: string, at: number, ms: number) => event(name, at, ms, { data: { url: SCRIPT } });
const send = (at: number, extensionId = ID) => event('MainThreadIPCMessageSender::SendOpenMessageChannel/extension', at, 0.05, { chrome_extension_id: { extension_id: extensionId } });

describe('the cost of the content script in a trace', () => {
  it('counts its named events, and the answers to its messages handled in a checkpoint of their own soon after', () => {
    const events = [
      ours('EvaluateScript', 0, 2),
      ours('FunctionCall', 3000, 1),
      send(3000.5),
      event('RunMicrotasks', 3010, 0.5), // the answer to that message: counted
      event('RunMicrotasks', 5000, 4), // long after any message: the page's
    ];
    const cost = segmentCost(events, thread, -Infinity, Infinity, SCRIPT, ID);
    expect(cost.answersMs).toBeCloseTo(0.5, 6);
    expect(cost.scriptMs).toBeCloseTo(3.5, 6);
  });

  it('leaves out checkpoints inside a script’s event (the page’s own promises), and those after another extension’s messages', () => {
    const events = [
      ours('EvaluateScript', 0, 2),
      send(100),
      event('FunctionCall', 110, 3, { data: { url: 'https://news.example/app.js' } }),
      event('RunMicrotasks', 111, 1),
      send(1000, 'someone-else'),
      event('RunMicrotasks', 1010, 1),
    ];
    const cost = segmentCost(events, thread, -Infinity, Infinity, SCRIPT, ID);
    expect(cost.answersMs).toBe(0);
    expect(cost.scriptMs).toBeCloseTo(2, 6);
  });
});
