// The web worker's server (webServer.ts) never answers or publishes from a half-read folder, on each example with an
// EXPECTED.json, in this process: its client reads the registries at once but holds every other read until the test
// lets it go (no sleeping). Hover and definition asked while those reads are held (on each word of the registries and
// the files with problems) answer as they do after the load (they wait for the reading), and every diagnostics publication during the load is a subset of EXPECTED.json's.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { Position } from 'vscode-languageserver-types';
import { RegistryEngine } from '../../server/src/engine/engine';
import { compileGlobs } from '../../server/src/engine/util/globs';
import { Methods, WebMethods, type ReadFilesParams, type ReadingParams } from '../../server/src/lsp/protocol';
import { NEVER_LISTED } from '../../server/src/host/listedWalk';
import { startWebServer } from '../../server/src/lsp/webServer';
import { wasm } from '../engine/helpers';
import { expectedOf, filesBelow, listFiles, readFiles, sections } from './webFiles';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const WITH_EXPECTED = readdirSync(EXAMPLES).filter((e) => existsSync(path.join(EXAMPLES, e, 'EXPECTED.json')));
/** At most this many places of an example's registry files are asked about. */
const MAX_PLACES = 300;
/** The places the browser e2e asks about (test/e2e/browserExamples.e2e.mjs), asked here too: file and a line's text. */
const NAMED: Record<string, { rel: string; re: RegExp }> = {
  'interface-workspace': { rel: 'src/cursus/steps/interfaces/xgb_eval.step.yaml', re: /XGBoostTraining\]/ },
  'apcore-extensions': { rel: 'extensions/email/send_meta.yaml', re: /ext\.text\.render/ },
  'onex-contracts': { rel: 'pyproject.toml', re: /^node_alpha_effect = / },
};

/** A place in each word (its second character) of `rel`'s lines: the registry entries, names and references. */
function placesIn(root: string, rel: string): Position[] {
  const lines = readFileSync(path.join(root, rel), 'utf8').split('\n');
  return lines.flatMap((text, line) =>
    [...text.matchAll(/[A-Za-z_][\w.]*/g)].map((m) => ({ line, character: (m.index ?? 0) + 1 })),
  );
}

describe('lsp: the web worker never answers or publishes from a half-read folder (each example with EXPECTED.json)', function () {
  this.timeout(300_000);

  it('covers every example with an EXPECTED.json', () => assert.ok(WITH_EXPECTED.length >= 9, WITH_EXPECTED.join()));

  for (const example of WITH_EXPECTED)
    it(`${example}: hover and definition asked while files are unread answer as after the load; no false problem is published`, async () => {
      const root = path.join(EXAMPLES, example);
      const rel = (uri: string): string => path.relative(root, fileURLToPath(uri)).split(path.sep).join('/');
      const probe = await RegistryEngine.create(wasm);
      const registry = compileGlobs(probe.registryGlobs()).matches;
      const settingsFile = path.join(root, '.vscode/settings.json');
      const flat = existsSync(settingsFile)
        ? (JSON.parse(readFileSync(settingsFile, 'utf8')) as Record<string, unknown>)
        : {};

      const up = new PassThrough();
      const down = new PassThrough();
      startWebServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)), () =>
        Promise.resolve({ wasm, codeDoc: '' }),
      );
      const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
      const wake: (() => void)[] = [];
      const saw = (): void => {
        for (const f of wake.splice(0)) f();
      };
      const until = (test: () => boolean): Promise<void> =>
        new Promise((resolve) => {
          const check = (): void => (test() ? resolve() : void wake.push(check));
          check();
        });
      /** Every publication, as `file:line:character code` lists, in the order sent. */
      const publications: { file: string; diagnostics: string[] }[] = [];
      let done = false;
      /** The reads of files other than registries, held while `holding`. */
      const held: (() => void)[] = [];
      let holding = true;
      client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        const file = rel(p.uri);
        const diagnostics = p.diagnostics.map(
          (d) => `${file}:${d.range.start.line}:${d.range.start.character} ${String(d.code)}`,
        );
        publications.push({ file, diagnostics });
        saw();
      });
      client.onNotification(WebMethods.reading, (r: ReadingParams) => {
        if (r.step === 'done') done = true;
        saw();
      });
      client.onRequest(WebMethods.listFiles, listFiles);
      client.onRequest(WebMethods.readFiles, (p: ReadFilesParams) => {
        if (!holding || p.uris.every((u) => registry(rel(u)))) return readFiles(p);
        return new Promise((resolve) => {
          held.push(() => resolve(readFiles(p)));
          saw();
        });
      });
      client.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
        const { registryLens, filesExclude } = sections(flat);
        return p.items.map((i) =>
          i.section === 'registryLens' ? registryLens : i.section === 'files.exclude' ? filesExclude : null,
        );
      });
      client.listen();
      await client.sendRequest('initialize', {
        processId: null,
        rootUri: null,
        workspaceFolders: [{ uri: pathToFileURL(root).href, name: example }],
        capabilities: { workspace: { configuration: true } },
      });
      await client.sendNotification('initialized', {});

      // the places asked about: the named one, then each word of the registry files and the files with problems
      const expected = expectedOf(root);
      const withProblems = expected.map((d) => d.slice(0, d.indexOf(':')));
      const asked = [
        ...new Set([
          ...filesBelow(root, NEVER_LISTED)
            .map(rel)
            .filter((r) => registry(r))
            .sort(),
          ...withProblems,
        ]),
      ];
      const named = NAMED[example];
      const places: { rel: string; position: Position }[] = [];
      if (named !== undefined) {
        const lines = readFileSync(path.join(root, named.rel), 'utf8').split('\n');
        const line = lines.findIndex((l) => named.re.test(l));
        assert.ok(line >= 0, `${named.re} in ${named.rel}`);
        places.push({ rel: named.rel, position: { line, character: (lines[line] ?? '').search(named.re) + 1 } });
      }
      for (const r of asked) places.push(...placesIn(root, r).map((position) => ({ rel: r, position })));
      const ask = (): Promise<unknown[]> =>
        Promise.all(
          places.slice(0, MAX_PLACES).flatMap(({ rel: r, position }) => {
            const params = { textDocument: { uri: pathToFileURL(path.join(root, r)).href }, position };
            return [
              client.sendRequest('textDocument/hover', params),
              client.sendRequest('textDocument/definition', params),
            ];
          }),
        );

      // asked while the files other than registries are held: sent before any of those reads is answered
      await until(() => held.length > 0 || done);
      assert.ok(held.length > 0, 'the load read a file other than a registry');
      const during = ask();
      holding = false;
      for (const release of held.splice(0)) release();
      const answersDuring = await during;
      await until(() => done);
      // answered after every message sent before (the publications at the end of the reading)
      await client.sendRequest(Methods.contexts, {});
      const expectedSet = new Set(expected);
      for (const { file, diagnostics } of publications) {
        const extra = diagnostics.filter((d) => !expectedSet.has(d));
        assert.deepEqual(extra, [], `a publication of ${file} during the load holds problems EXPECTED.json has not`);
      }
      const last = new Map(publications.map((p) => [p.file, p.diagnostics]));
      assert.deepEqual([...last.values()].flat().sort(), expected);
      const answersAfter = await ask();
      // (cursus-project's registry is an installed package, not in the folder: nothing there to answer about)
      if (example !== 'cursus-project')
        assert.ok(
          answersAfter.some((a) => a !== null && !(Array.isArray(a) && a.length === 0)),
          'some place has an answer',
        );
      for (let i = 0; i < answersAfter.length; i++) {
        const { rel: r, position } = places[Math.floor(i / 2)] ?? { rel: '?', position: {} };
        assert.deepEqual(
          answersDuring[i],
          answersAfter[i],
          `${i % 2 === 0 ? 'hover' : 'definition'} at ${r}:${position.line}:${position.character}`,
        );
      }

      client.dispose();
    });
});
