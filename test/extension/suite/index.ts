// Entry point of the in-editor test suite (the `extensionTestsPath` of @vscode/test-electron, or of
// code-server's `payload`): runs the mocha files beside it inside the extension host, writes a JSON
// summary to $RL_EXT_TEST_RESULTS when set, and rejects when a test failed.
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  ms?: number;
  error?: string;
}

export async function run(): Promise<void> {
  // mocha 12 is ESM-only: load it with import() (this bundle is CommonJS, as extension hosts want)
  const { default: Mocha } = (await import(pathToFileURL(require.resolve('mocha')).href)) as { default: MochaCtor };
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const f of readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(__dirname, f));
  await mocha.loadFilesAsync();
  const records: TestRecord[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((n) => resolve(n));
    runner.on('pass', (t) => records.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
    runner.on('fail', (t, err) =>
      records.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }),
    );
    runner.on('pending', (t) => records.push({ title: t.fullTitle(), state: 'pending' }));
  });
  const out = process.env['RL_EXT_TEST_RESULTS'];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- 'vscode' exists only in the extension host
  const { version } = require('vscode') as { version: string };
  if (out)
    writeFileSync(out, JSON.stringify({ failures, tests: records, vscode: version, node: process.version }, null, 2));
  if (failures > 0) throw new Error(`${failures} extension test(s) failed`);
}

interface MochaTest {
  fullTitle(): string;
  duration?: number;
}
interface MochaRunner {
  on(event: 'pass' | 'pending', cb: (t: MochaTest) => void): MochaRunner;
  on(event: 'fail', cb: (t: MochaTest, err: { stack?: string } | undefined) => void): MochaRunner;
}
interface MochaInstance {
  addFile(f: string): void;
  loadFilesAsync(): Promise<void>;
  run(cb: (failures: number) => void): MochaRunner;
}
type MochaCtor = new (options: Record<string, unknown>) => MochaInstance;
