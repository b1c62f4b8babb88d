// The layer invariants of ARCHITECTURE.md, checked on the import statements of every source file.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

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

  it('only server/src/lsp knows the protocol (engine, host, CLI and MCP server do not)', () => {
    const others = [...sources('server/src/engine'), ...sources('server/src/cli'), ...sources('server/src/host'), ...sources('server/src/mcp')];
    const bad = others.flatMap((f) => imports(f).filter((s) => s.startsWith('vscode-languageserver')).map((s) => `${f}: ${s}`));
    assert.deepEqual(bad, []);
  });

  it('the engine never imports a front end', () => {
    const bad = sources('server/src/engine').flatMap((f) => imports(f).filter((s) => /\/(lsp|cli|mcp)\//.test(s) || s.includes('client/')).map((s) => `${f}: ${s}`));
    assert.deepEqual(bad, []);
  });

  it('the host knows no front end, and front ends reach each other only where the CLI starts the MCP server', () => {
    const frontEnd = (from: string, s: string): string | null =>
      s.startsWith('.') ? /^server\/src\/(lsp|cli|mcp)\//.exec(join(dirname(from), s).split('\\').join('/'))?.[1] ?? null : null;
    const bad = ['host', 'lsp', 'cli', 'mcp'].flatMap((layer) => sources(`server/src/${layer}`).flatMap((f) => imports(f)
      .filter((s) => { const to = frontEnd(f, s); return to !== null && to !== layer && !(f.endsWith('cli/runCommand.ts') && s === '../mcp/serve.js'); })
      .map((s) => `${f}: ${s}`)));
    assert.deepEqual(bad, []);
  });

  it('only server/src/mcp knows the MCP SDK and zod', () => {
    const others = [...sources('server/src/engine'), ...sources('server/src/host'), ...sources('server/src/lsp'), ...sources('server/src/cli'), ...sources('client/src')];
    const bad = others.flatMap((f) => imports(f).filter((s) => s.startsWith('@modelcontextprotocol/') || s === 'zod' || s.startsWith('zod/')).map((s) => `${f}: ${s}`));
    assert.deepEqual(bad, []);
  });

  it('the client is thin: no engine, no server code but the types-only protocol module', () => {
    const bad = sources('client/src').flatMap((f) => imports(f).filter((s) => (s.includes('server/') || s.includes('engine')) && !s.endsWith('server/src/lsp/protocol')).map((s) => `${f}: ${s}`));
    assert.deepEqual(bad, []);
    const protocol = readFileSync(join(ROOT, 'server/src/lsp/protocol.ts'), 'utf8');
    assert.ok([...protocol.matchAll(/^import (?!type )/gm)].length === 0, 'protocol.ts may only import types');
  });

  it('the client trusts no markdown: it sets no trust or HTML option, and the language client\'s default trusts nothing (R16)', () => {
    // Hover and completion markdown hold workspace text: escaped by the engine, and rendered with command links and HTML off.
    const bad = sources('client/src').filter((f) => /\b(?:isTrusted|supportHtml|MarkdownString)\b/.test(readFileSync(join(ROOT, f), 'utf8')));
    assert.deepEqual(bad, []);
    const library = readFileSync(join(ROOT, 'node_modules/vscode-languageclient/lib/common/client.js'), 'utf8');
    assert.match(library, /const markdown = \{\s*isTrusted: false,\s*supportHtml: false,/);
  });

  it('the query layer (engine/db) imports no domain code: only itself and alien-signals\' core', () => {
    const bad = sources('server/src/engine/db').flatMap((f) => imports(f).filter((s) => !s.startsWith('./') && s !== 'alien-signals/system').map((s) => `${f}: ${s}`));
    assert.deepEqual(bad, []);
  });

  it('families never import each other, and only the registry of families imports a family', () => {
    const familyOf = (file: string): string | null => /server\/src\/engine\/families\/([^/]+)\//.exec(file)?.[1] ?? null;
    const bad = sources('server/src/engine').flatMap((f) => imports(f).flatMap((s) => {
      const target = familyOf(join(dirname(f), s).split('\\').join('/') + '/');
      if (!target || target === 'family' || !s.startsWith('.')) return [];
      const from = familyOf(f);
      const allowed = from === target || f.endsWith('engine/families/index.ts');
      return allowed ? [] : [`${f}: ${s}`];
    }));
    assert.deepEqual(bad, []);
  });

  it('features never import a family (they reach families through the model and the engine)', () => {
    const bad = sources('server/src/engine/features').flatMap((f) => imports(f).filter((s) => s.includes('families/')).map((s) => `${f}: ${s}`));
    assert.deepEqual(bad, []);
  });

  it('engine modules import each other without cycles (type imports included)', () => {
    const resolve = (from: string, spec: string): string => {
      const p = join(dirname(from), spec);
      return existsSync(join(ROOT, `${p}.ts`)) ? `${p}.ts` : join(p, 'index.ts');
    };
    const graph = new Map(sources('server/src/engine').map((f) => [f, imports(f).filter((s) => s.startsWith('.')).map((s) => resolve(f, s))]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, trail: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') { cycles.push([...trail.slice(trail.indexOf(f)), f].join(' -> ')); return; }
      state.set(f, 'open');
      for (const g of graph.get(f) ?? []) visit(g, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    assert.deepEqual(cycles, []);
  });

  it('every module starts with a comment saying why it exists', () => {
    const files = [...sources('server/src'), ...sources('client/src')];
    const bare = files.filter((f) => !readFileSync(join(ROOT, f), 'utf8').startsWith('//'));
    assert.deepEqual(bare.map((f) => relative(ROOT, join(ROOT, f))), []);
  });
});
