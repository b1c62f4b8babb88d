// The layer invariants of ARCHITECTURE.md, checked on the import statements of every source file.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const p = join(dir, name);
    if (statSync(join(ROOT, p)).isDirectory()) out.push(...sources(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n;]*?(?:from\s+)?['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
  const dynamic = [...text.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? '');
  return [...specs, ...dynamic];
}

const ENGINE_FORBIDDEN = /^(?:node:)?(?:fs|fs\/promises|child_process|vm|worker_threads|module|net|http|https|os|process)$|^vscode|^vscode-languageserver|^vscode-languageclient/;

describe('architecture: layers', () => {
  it('the engine imports neither LSP, vscode, fs nor anything that could run workspace code', () => {
    const bad = sources('server/src/engine').flatMap((f) => imports(f).filter((s) => ENGINE_FORBIDDEN.test(s)).map((s) => `${f}: ${s}`));
    assert.deepEqual(bad, []);
    assert.ok(!sources('server/src/engine').some((f) => /\beval\s*\(|new Function\s*\(/.test(readFileSync(join(ROOT, f), 'utf8'))));
  });

  it('only server/src/lsp knows the protocol (engine, host and CLI do not)', () => {
    const others = [...sources('server/src/engine'), ...sources('server/src/cli'), ...sources('server/src/host')];
    const bad = others.flatMap((f) => imports(f).filter((s) => s.startsWith('vscode-languageserver')).map((s) => `${f}: ${s}`));
    assert.deepEqual(bad, []);
  });

  it('the engine never imports a front end', () => {
    const bad = sources('server/src/engine').flatMap((f) => imports(f).filter((s) => /\/(lsp|cli)\//.test(s) || s.includes('client/')).map((s) => `${f}: ${s}`));
    assert.deepEqual(bad, []);
  });

  it('the client is thin: no engine, no server code but the types-only protocol module', () => {
    const bad = sources('client/src').flatMap((f) => imports(f).filter((s) => (s.includes('server/') || s.includes('engine')) && !s.endsWith('server/src/lsp/protocol')).map((s) => `${f}: ${s}`));
    assert.deepEqual(bad, []);
    const protocol = readFileSync(join(ROOT, 'server/src/lsp/protocol.ts'), 'utf8');
    assert.ok([...protocol.matchAll(/^import (?!type )/gm)].length === 0, 'protocol.ts may only import types');
  });

  it('every module starts with a comment saying why it exists', () => {
    const files = [...sources('server/src'), ...sources('client/src')];
    const bare = files.filter((f) => !readFileSync(join(ROOT, f), 'utf8').startsWith('//'));
    assert.deepEqual(bare.map((f) => relative(ROOT, join(ROOT, f))), []);
  });
});
