import { pathToFileURL } from 'node:url';
import { readSettings } from '../server/src/host/readSettings';
import { Folder } from '../server/src/lsp/folder';
import { wasm } from './engine/helpers';
(async () => {
  const root = process.argv[2] as string;
  const folder = new Folder(pathToFileURL(root).href, 'x', (c) => c);
  const settings = { ...readSettings(root, () => {}), pythonEnvironment: process.argv[3] };
  const t = Date.now();
  await folder.load({ wasm, settings, nested: [], opened: [], progress: () => {} });
  for (let i = 0; i < 1000 && folder.dirty; i++) { const a = folder.feeder.readAhead(); if (a) await a; else await folder.feeder.flush().more; }
  const files = folder.engine.files();
  const lib = files.filter((f) => f.includes('cursus/'));
  const byExt = new Map<string, number>();
  for (const f of lib) { const m = f.match(/(\.[a-z]+)+$/)?.[0] ?? f; byExt.set(m, (byExt.get(m) ?? 0) + 1); }
  console.log(files.length, lib.length, [...byExt], Date.now() - t);
  console.log(lib.filter((f) => f.endsWith('.json')).slice(0, 3), lib.filter((f) => f.endsWith('.py')).slice(0, 40));
})();
