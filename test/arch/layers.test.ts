// The layer invariants of ARCHITECTURE.md, checked on the import statements of every source file.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { FAMILIES } from '../../server/src/engine/families';

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
  // A clause of names and braces (`import {\n  a,\n} from`, as a formatter writes it) before `from`, or `import 'x'`.
  const clause = /(?:^|\n)\s*(?:(?:import|export)\s(?:[\w$*\s,]|\{[^}]*\})*?\bfrom\s*|import\s*)['"]([^'"]+)['"]/g;
  const specs = [...text.matchAll(clause)].map((m) => m[1] ?? '');
  const dynamic = [...text.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? '');
  return [...specs, ...dynamic];
}

/** The shared step layer (engine/model/): the step model under the families, no family of its own. */
const STEP_LAYER = 'server/src/engine/model';
/**
 * The frameworks whose formats build on the shared step layer: its members (they declare step parts: member.ts) and
 * cursus's DAGs, read against its model. ONEX's formats do not import it (their editor features go through
 * analysis/features.ts).
 */
const STEP_LAYER_USERS = ['cursus', 'apcore'];
const FAMILIES_DIR = 'server/src/engine/families';
/** A module's framework: its folder under families/ (`cursus`, `apcore`, `onex`), or null outside them. */
const frameworkOf = (file: string): string | null => /server\/src\/engine\/families\/([^/]+)\//.exec(file)?.[1] ?? null;
/** The families' folders: those the registry imports (a framework's format, e.g. `cursus/dags`, or `apcore`). */
const familyFolders = (): string[] =>
  imports(`${FAMILIES_DIR}/index.ts`)
    .filter((s) => s.startsWith('./'))
    .map((s) => join(FAMILIES_DIR, s).split('\\').join('/'))
    .sort((a, b) => b.length - a.length);
/** A module's family: the deepest family folder holding it (companions inside apcore are a family of their own). */
const familyOf = (file: string, folders: readonly string[]): string | null =>
  folders.find((d) => file.startsWith(`${d}/`)) ?? null;

/** Rank of an engine module (see the test of downward imports): a module may import its own rank or lower. */
const LAYERS: [RegExp, number][] = [
  [/engine\/(types|api)(\.ts)?$|engine\/db\//, 0],
  [/engine\/(util|text)\//, 1],
  [/engine\/(literal|codes|settings)(\.ts)?$|engine\/(python|yaml|schema)\//, 2],
  [/engine\/(checks|render)\//, 3],
  [/engine\/analysis\//, 4],
  [/engine\/workspace(\.ts)?$/, 5],
  [/engine\/model(\/|$)/, 6],
  [/engine\/families(\/|$)/, 7],
  [/engine\/engine(\.ts)?$/, 8],
  // The documents and check filters front ends print or return: built from the engine's answers, read by no engine module.
  [/engine\/documents\//, 9],
];
function layerOf(path: string): number {
  const hit = LAYERS.find(([re]) => re.test(path));
  if (!hit) throw new Error(`no layer for ${path}: add it to LAYERS`);
  return hit[1];
}

/**
 * The text of every string literal and template part of a module (comments and regular expressions are
 * not strings): a small scanner of TypeScript's lexical grammar, enough for this source tree.
 */
function stringLiterals(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  /** Open template literals: the brace depth at which each `${` was opened. */
  const templates: number[] = [];
  let depth = 0;
  let i = 0;
  /** The last significant character, to tell a regular expression from a division. */
  let last = '';
  const readTemplate = (): void => {
    let part = '';
    while (i < text.length) {
      const c = text[i] as string;
      if (c === '\\') {
        part += text.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (c === '`') {
        i++;
        out.push(part);
        last = '`';
        return;
      }
      if (c === '$' && text[i + 1] === '{') {
        i += 2;
        out.push(part);
        templates.push(depth++);
        last = '{';
        return;
      }
      part += c;
      i++;
    }
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '/' && text[i + 1] === '/') {
      i = text.indexOf('\n', i);
      if (i < 0) break;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 2;
      if (i < 2) break;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let part = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\') {
          part += text.slice(j, j + 2);
          j += 2;
        } else part += text[j++];
      }
      out.push(part);
      i = j + 1;
      last = c;
      continue;
    }
    if (c === '`') {
      i++;
      readTemplate();
      continue;
    }
    if (
      c === '/' &&
      (last === '' ||
        '(,=:[!&|?{};+-*%<>~^'.includes(last) ||
        /\b(return|typeof|case|in|of)$/.test(text.slice(Math.max(0, i - 8), i).trimEnd()))
    ) {
      let j = i + 1;
      let inClass = false;
      while (j < text.length && (inClass || text[j] !== '/')) {
        if (text[j] === '\\') j++;
        else if (text[j] === '[') inClass = true;
        else if (text[j] === ']') inClass = false;
        j++;
      }
      i = j + 1;
      last = 'a';
      continue;
    }
    if (c === '{') depth++;
    if (c === '}') {
      depth--;
      if (templates.length > 0 && templates[templates.length - 1] === depth) {
        templates.pop();
        i++;
        readTemplate();
        continue;
      }
    }
    if (!/\s/.test(c)) last = c;
    i++;
  }
  return out;
}

const ENGINE_FORBIDDEN =
  /^(?:node:)?(?:fs|fs\/promises|child_process|vm|worker_threads|module|net|http|https|os|process)$|^vscode|^vscode-languageserver|^vscode-languageclient/;

describe('architecture: layers', () => {
  it('the engine imports neither LSP, vscode, fs nor anything that could run workspace code', () => {
    const bad = sources('server/src/engine').flatMap((f) =>
      imports(f)
        .filter((s) => ENGINE_FORBIDDEN.test(s))
        .map((s) => `${f}: ${s}`),
    );
    assert.deepEqual(bad, []);
    assert.ok(
      !sources('server/src/engine').some((f) =>
        /\beval\s*\(|new Function\s*\(/.test(readFileSync(join(ROOT, f), 'utf8')),
      ),
    );
  });

  it('only server/src/lsp knows the protocol (engine, host, CLI and MCP server do not)', () => {
    const others = [
      ...sources('server/src/engine'),
      ...sources('server/src/cli'),
      ...sources('server/src/host'),
      ...sources('server/src/mcp'),
    ];
    const bad = others.flatMap((f) =>
      imports(f)
        .filter((s) => s.startsWith('vscode-languageserver'))
        .map((s) => `${f}: ${s}`),
    );
    assert.deepEqual(bad, []);
  });

  it('the engine never imports a front end', () => {
    const bad = sources('server/src/engine').flatMap((f) =>
      imports(f)
        .filter((s) => /\/(lsp|cli|mcp)\//.test(s) || s.includes('client/'))
        .map((s) => `${f}: ${s}`),
    );
    assert.deepEqual(bad, []);
  });

  it('the host knows no front end, and front ends reach each other only where the CLI starts the MCP server', () => {
    const frontEnd = (from: string, s: string): string | null =>
      s.startsWith('.')
        ? (/^server\/src\/(lsp|cli|mcp)\//.exec(join(dirname(from), s).split('\\').join('/'))?.[1] ?? null)
        : null;
    const bad = ['host', 'lsp', 'cli', 'mcp'].flatMap((layer) =>
      sources(`server/src/${layer}`).flatMap((f) =>
        imports(f)
          .filter((s) => {
            const to = frontEnd(f, s);
            return to !== null && to !== layer && !(f.endsWith('cli/runCommand.ts') && s === '../mcp/serve.js');
          })
          .map((s) => `${f}: ${s}`),
      ),
    );
    assert.deepEqual(bad, []);
  });

  it('only server/src/mcp knows the MCP SDK and zod', () => {
    const others = [
      ...sources('server/src/engine'),
      ...sources('server/src/host'),
      ...sources('server/src/lsp'),
      ...sources('server/src/cli'),
      ...sources('client/src'),
    ];
    const bad = others.flatMap((f) =>
      imports(f)
        .filter((s) => s.startsWith('@modelcontextprotocol/') || s === 'zod' || s.startsWith('zod/'))
        .map((s) => `${f}: ${s}`),
    );
    assert.deepEqual(bad, []);
  });

  it('the client is thin: no engine, no server code but the types-only protocol module', () => {
    const bad = sources('client/src').flatMap((f) =>
      imports(f)
        .filter((s) => (s.includes('server/') || s.includes('engine')) && !s.endsWith('server/src/lsp/protocol'))
        .map((s) => `${f}: ${s}`),
    );
    assert.deepEqual(bad, []);
    const protocol = readFileSync(join(ROOT, 'server/src/lsp/protocol.ts'), 'utf8');
    assert.ok([...protocol.matchAll(/^import (?!type )/gm)].length === 0, 'protocol.ts may only import types');
  });

  it("the client trusts no markdown: it sets no trust or HTML option, and the language client's default trusts nothing (R16)", () => {
    // Hover and completion markdown hold workspace text: escaped by the engine, and rendered with command links and HTML off.
    // (`workspace.isTrusted` is the workspace's trust, read, not a markdown option.)
    const bad = sources('client/src').filter((f) =>
      /\b(?:supportHtml|MarkdownString)\b|(?<!workspace\.)\bisTrusted\b/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    assert.deepEqual(bad, []);
    const library = readFileSync(join(ROOT, 'node_modules/vscode-languageclient/lib/common/client.js'), 'utf8');
    assert.match(library, /const markdown = \{\s*isTrusted: false,\s*supportHtml: false,/);
  });

  it('the query layer (engine/db) imports no domain code: only itself', () => {
    const bad = sources('server/src/engine/db').flatMap((f) =>
      imports(f)
        .filter((s) => !s.startsWith('./'))
        .map((s) => `${f}: ${s}`),
    );
    assert.deepEqual(bad, []);
  });

  it("families never import each other (a framework's formats share only its modules of no family), and only the registry imports a family", () => {
    const folders = familyFolders();
    assert.ok(folders.length >= 7, `family folders: ${folders.join(', ')}`);
    const bad = sources(FAMILIES_DIR).flatMap((f) =>
      imports(f).flatMap((s) => {
        if (!s.startsWith('.') || f === `${FAMILIES_DIR}/index.ts`) return [];
        const to = join(dirname(f), s).split('\\').join('/');
        if (!frameworkOf(`${to}/`)) return [];
        const target = familyOf(`${to}/`, folders);
        const allowed = target === null ? frameworkOf(f) === frameworkOf(`${to}/`) : familyOf(f, folders) === target;
        return allowed ? [] : [`${f}: ${s}`];
      }),
    );
    assert.deepEqual(bad, []);
  });

  it("the step layer's users are its members and cursus's DAGs: ONEX's formats do not import it", () => {
    const bad = sources(FAMILIES_DIR).flatMap((f) =>
      imports(f)
        .filter((s) => s.startsWith('.') && join(dirname(f), s).split('\\').join('/').startsWith(`${STEP_LAYER}/`))
        .filter(() => !STEP_LAYER_USERS.includes(frameworkOf(f) ?? '') && f !== `${FAMILIES_DIR}/index.ts`)
        .map((s) => `${f}: ${s}`),
    );
    assert.deepEqual(bad, []);
  });

  it('outside families/, one engine module imports from families/: engine.ts, which assembles the engine', () => {
    const importers = sources('server/src/engine')
      .filter((f) => !f.includes('engine/families/'))
      .filter((f) =>
        imports(f).some(
          (s) => s.startsWith('.') && join(dirname(f), s).split('\\').join('/').includes('engine/families'),
        ),
      );
    assert.deepEqual(importers, ['server/src/engine/engine.ts']);
  });

  it('engine.ts imports one module of families/, the registry: the model, checks and new workspaces come through it', () => {
    const specs = imports('server/src/engine/engine.ts').filter((s) => /^\.\/families(\/|$)/.test(s));
    assert.deepEqual(specs, ['./families']);
  });

  it('outside families/, no engine module names a family in a string (its id anywhere in it, as a word: a key `<id>:…`, a setting, a message)', () => {
    const ids = FAMILIES.map((f) => f.name);
    assert.ok(ids.length >= 7, `families: ${ids.join(', ')}`);
    const words = ids.map((id) => new RegExp(`(?<![\\w-])${id}(?![\\w-])`, 'i'));
    const names = (text: string): boolean => words.some((w) => w.test(text));
    assert.deepEqual(
      ['cursus:ws:', 'registryLens.apcore.roots', 'an ONEX tree', 'cursus_dev', 'onextree', 'cursus-interfaces-x'].map(
        names,
      ),
      [true, true, true, false, false, false],
    );
    // The scan sees strings where families keep them (and only strings: this file's comments name them too).
    assert.ok(stringLiterals('server/src/engine/families/onex/artifacts/facts.ts').some(names));
    // Import specifiers are the import graph, which the test above checks (engine.ts assembles the families).
    const bad = sources('server/src/engine')
      .filter((f) => !f.includes('engine/families/'))
      .flatMap((f) => {
        const specs = new Set(imports(f));
        return stringLiterals(f)
          .filter((t) => !specs.has(t) && names(t))
          .map((t) => `${f}: '${t}'`);
      });
    assert.deepEqual(bad, []);
  });

  it('the shared step model names no member in a string', () => {
    // Its strings (keys, messages, ids) belong to the family they describe: a member's wording, paths and rules
    // reach the model through its member interface (model/member.ts).
    const dir = `${STEP_LAYER}/`;
    const naming = sources(dir.slice(0, -1)).filter((f) => {
      const specs = new Set(imports(f));
      return stringLiterals(f).some((s) => !specs.has(s) && /apcore|cursus/i.test(s));
    });
    assert.deepEqual(
      naming.map((f) => f.slice(dir.length)),
      [],
    );
  });

  it('the model layer names no framework and imports nothing from families/ (but the modules still to move)', () => {
    // A framework's rules, fields and settings live in its room (families/<framework>/) and reach the model through
    // its member interface (model/member.ts): the model's text (comments included) names none of them.
    const frameworks = /cursus|apcore|onex/i;
    const dir = `${STEP_LAYER}/`;
    const files = sources(STEP_LAYER);
    const fromFamilies = files.flatMap((f) =>
      imports(f)
        .filter((s) => s.startsWith('.') && join(dirname(f), s).split('\\').join('/').startsWith(`${FAMILIES_DIR}/`))
        .map((s) => `${f}: ${s}`),
    );
    assert.deepEqual(fromFamilies, []);
    const naming = files
      .filter((f) => frameworks.test(readFileSync(join(ROOT, f), 'utf8')))
      .map((f) => f.slice(dir.length));
    // Still to move into families/cursus/ (and apcore's merge keys into families/apcore/): each leaves this list when
    // its rules go behind a member hook, and the list only shrinks.
    const pending = [
      'checks/components.ts',
      'discovery/mergedFields.ts',
      'entries/fields.ts',
      'entries/registry.ts',
      'entries/rowClasses.ts',
      'entries/source.ts',
      'entries/wsNames.ts',
      'features/explain.ts',
      'features/fixes.ts',
      'settings.ts',
    ];
    assert.deepEqual(naming.sort(), pending);
  });

  it("families keep nothing across calls but through the core's memos (util/memo.ts): no top-level let or weak map", () => {
    // What a module keeps process-wide outlives the engine that made it; the core's memos are bounded and pure.
    const bad = [...sources('server/src/engine/families'), ...sources(STEP_LAYER)].flatMap((f) =>
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .filter((line) => /^(export )?let |^(export )?const \w+ = new Weak(Map|Set)\b/.test(line))
        .map((line) => `${f}: ${line}`),
    );
    assert.deepEqual(bad, []);
  });

  it('families never see interning or string detaching: no family module imports util/intern or util/detachStrings', () => {
    // A family says what its facts keep (FileFamily.factsKeep) and asks the core for directory names and
    // pair keys (util/paths.ts, util/pairKey.ts); the core decides what is kept once and what is copied.
    const doors = /\/util\/(intern|detachStrings)$/;
    const bad = [...sources('server/src/engine/families'), ...sources(STEP_LAYER)].flatMap((f) =>
      imports(f)
        .filter((s) => s.startsWith('.') && doors.test(join(dirname(f), s).split('\\').join('/')))
        .map((s) => `${f}: ${s}`),
    );
    assert.deepEqual(bad, []);
  });

  it("the engine's layers import downward only (types, db < util, text < parsers < checks, render < analysis < workspace < model < families < engine.ts < documents/)", () => {
    const bad = sources('server/src/engine').flatMap((f) =>
      imports(f)
        .filter((s) => s.startsWith('.') && !s.endsWith('.json'))
        .flatMap((s) => {
          const target = join(dirname(f), s).split('\\').join('/');
          return layerOf(target) > layerOf(f) ? [`${f}: ${s}`] : [];
        }),
    );
    assert.deepEqual(bad, []);
  });

  it('engine modules import each other without cycles (type imports included)', () => {
    const resolve = (from: string, spec: string): string => {
      const p = join(dirname(from), spec);
      return existsSync(join(ROOT, `${p}.ts`)) ? `${p}.ts` : join(p, 'index.ts');
    };
    const graph = new Map(
      sources('server/src/engine').map((f) => [
        f,
        imports(f)
          .filter((s) => s.startsWith('.'))
          .map((s) => resolve(f, s)),
      ]),
    );
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, trail: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].join(' -> '));
        return;
      }
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
    assert.deepEqual(
      bare.map((f) => relative(ROOT, join(ROOT, f))),
      [],
    );
  });
});
