// Prints the mid-edit figures of the examples (see midEdit.ts):
//   npx tsx scripts/tolerance/measure.ts [--engine path/to/server/src/engine/engine.ts] [--every N]
// `--engine` measures another checkout's engine (e.g. the main branch, for "before" figures).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { emptyFigures, feedRoot, measuredFiles, measureFile, report, type MeasuredEngine } from './midEdit';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const enginePath = resolve(opt('--engine') ?? join(__dirname, '../../server/src/engine/engine.ts'));
const every = Number(opt('--every') ?? '1');
const wasm = {
  treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
  python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
};

async function main(): Promise<void> {
  const { RegistryEngine } = (await import(enginePath)) as {
    RegistryEngine: { create(w: typeof wasm): Promise<MeasuredEngine> };
  };
  const examples = join(__dirname, '../../examples');
  const fig = emptyFigures();
  for (const name of ['demo-workspace', 'hybrid-workspace', 'meta-workspace', 'apcore-extensions']) {
    const root = join(examples, name);
    const engine = await RegistryEngine.create(wasm);
    feedRoot(engine, root);
    for (const file of measuredFiles(root))
      measureFile(engine, file, readFileSync(join(root, file), 'utf8'), fig, every);
  }
  console.log(`engine: ${enginePath}${every > 1 ? ` (one deletion in ${every})` : ''}`);
  console.log(report(fig));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
