// Preloaded into a server run from source by test/lsp/route.test.ts: each call of the two ends of the
// documented route (Feeder.stage, where a keystroke's text is staged; Publisher.publish, where the engine
// hands out what changed) and of the parse between them (a family's `read` of a file) appends its frame and its
// callers' frames in server/src to the file ROUTE_LOG names.
import { appendFileSync } from 'node:fs';
import { Feeder } from '../../../server/src/host/feeder';
import { Publisher } from '../../../server/src/engine/analysis/publish';
import { FAMILIES } from '../../../server/src/engine/families';

Error.stackTraceLimit = 100;
const log = process.env['ROUTE_LOG'] as string;

function probe<T extends object>(proto: T, name: keyof T & string, at?: { fn: string; file: string }): void {
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
      appendFileSync(log, `${JSON.stringify({ name, first: args[0], frames: at ? [at, ...callers] : callers })}\n`);
      return original.apply(this, args);
    },
  });
}

probe(Feeder.prototype, 'stage', { fn: 'Feeder.stage', file: 'server/src/host/feeder.ts' });
probe(Publisher.prototype, 'publish', { fn: 'Publisher.publish', file: 'server/src/engine/analysis/publish.ts' });
// A family's reader, seen from its caller (the query that reads a file's facts: analysis/files.ts).
for (const family of FAMILIES) probe(family, 'read');
