// Preloaded into a server run from source by test/lsp/route.test.ts: each call of the two ends of the
// documented route (Feeder.stage, where a keystroke's text is staged; Publisher.publish, where the engine
// hands out what changed) appends its frame and its callers' frames in server/src to the file ROUTE_LOG names.
import { appendFileSync } from 'node:fs';
import { Feeder } from '../../../server/src/host/feeder';
import { Publisher } from '../../../server/src/engine/analysis/publish';

Error.stackTraceLimit = 100;
const log = process.env['ROUTE_LOG'] as string;

function probe<T extends object>(proto: T, name: keyof T & string, at: { fn: string; file: string }): void {
  const original = proto[name] as (...args: unknown[]) => unknown;
  Object.defineProperty(proto, name, {
    value: function (this: unknown, ...args: unknown[]): unknown {
      const callers = (new Error().stack ?? '')
        .split('\n')
        .slice(2)
        .flatMap((line) => {
          const m = /at (.*?) \(.*?\/(server\/src\/[^:]+):\d+:\d+\)$/.exec(line.trim());
          return m ? [{ fn: m[1] as string, file: m[2] as string }] : [];
        });
      appendFileSync(log, `${JSON.stringify({ name, first: args[0], frames: [at, ...callers] })}\n`);
      return original.apply(this, args);
    },
  });
}

probe(Feeder.prototype, 'stage', { fn: 'Feeder.stage', file: 'server/src/host/feeder.ts' });
probe(Publisher.prototype, 'publish', { fn: 'Publisher.publish', file: 'server/src/engine/analysis/publish.ts' });
