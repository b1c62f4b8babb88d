import { readFileSync } from 'node:fs';
import { RegistryEngine } from './server/src/engine/engine';
import { violations, lspLines } from './scripts/fuzz/invariants';
const wasm = { treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')), python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')) };
(async () => {
  const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
  const e = await RegistryEngine.create(wasm);
  for (const [f, t] of Object.entries(input.files)) e.setFile(f, t as string);
  let s = Date.now(); e.update(); console.log('ms', Date.now() - s);
  const bad = violations(e.allDiagnostics(), (f) => e.text(f));
  console.log(bad);
  const f = process.argv[3];
  if (f) { const lines = lspLines(e.text(f)!); console.log(JSON.stringify(lines.slice(0, 6).map(l => l.slice(0, 80)))); console.log(e.diagnostics(f).map(d => d.code + JSON.stringify(d.range) + d.message).join('\n')); }
})();
