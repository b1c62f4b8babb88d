// The folder queue on its own, in-process, with a recording analyser: changes apply in the order they
// came (an asynchronous one before anything after it), a request sees every change before it and none
// after, a document's change superseded before any request is dropped, cancelled requests are dropped,
// and the analysis runs when it is due.
import { strict as assert } from 'node:assert';
import { CANCELLED, FolderQueue, type Analyser } from '../../server/src/lsp/folderQueue';

/** Applied changes wait in `staged` until a step moves them to `analysed`; a step can be held open. */
class Recorder implements Analyser {
  readonly applied: string[] = [];
  readonly staged: string[] = [];
  readonly analysed: string[] = [];
  steps = 0;
  costMs = 0;
  /** When set, the next step waits for it. */
  hold: Promise<void> | undefined;
  /** When set, the next step fails with it. */
  failure: Error | undefined;
  private stepped: (() => void)[] = [];

  get dirty(): boolean {
    return this.staged.length > 0;
  }

  apply(name: string): () => void {
    return () => {
      this.applied.push(name);
      this.staged.push(name);
    };
  }

  async step(): Promise<void> {
    this.steps++;
    const hold = this.hold;
    this.hold = undefined;
    if (hold !== undefined) await hold;
    const failure = this.failure;
    this.failure = undefined;
    if (failure !== undefined) throw failure;
    this.analysed.push(...this.staged.splice(0));
    for (const resolve of this.stepped.splice(0)) resolve();
  }

  /** Resolves after the next step. */
  nextStep(): Promise<void> {
    return new Promise((resolve) => this.stepped.push(resolve));
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const token = (): { isCancellationRequested: boolean } => ({ isCancellationRequested: false });

describe('lsp: folder queue', () => {
  let queues: FolderQueue[] = [];
  let errors: unknown[] = [];
  /** A queue whose debounce never runs out within a test: only requests and loads analyse. */
  function start(analyser: Analyser, debounceMs = 600_000): FolderQueue {
    const queue = new FolderQueue(analyser, debounceMs, (e) => errors.push(e));
    queues.push(queue);
    return queue;
  }
  beforeEach(() => {
    errors = [];
  });
  afterEach(() => {
    for (const q of queues) q.close();
    queues = [];
  });

  it('applies changes in the order they came, an asynchronous one (a load, a directory listed) before the next', async () => {
    const r = new Recorder();
    const q = start(r);
    const load = deferred();
    q.change(
      async () => {
        await load.promise;
        r.apply('load')();
      },
      { analyse: 'now' },
    );
    q.change(r.apply('edit a'), { document: 'a' });
    q.change(r.apply('watched b'));
    q.change(r.apply('edit c'), { document: 'c' });
    assert.deepEqual(r.applied, [], 'nothing passes the load');
    load.resolve();
    await q.idle();
    assert.deepEqual(r.applied, ['load', 'edit a', 'watched b', 'edit c']);
    assert.deepEqual(r.analysed, r.applied, 'the load made the analysis due at once');
  });

  it('keeps the order across thousands of changes queued at once (a branch switch), requests among them', async () => {
    const r = new Recorder();
    const q = start(r);
    const busy = deferred();
    q.change(() => busy.promise);
    const names = Array.from({ length: 5000 }, (_, i) => `file ${i}`);
    const seen: Promise<number | typeof CANCELLED>[] = [];
    names.forEach((name, i) => {
      q.change(r.apply(name));
      if (i % 1000 === 999) seen.push(q.request(() => r.analysed.length));
    });
    busy.resolve();
    assert.deepEqual(await Promise.all(seen), [1000, 2000, 3000, 4000, 5000]);
    assert.deepEqual(r.applied, names);
  });

  it('lets the event loop turn between analysis steps: what arrived meanwhile is read before the next step', async () => {
    const order: string[] = [];
    let left = 4;
    const analyser: Analyser = {
      get dirty() {
        return left > 0;
      },
      costMs: 0,
      // Each step resolves in promise jobs, as a step that publishes nothing does.
      step: () => {
        left--;
        order.push(`step ${4 - left}`);
        if (left === 3) setImmediate(() => order.push('a message arrived'));
        return Promise.resolve();
      },
    };
    const q = start(analyser);
    // Started from a timer, as every step after the first is (the queue's turn): mocha runs a test from an immediate,
    // where an immediate queued by the step waits for the next loop, after a timer that expired meanwhile (a loaded
    // machine). A message read from the connection is handled in the same loop's immediates, before the timers.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    q.change(() => undefined, { analyse: 'now' });
    await q.idle();
    assert.deepEqual(order, ['step 1', 'a message arrived', 'step 2', 'step 3', 'step 4']);
  });

  it('answers a request after every change before it is applied and analysed, and before any change after it', async () => {
    const r = new Recorder();
    const q = start(r);
    q.change(r.apply('x'), { document: 'doc' });
    q.change(r.apply('y'));
    const seen = q.request(() => [...r.analysed]);
    q.change(r.apply('z'), { document: 'doc' });
    assert.deepEqual(await seen, ['x', 'y']);
    assert.deepEqual(await q.request(() => [...r.analysed]), ['x', 'y', 'z']);
  });

  it('drops a change of a document that a newer one of the same document follows before any request', async () => {
    const r = new Recorder();
    const q = start(r);
    const busy = deferred();
    q.change(() => busy.promise);
    q.change(r.apply('a1'), { document: 'a' });
    q.change(r.apply('b1'), { document: 'b' });
    q.change(r.apply('a2'), { document: 'a' });
    q.change(r.apply('watched'));
    q.change(r.apply('a3'), { document: 'a' });
    busy.resolve();
    await q.idle();
    assert.deepEqual(r.applied, ['b1', 'watched', 'a3']);
  });

  it('keeps a change a request comes after, though a newer one of its document follows: the request sees it', async () => {
    const r = new Recorder();
    const q = start(r);
    const busy = deferred();
    q.change(() => busy.promise);
    q.change(r.apply('a1'), { document: 'a' });
    const seen = q.request(() => [...r.analysed]);
    q.change(r.apply('a2'), { document: 'a' });
    busy.resolve();
    assert.deepEqual(await seen, ['a1']);
    await q.idle();
    assert.deepEqual(r.applied, ['a1', 'a2']);
  });

  it('applies a settings change or a watched batch between edits in order, the edits after it waiting for it', async () => {
    const r = new Recorder();
    const q = start(r);
    const settings = deferred();
    const asked = deferred();
    q.change(r.apply('edit 1'), { document: 'a' });
    q.change(r.apply('watched 1'));
    q.change(r.apply('watched 2'));
    q.change(
      async () => {
        asked.resolve();
        await settings.promise;
        r.apply('settings')();
      },
      { analyse: 'now' },
    );
    q.change(r.apply('edit 2'), { document: 'a' });
    const seen = q.request(() => [...r.analysed]);
    await asked.promise;
    assert.deepEqual(
      r.applied,
      ['edit 1', 'watched 1', 'watched 2'],
      'the edit after the settings waits for their answer',
    );
    settings.resolve();
    assert.deepEqual(await seen, ['edit 1', 'watched 1', 'watched 2', 'settings', 'edit 2']);
  });

  it('drops a request cancelled before its turn, and one cancelled while the analysis it waits for runs', async () => {
    const r = new Recorder();
    const q = start(r);
    const busy = deferred();
    q.change(() => busy.promise);
    const early = token();
    let computed = 0;
    const dropped = q.request(() => ++computed, early);
    early.isCancellationRequested = true;
    busy.resolve();
    assert.equal(await dropped, CANCELLED);

    const hold = deferred();
    r.hold = hold.promise;
    q.change(r.apply('edit'), { document: 'a' });
    const late = token();
    const waiting = q.request(() => ++computed, late);
    const stepping = r.nextStep();
    late.isCancellationRequested = true;
    hold.resolve();
    await stepping;
    assert.equal(await waiting, CANCELLED);
    assert.equal(computed, 0, 'no cancelled request computed its answer');
    assert.equal(await q.request(() => ++computed, token()), 1);
  });

  it('analyses a lone change without a request once the debounce runs out (at once after a cheap analysis)', async () => {
    const r = new Recorder();
    const q = start(r, 0);
    const stepped = r.nextStep();
    q.change(r.apply('edit'), { document: 'a' });
    await stepped;
    assert.deepEqual(r.analysed, ['edit']);
  });

  it('logs a change that fails and goes on; a failed step fails the request that waited for it', async () => {
    const r = new Recorder();
    const q = start(r);
    q.change(() => {
      throw new Error('bad change');
    });
    q.change(r.apply('next'));
    const failing = new Error('bad step');
    r.failure = failing;
    await assert.rejects(
      q.request(() => 'answer'),
      failing,
    );
    assert.deepEqual(
      errors.map((e) => (e as Error).message),
      ['bad change', 'bad step'],
    );
    assert.deepEqual(r.applied, ['next']);
    assert.equal(await q.request(() => r.analysed.join()), 'next', 'the next request analyses again');
  });

  it('drops the changes of a closed folder and analyses nothing more, still answering requests', async () => {
    const r = new Recorder();
    const q = start(r);
    const busy = deferred();
    q.change(() => busy.promise);
    q.change(r.apply('late'));
    const answer = q.request(() => r.steps);
    q.close();
    busy.resolve();
    assert.equal(await answer, 0);
    assert.deepEqual(r.applied, []);
  });
});
