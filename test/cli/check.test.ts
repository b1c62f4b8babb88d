// `registry-lens check`: exit codes per --fail-on, and the text, JSON (SPEC §7) and SARIF formats.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { CODES } from '../../server/src/engine/engine';
import { CODES_DOC } from '../../server/src/engine/codes';
import {
  ALICE,
  brokenTree,
  cleanTree,
  CORE_REGISTRY,
  removeTrees,
  runCli,
  runJson,
  textAt,
  warningTree,
  writeTree,
} from './helpers';

interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface JsonDiagnostic {
  file: string;
  range: JsonRange;
  severity: string;
  code: string;
  message: string;
  related: { file: string; range: JsonRange; message: string }[];
}

describe('cli check', () => {
  let clean: string;
  let broken: string;
  let warningOnly: string;
  before(() => {
    clean = writeTree(cleanTree());
    broken = writeTree(brokenTree());
    warningOnly = writeTree(warningTree());
  });
  after(removeTrees);

  describe('exit codes', () => {
    const cases: [string, () => string, string[], number][] = [
      ['clean root', () => clean, [], 0],
      ['clean root, --fail-on warning', () => clean, ['--fail-on', 'warning'], 0],
      ['an error, default --fail-on', () => broken, [], 1],
      ['an error, --fail-on error', () => broken, ['--fail-on', 'error'], 1],
      ['an error, --fail-on warning', () => broken, ['--fail-on', 'warning'], 1],
      ['an error, --fail-on never', () => broken, ['--fail-on', 'never'], 0],
      ['only a warning, --fail-on error', () => warningOnly, ['--fail-on', 'error'], 0],
      ['only a warning, --fail-on warning', () => warningOnly, ['--fail-on', 'warning'], 1],
      ['only a warning, --fail-on never', () => warningOnly, ['--fail-on', 'never'], 0],
    ];
    for (const [name, root, flags, code] of cases) {
      it(`${name} → ${code}`, () => {
        const r = runCli(['check', root(), ...flags]);
        assert.equal(r.code, code, r.stdout + r.stderr);
      });
    }

    it('defaults ROOT to the working directory', () => {
      assert.equal(runCli(['check'], broken).code, 1);
      assert.equal(runCli(['check'], clean).code, 0);
    });
  });

  describe('--format json', () => {
    it('prints exactly the SPEC object, with nothing to report on a clean root', () => {
      const { code, json } = runJson(['check', clean, '--format', 'json']);
      assert.equal(code, 0);
      assert.deepEqual(Object.keys(json), ['version', 'summary', 'diagnostics']);
      assert.equal(json['version'], 1);
      const summary = json['summary'] as Record<string, unknown>;
      assert.deepEqual(Object.keys(summary), [
        'sources',
        'entries',
        'workspaces',
        'errors',
        'warnings',
        'information',
        'hints',
        'ms',
        'frameworks',
      ]);
      const { frameworks, ...counts } = summary;
      for (const v of Object.values(counts)) assert.equal(typeof v, 'number');
      assert.ok(Array.isArray(frameworks));
      assert.equal(summary['workspaces'], 1);
      assert.ok(Number(summary['sources'] ?? 0) >= 2, 'core registry and alice registry are sources');
      assert.deepEqual(json['diagnostics'], []);
    });

    it('reports each diagnostic with the SPEC keys, precise ranges, sorted by file, line, character, code', () => {
      const { code, json } = runJson(['check', broken, '--format', 'json']);
      assert.equal(code, 1);
      const diagnostics = json['diagnostics'] as JsonDiagnostic[];
      for (const d of diagnostics) {
        assert.deepEqual(Object.keys(d), ['file', 'range', 'severity', 'code', 'message', 'related']);
        assert.deepEqual(Object.keys(d.range), ['start', 'end']);
        for (const rel of d.related) assert.deepEqual(Object.keys(rel), ['file', 'range', 'message']);
      }
      const key = (d: JsonDiagnostic): [string, number, number, string] => [
        d.file,
        d.range.start.line,
        d.range.start.character,
        d.code,
      ];
      const sorted = [...diagnostics].sort((a, b) => compareTuples(key(a), key(b)));
      assert.deepEqual(diagnostics, sorted);

      const rl005 = diagnostics.find((d) => d.code === 'RL005');
      assert.ok(rl005, JSON.stringify(diagnostics, null, 2));
      assert.equal(rl005.file, CORE_REGISTRY);
      assert.equal(rl005.severity, 'error');
      assert.match(
        textAt(readFileSync(join(broken, CORE_REGISTRY), 'utf8'), rl005.range),
        /^"?ModelCalibrationStepBuilder"?$/,
      );
      const rl006 = diagnostics.find((d) => d.code === 'RL006');
      assert.ok(rl006);
      assert.equal(rl006.file, `${ALICE}/registry/workspace_registry.py`);
      assert.equal(rl006.severity, 'warning');
      const summary = json['summary'] as Record<string, number>;
      assert.equal(summary['errors'], diagnostics.filter((d) => d.severity === 'error').length);
      assert.equal(summary['warnings'], diagnostics.filter((d) => d.severity === 'warning').length);
    });
  });

  describe('--format text', () => {
    it('groups by file like the Problems panel and ends with the summary line', () => {
      const r = runCli(['check', broken]);
      const lines = r.stdout.trimEnd().split('\n');
      const header = lines.indexOf(CORE_REGISTRY);
      assert.ok(header >= 0, r.stdout);
      assert.match(lines[header + 1] ?? '', /^ {2}\d+:\d+ +error +.*ModelCalibrationStepBuilder.* {2}\[RL005\]$/);
      assert.match(
        lines.at(-1) ?? '',
        /^1 error, 1 warning, 0 information, 0 hints in 2 files \(\d+ sources?, \d+ entr(y|ies), 1 workspace\)$/,
      );
    });

    it('prints only the summary on a clean root', () => {
      const r = runCli(['check', clean]);
      assert.match(r.stdout, /^0 errors, 0 warnings, 0 information, 0 hints in 0 files \(/);
    });
  });

  describe('--format sarif', () => {
    it('is SARIF 2.1.0 with one rule per code and 1-based regions', () => {
      const { code, json } = runJson(['check', broken, '--format', 'sarif']);
      assert.equal(code, 1);
      assert.equal(json['version'], '2.1.0');
      const run = (json['runs'] as Record<string, unknown>[])[0] as Record<string, any>;
      const driver = run['tool']['driver'];
      assert.equal(driver.name, 'registry-lens');
      // no link to a page that may not exist: the rule's help names its section of the shipped reference
      assert.equal(driver.informationUri, undefined);
      const rule = (driver.rules as { id: string; helpUri?: string; help: { text: string } }[]).find(
        (x) => x.id === 'RL005',
      );
      assert.ok(rule);
      assert.equal(rule.helpUri, undefined);
      assert.match(
        rule.help.text,
        /Reference: docs\/diagnostics\.md, section RL005, in Registry Lens's clone or package\.$/,
      );
      const results = run['results'] as any[];
      const rl005 = results.find((x) => x.ruleId === 'RL005');
      assert.equal(rl005.level, 'error');
      assert.equal(driver.rules[rl005.ruleIndex].id, 'RL005');
      const location = rl005.locations[0].physicalLocation;
      assert.equal(location.artifactLocation.uri, CORE_REGISTRY);
      const diag = (runJson(['check', broken, '--format', 'json']).json['diagnostics'] as JsonDiagnostic[]).find(
        (d) => d.code === 'RL005',
      );
      assert.ok(diag);
      assert.deepEqual(location.region, {
        startLine: diag.range.start.line + 1,
        startColumn: diag.range.start.character + 1,
        endLine: diag.range.end.line + 1,
        endColumn: diag.range.end.character + 1,
      });
      assert.equal(results.find((x) => x.ruleId === 'RL006').level, 'warning');
    });

    it('validates against SARIF 2.1.0; each rule has what GitHub shows: name, descriptions, help from the docs', () => {
      const { json } = runJson(['check', broken, '--format', 'sarif']);
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      addFormats(ajv);
      const schemaFile = join(__dirname, '..', 'data', 'sarif-schema-2.1.0.json');
      const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
      const validate = ajv.compile(schema);
      assert.ok(validate(json), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
      interface Rule {
        id: string;
        name: string;
        shortDescription: { text: string };
        fullDescription: { text: string };
        help: { text: string; markdown: string };
        helpUri?: string;
      }
      const rules = (json['runs'] as { tool: { driver: { rules: Rule[] } } }[])[0]!.tool.driver.rules;
      assert.deepEqual(
        rules.map((r) => r.id),
        CODES.map((c) => c.code),
      );
      assert.equal(new Set(rules.map((r) => r.name)).size, rules.length, 'rule names are unique');
      const doc = readFileSync(join(__dirname, '..', '..', CODES_DOC), 'utf8');
      for (const r of rules) {
        assert.match(r.name, /^[A-Z][A-Za-z0-9]*$/, r.id);
        assert.equal(r.shortDescription.text, CODES.find((c) => c.code === r.id)?.title);
        // the help is the code's section, from its heading to the next anchor, then the section's name;
        // links to the reference's own pages become their label and the file they name
        const section = doc.split(`<a id="${r.id.toLowerCase()}"></a>\n`)[1]!.split('\n<a id=')[0]!;
        const body = section.slice(section.indexOf('\n') + 1).trim();
        const reference = `\n\nReference: ${CODES_DOC}, section ${r.id}, in Registry Lens's clone or package.`;
        assert.equal(r.help.text, body.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') + reference, r.id);
        const expected = body
          .replace(/\[([^\]]*)\]\(#[^)]*\)/g, '$1')
          .replace(
            /\[([^\]]*)\]\(([\w-]+\.md)(#[^)]*)?\)/g,
            (_, l: string, f: string, h = '') => `${l} (\`docs/${f}${h}\`)`,
          );
        assert.equal(r.help.markdown, expected + reference, r.id);
        for (const [, target] of r.help.markdown.matchAll(/\]\(([^)]*)\)/g)) {
          assert.match(target!, /^https:\/\/(?!github\.com\/registry-lens\/)/, `${r.id}: ${target}`);
        }
        assert.ok(r.fullDescription.text.length > 20, r.id);
        assert.ok(body.replace(/\s+/g, ' ').includes(r.fullDescription.text.slice(0, 20)), r.id);
        assert.equal(r.helpUri, undefined, r.id);
      }
      const rl004 = rules.find((r) => r.id === 'RL004')!;
      assert.equal(rl004.name, 'OverrideOfAStepCoreDoesNotDefine');
      assert.match(rl004.fullDescription.text, /^A `STEP_OVERRIDES` key that is not a core step/);
    });
  });
});

function compareTuples(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined || x === y) continue;
    return x < y ? -1 : 1;
  }
  return 0;
}
