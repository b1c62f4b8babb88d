import { readFileSync } from 'node:fs';
import { parsePythonFacts } from './server/src/engine/python/facts';
import { initPython } from './server/src/engine/python/parser';
(async () => {
  await initPython({ treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')), python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')) });
  const s = Date.now(); const f = parsePythonFacts(readFileSync('/tmp/tol/slow.py', 'utf8')); console.log('facts ms', Date.now() - s, f.errors.length);
})();
