import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { RegistryEngine } from './server/src/engine/engine';
const wasm = { treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')), python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')) };
const show = (ds: any[]) => ds.map((d) => `${d.file} ${d.code} ${JSON.stringify(d.range)} ${d.message.slice(0, 100)}`);
(async () => {
  const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
  const root = join('examples', process.argv[3]!);
  const orig = new Map<string, string>();
  const walk = (d: string): void => { for (const e of readdirSync(d)) { const a = join(d, e); if (statSync(a).isDirectory()) walk(a); else if (/\.(py|ya?ml)$/.test(e)) orig.set(relative(root, a).split(sep).join('/'), readFileSync(a, 'utf8')); } };
  walk(root);
  const inc = await RegistryEngine.create(wasm);
  for (const [f, t] of orig) inc.setFile(f, t);
  inc.update();
  for (const [f, t] of Object.entries(input.files)) if (t !== orig.get(f)) { console.log('changed', f); inc.setFile(f, t as string); }
  inc.update();
  const fresh = await RegistryEngine.create(wasm);
  for (const [f, t] of Object.entries(input.files)) fresh.setFile(f, t as string);
  fresh.update();
  const a = show(inc.allDiagnostics()), b = show(fresh.allDiagnostics());
  for (const x of a) if (!b.includes(x)) console.log('inc only:', x);
  for (const x of b) if (!a.includes(x)) console.log('fresh only:', x);
})();
