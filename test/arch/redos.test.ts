// No pattern the server applies backtracks super-linearly: every regular expression of server/src/{engine,host,lsp,
// cli,mcp} (found by test/arch/regexSources.ts, so a new one cannot escape) is judged by recheck, the ReDoS checker,
// on its pure JavaScript backend (no native binary, no Java), with its wall-clock limits off so a verdict depends on
// the pattern alone. Verdicts are kept in redos.verdicts.json by pattern and recheck's version: a pattern without
// one is checked here (seconds each); `REDOS_RECORD=1` rewrites the file, `REDOS_FULL=1` checks every pattern again.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { check, type Parameters } from 'recheck';
import { foundRegexes } from './regexSources';

const VERDICTS = path.join(__dirname, 'redos.verdicts.json');
const RECHECK_VERSION = (
  JSON.parse(readFileSync(require.resolve('recheck/package.json'), 'utf8')) as { version: string }
).version;
/** Step limits only (recheck's defaults), a fixed seed, no time limits: the same verdict on any machine. */
const PARAMS: Parameters = {
  randomSeed: 0,
  timeout: null,
  attackTimeout: null,
  incubationTimeout: null,
  recallTimeout: -1,
};

/**
 * Patterns built from more than literals and the file's own constants: where each is applied, why it is linear, and
 * (when it can be written down) the pattern as built, for recheck too. Exactly the dynamic ones found.
 */
const DYNAMIC: readonly { file: string; text: string; why: string; built?: [string, string][] }[] = [
  {
    file: 'server/src/engine/families/apcore/bindingTargets.ts',
    text: "new RegExp(s, 'm')",
    why: 'shapes of a Python definition of `name`, which /^\\w+$/ has checked; modules over a size bound are not read',
    built: [
      ['^[ \\t]*(async[ \\t]+)?def[ \\t]+name\\b', 'm'],
      ['^[ \\t]*class[ \\t]+name\\b', 'm'],
      ['\\bname[ \\t]*:=', 'm'],
      // built with {0,4000}: recheck unrolls a bounded repetition into that many states and runs out of memory on
      // it, so it judges the same shape with a smaller bound
      ['\\bimport[ \\t]*\\([^)]{0,40}\\bname\\b', 'm'],
    ],
  },
  {
    file: 'server/src/engine/families/apcore/bindingTargets.ts',
    text: 'new RegExp(`\\\\b${n}\\\\b`)',
    why: 'the word `name`, which /^\\w+$/ has checked, searched in one line',
    built: [['\\bname\\b', '']],
  },
  {
    file: 'server/src/engine/families/cursus/registries/roles.ts',
    text: 'new RegExp(`^${WS_STEPS_DIR}/(builders|configs|specs|contracts|scripts)/(?:.+/)?[^/]+\\\\.py$`)',
    why: 'a constant folder (workspacePaths.ts) and one anchored path shape',
    built: [['^src/cursus_dev/steps/(builders|configs|specs|contracts|scripts)/(?:.+/)?[^/]+\\.py$', '']],
  },
  {
    file: 'server/src/engine/families/onex/contracts/coreTables.ts',
    text: "new RegExp(`(^|/)${PACKAGE}/(${CORE_MODULES.map(escapeRegExp).join('|')})$`)",
    why: "the built-in tables' module paths, escaped: an alternation of literal texts",
    built: [['(^|/)omnibase_core/(validation/a\\.py|enums/b\\.py)$', '']],
  },
  {
    file: 'server/src/engine/families/onex/contracts/features.ts',
    text: "new RegExp(`^class\\\\s+${escapeRegExp(cls)}\\\\b`, 'm')",
    why: 'a class name from a contract, escaped: `class`, blanks, that literal text',
    built: [['^class\\s+NodeX\\b', 'm']],
  },
  {
    file: 'server/src/engine/python/classDict.ts',
    text: "new RegExp(`^[ \\\\t]+${name}[ \\\\t]*(?::[^=\\\\n\\\\r\\\\u2028\\\\u2029]*)?=[ \\\\t]*(?=\\\\{)`, 'm')",
    why: 'a constant Python name of the callers (`LEGACY_ALIASES`)',
    built: [['^[ \\t]+LEGACY_ALIASES[ \\t]*(?::[^=\\n\\r\\u2028\\u2029]*)?=[ \\t]*(?=\\{)', 'm']],
  },
  {
    file: 'server/src/engine/model/features/stubImports.ts',
    text: "new RegExp(`^from[ \\\\t]+([\\\\w.]+)[ \\\\t]+import(?=[ \\\\t])${REST_OF_LINE}\\\\b${escapeRegExp(base)}\\\\b`, 'm')",
    why: "a base class name of cursus's templates, escaped",
    built: [['^from[ \\t]+([\\w.]+)[ \\t]+import(?=[ \\t])[^\\n\\r\\u2028\\u2029]*\\bStepBuilderBase\\b', 'm']],
  },
  {
    file: 'server/src/engine/model/features/stubImports.ts',
    text: "new RegExp(`^(?:from[ \\\\t]+\\\\S+[ \\\\t]+)?import(?=[ \\\\t])${REST_OF_LINE}\\\\b${name}\\\\b`, 'm')",
    why: 'one of two class names STUB_IMPORT matched in a stub of our own',
    built: [['^(?:from[ \\t]+\\S+[ \\t]+)?import(?=[ \\t])[^\\n\\r\\u2028\\u2029]*\\bBasePipelineConfig\\b', 'm']],
  },
  {
    file: 'server/src/engine/yaml/scalars.ts',
    text: "new RegExp(scalarTags.map((t) => `(?:${t.test?.source ?? '(?!)'})`).join('|'))",
    why: "an alternation of the yaml library's own anchored core-schema tests (null, booleans, numbers)",
  },
  {
    file: 'server/src/engine/yaml/splice.ts',
    text: 'new RegExp(`^ {${col}}- +$`)',
    why: 'a column number: a fixed count of blanks, a dash, blanks',
    built: [['^ {4}- +$', '']],
  },
];

/** Patterns recheck finds super-linear that only ever see bounded text, and why. */
const ACCEPTED: Readonly<Record<string, string>> = {
  '/ in JSON at position.*$/': "JSON.parse's message: V8's words and an excerpt it bounds, never the whole text",
  '/^(?:(.*)\\/)?steps\\/(builders|configs|specs|contracts|scripts)\\/(?:.+\\/)?[^/]+\\.py$/':
    'a root-relative path: quadratic in its count of `steps/<kind>/` only, which a path of at most 4,096 bytes bounds',
};

/** Patterns recheck cannot decide, each with the shape of test/soak/linearTime.test.ts that times it instead. */
const UNDECIDED: Readonly<Record<string, string>> = {};

interface Verdict {
  status: 'safe' | 'vulnerable' | 'unknown';
  summary: string;
}
interface VerdictFile {
  recheck: string;
  verdicts: Record<string, Verdict>;
}

describe('every regular expression of the engine and front ends is linear (recheck)', function () {
  // a pattern without a recorded verdict takes seconds on the pure JavaScript backend
  this.timeout(1_800_000);
  process.env['RECHECK_BACKEND'] = 'pure';

  const found = foundRegexes();
  const key = (source: string, flags: string): string => `/${source}/${flags}`;

  it('lists each pattern built from more than constants, with where it is applied and why it is linear', () => {
    const dynamic = found.flatMap((r) => (r.kind === 'dynamic' ? [`${r.at.replace(/:\d+$/, '')} ${r.text}`] : []));
    assert.deepEqual(dynamic.sort(), DYNAMIC.map((d) => `${d.file} ${d.text}`).sort());
  });

  it('finds every pattern recheck judges linear, but those accepted above', async () => {
    const patterns = new Map<string, [string, string]>();
    for (const r of found) if (r.kind === 'static') patterns.set(key(r.source, r.flags), [r.source, r.flags]);
    for (const d of DYNAMIC) for (const [s, f] of d.built ?? []) patterns.set(key(s, f), [s, f]);
    const file = JSON.parse(readFileSync(VERDICTS, 'utf8')) as VerdictFile;
    const recorded = file.recheck === RECHECK_VERSION && !process.env['REDOS_FULL'] ? file.verdicts : {};
    const verdicts: Record<string, Verdict> = {};
    for (const [k, [source, flags]] of [...patterns].sort(([a], [b]) => (a < b ? -1 : 1))) {
      let v = recorded[k];
      if (!v) {
        if (process.env['REDOS_RECORD']) console.log(`      checking ${k}`);
        const d = await check(source, flags, PARAMS);
        v = {
          status: d.status,
          summary: d.status === 'unknown' ? d.error.kind : d.complexity.summary,
        };
      }
      verdicts[k] = v;
      // kept as it goes, so a recording stopped half-way keeps what it judged
      if (process.env['REDOS_RECORD'])
        writeFileSync(
          VERDICTS,
          `${JSON.stringify({ recheck: RECHECK_VERSION, verdicts: { ...recorded, ...verdicts } }, null, 1)}\n`,
        );
    }
    if (process.env['REDOS_RECORD'])
      writeFileSync(VERDICTS, `${JSON.stringify({ recheck: RECHECK_VERSION, verdicts }, null, 1)}\n`);
    const counts: Record<string, number> = {};
    for (const v of Object.values(verdicts)) counts[v.status] = (counts[v.status] ?? 0) + 1;
    console.log(`      recheck ${RECHECK_VERSION}: ${JSON.stringify(counts)} of ${patterns.size} patterns`);
    const bad = Object.entries(verdicts).filter(
      ([k, v]) => (v.status === 'vulnerable' && !(k in ACCEPTED)) || (v.status === 'unknown' && !(k in UNDECIDED)),
    );
    assert.deepEqual(bad, [], 'super-linear or undecided: rewrite it (docs/development.md, "Regular expressions")');
    // the lists hold no pattern that is gone or judged safe, the file no verdict of a pattern that is gone
    assert.deepEqual(
      Object.keys(ACCEPTED).filter((k) => verdicts[k]?.status !== 'vulnerable'),
      [],
      'accepted but not super-linear (anymore)',
    );
    assert.deepEqual(
      Object.keys(UNDECIDED).filter((k) => verdicts[k]?.status !== 'unknown'),
      [],
      'undecided no more',
    );
    assert.deepEqual(
      Object.keys(file.verdicts).filter((k) => !(k in verdicts)),
      [],
      'verdicts of patterns that are gone: run REDOS_RECORD=1 npx mocha test/arch/redos.test.ts',
    );
  });

  it('gives each undecided pattern a linear-time shape of the soak suite', () => {
    const soak = readFileSync(path.join(__dirname, '..', 'soak', 'linearTime.test.ts'), 'utf8');
    for (const [pattern, shape] of Object.entries(UNDECIDED)) assert.ok(soak.includes(shape), `${pattern}: ${shape}`);
  });
});
