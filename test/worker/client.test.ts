import { describe, expect, it } from 'vitest';
import { TwinClient, TwinRequestError, type WorkerLike } from '../../src/worker/client';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

/** A worker stand-in: records what the client sends and lets the test answer. */
class FakeWorker implements WorkerLike {
  readonly sent: ToWorker[] = [];
  private onMessage: ((ev: MessageEvent<FromWorker>) => void)[] = [];
  private onError: ((ev: ErrorEvent) => void)[] = [];
  postMessage(m: ToWorker): void {
    this.sent.push(m);
  }
  addEventListener(type: 'message' | 'error', fn: (ev: never) => void): void {
    if (type === 'message') this.onMessage.push(fn as (ev: MessageEvent<FromWorker>) => void);
    else this.onError.push(fn as (ev: ErrorEvent) => void);
  }
  reply(m: FromWorker): void {
    for (const fn of this.onMessage) fn({ data: m } as MessageEvent<FromWorker>);
  }
  fail(message: string): void {
    for (const fn of this.onError) fn({ message, preventDefault: () => {} } as ErrorEvent);
  }
}

describe('TwinClient', () => {
  it('matches replies to requests by reqId', async () => {
    const w = new FakeWorker();
    const c = new TwinClient(w);
    const a = c.hashAt(1000);
    const b = c.why('pump');
    const [ra, rb] = w.sent as Extract<ToWorker, { reqId: number }>[];
    expect(ra!.type).toBe('hashAt');
    expect(rb).toMatchObject({ type: 'why', assetId: 'pump' });
    w.reply({ type: 'reply', reqId: rb!.reqId, result: null });
    w.reply({ type: 'reply', reqId: ra!.reqId, result: 'abc' });
    await expect(a).resolves.toBe('abc');
    await expect(b).resolves.toBeNull();
  });

  it('rejects a request the worker could not answer, with its message', async () => {
    const w = new FakeWorker();
    const c = new TwinClient(w);
    const p = c.edgeBuffers('nope');
    const req = w.sent[0] as Extract<ToWorker, { reqId: number }>;
    w.reply({ type: 'reply-error', reqId: req.reqId, message: 'no asset "nope" in this scenario' });
    await expect(p).rejects.toThrow(TwinRequestError);
  });

  it('turns a worker that fails to start into a fatal message and rejects what is pending', async () => {
    const w = new FakeWorker();
    const c = new TwinClient(w);
    const fatal: string[] = [];
    c.on('fatal', (m) => fatal.push(m.message));
    const p = c.explain('e1');
    w.fail('worker script failed');
    expect(fatal).toEqual(['worker script failed']);
    await expect(p).rejects.toThrow('worker script failed');
  });

  it('settles a live command with what the worker did: applied, or refused naming the unknown ids', async () => {
    const w = new FakeWorker();
    const c = new TwinClient(w);
    const ok = c.command({ type: 'inject.fire', inject: 'cut' });
    const ban = c.command({ type: 'policy.vendor.ban', vendor: 'nope', replacement: 'nope2' });
    const [m1, m2] = w.sent as Extract<ToWorker, { type: 'command' }>[];
    const refused = [{ kind: 'vendor' as const, id: 'nope', path: 'vendor' }];
    w.reply({ type: 'command-result', seq: m2!.seq!, command: m2!.command, applied: false, refused });
    w.reply({ type: 'command-result', seq: m1!.seq!, command: m1!.command, applied: true, refused: [] });
    await expect(ban).resolves.toEqual({ applied: false, refused });
    await expect(ok).resolves.toEqual({ applied: true, refused: [] });
    // A command still on its way when the worker stops is settled as not applied (never left hanging).
    const lost = c.command({ type: 'inject.fire', inject: 'cut' });
    w.fail('stopped');
    await expect(lost).resolves.toEqual({ applied: false, refused: [] });
  });

  it('delivers frames to subscribers until they unsubscribe', () => {
    const w = new FakeWorker();
    const c = new TwinClient(w);
    let n = 0;
    const off = c.on('frame', () => n++);
    const frame = { type: 'frame', snapshot: {}, events: [], kpiPoints: {}, playing: false, speed: 1, achievedSpeed: 0 } as unknown as FromWorker;
    w.reply(frame);
    off();
    w.reply(frame);
    expect(n).toBe(1);
  });
});
