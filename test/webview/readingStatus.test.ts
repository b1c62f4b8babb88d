// The web extension's status item while the server reads the folder: nothing on a fast file system (the reading ends
// before the delay), else "reading N/M files" with what is still being read in its tooltip, then its usual text.
import { strict as assert } from 'node:assert';
import { ReadingStatus, readingView, type ReadingView, type Timer } from '../../client/src/readingStatus';
import type { ReadingParams } from '../../server/src/lsp/protocol';

const FOLDER = 'vscode-vfs://github/org/repo';

/** A timer the test fires itself. */
function manualTimer(): Timer & { fire(): void; pending(): number } {
  const waiting = new Map<number, () => void>();
  let next = 0;
  return {
    set: (fire) => (waiting.set(++next, fire), next),
    clear: (handle) => void waiting.delete(handle as number),
    fire: () => {
      const all = [...waiting.values()];
      waiting.clear();
      for (const f of all) f();
    },
    pending: () => waiting.size,
  };
}

const reading = (step: ReadingParams['step'], read: number, total: number, pending: string[] = []): ReadingParams => ({
  folder: FOLDER,
  step,
  read,
  total,
  pending: pending.map((rel) => `${FOLDER}/${rel}`),
});

describe('client: the web status item while the folder is read', () => {
  it('shows nothing when the reading ends before the delay (a fast file system: no flicker)', () => {
    const timer = manualTimer();
    const shown: (ReadingView | undefined)[] = [];
    const status = new ReadingStatus((v) => shown.push(v), timer);
    status.told(reading('listing', 0, 0));
    status.told(reading('registries', 0, 800, ['src/registry/step_names.py']));
    status.told(reading('rest', 800, 800));
    status.told(reading('done', 800, 800));
    assert.equal(timer.pending(), 0, 'the delay is cancelled');
    assert.deepEqual(shown, []);
  });

  it('after the delay, tells each step of the reading, then its usual text', () => {
    const timer = manualTimer();
    const shown: (ReadingView | undefined)[] = [];
    const status = new ReadingStatus((v) => shown.push(v), timer);
    status.told(reading('listing', 0, 0));
    assert.equal(shown.length, 0, 'nothing before the delay');
    timer.fire();
    status.told(reading('registries', 0, 800, ['src/registry/step_names.py']));
    status.told(reading('rest', 120, 800, ['src/steps/builders/builder_a.py', 'src/my%20dir/b.py']));
    status.told(reading('done', 800, 800));
    assert.deepEqual(
      shown.map((v) => v?.text),
      [
        '$(sync~spin) Registry Lens: listing files',
        '$(sync~spin) Registry Lens: reading 0/800 files',
        '$(sync~spin) Registry Lens: reading 120/800 files',
        undefined,
      ],
    );
    assert.equal(
      shown[2]?.tooltip,
      'Reading repo: its other files (120/800 files read)\n  src/steps/builders/builder_a.py\n  src/my dir/b.py\n' +
        'Problems are shown, and requests answered, once every file is read.',
    );
    assert.match(
      shown[1]?.tooltip ?? '',
      /^Reading repo: its registries \(0\/800 files read\)\n {2}src\/registry\/step_names.py\n/,
    );
  });

  it('counts every folder still being read, and none that is done', () => {
    const other = { ...reading('rest', 5, 10), folder: 'vscode-vfs://github/org/other' };
    assert.equal(
      readingView([reading('rest', 120, 800), other])?.text,
      '$(sync~spin) Registry Lens: reading 125/810 files',
    );
    assert.equal(
      readingView([reading('done', 800, 800), other])?.text,
      '$(sync~spin) Registry Lens: reading 5/10 files',
    );
    assert.equal(readingView([reading('done', 800, 800)]), undefined);
  });
});
