// Reading an edit inside one registry entry from that entry alone (model/splice.ts) must give exactly
// what reading the whole file gives, or decline. Checked on chains of random edits of the bench corpus's
// core and workspace registries — within a line, and adding, removing, joining or splitting lines, so
// that everything after the edit moves — where it must also answer for most edits inside an entry.
import { strict as assert } from 'node:assert';
import { initParsers } from './helpers';
import { parsePythonFacts } from '../../server/src/engine/python/facts';
import {
  coreSourceFromPython,
  workspaceSource,
  type RegistrySource,
} from '../../server/src/engine/model/entries/source';
import { spliceSource, type Rebuild } from '../../server/src/engine/model/entries/splice';
import { resolveSettings } from '../../server/src/engine/settings';
import { SETTING_GROUPS } from '../../server/src/engine/engine';
import { buildOrg, ORGS, renderCoreRegistry, renderWorkspaceRegistry } from '../../bench/generate';
import { Rng } from '../../bench/rng';
import { requireOf, runInHeap, type HeapRun } from './smallHeap';

interface File {
  path: string;
  text: string;
  wsDir: string | null;
}

function corpus(): File[] {
  const org = buildOrg(ORGS.small);
  return [
    { path: org.corePath, text: renderCoreRegistry(org), wsDir: null },
    ...org.workspaces.slice(0, 20).map((ws) => ({
      path: ws.registryPath,
      text: renderWorkspaceRegistry(ws),
      wsDir: `developer_workspaces/developers/${ws.dirName}`,
    })),
  ];
}

function rebuild(f: File): Rebuild {
  return (facts) =>
    f.wsDir === null
      ? coreSourceFromPython(f.path, facts, DEFAULT_SETTINGS)
      : workspaceSource(f.path, f.wsDir, facts, DEFAULT_SETTINGS, 'cursus');
}

function full(f: File, text: string): RegistrySource {
  return rebuild(f)(parsePythonFacts(text));
}

const CHARS = [
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '#',
  '\\',
  ' ',
  'a',
  'Z',
  '_',
  '0',
  '-',
  '*',
  'é',
  'f',
  'r',
  '(',
  ')',
  '\t',
];
const VALUES = [
  '"Processing"',
  '"Trainng"',
  '"x"',
  '""',
  '"PandasCustomerRegistrationConfig"',
  '["a", "b"]',
  '{"k": 1}',
  '{"k": 1, "k": 2}',
  'None',
  'True',
  '12',
  'NAME',
  'f"{x}"',
  '"a" "b"',
  '"a"\n"b"',
];

const FIELDS = [
  '        "x": "y",',
  '        "sagemaker_step_type": "Processing",',
  '        "description": (',
  '            "a"',
  '        ),',
  '        # a comment',
  '',
  '    },',
  '    "New": {',
];

const NEW_ENTRIES = [
  ['    "Fresh": {', '        "config_class": "FreshConfig",', '    },'],
  ['    "Flat": {"sagemaker_step_type": "Processing"}, "Flat2": {},'],
  ['    "Bare": {}'],
  ['    # a comment between entries', ''],
];

/**
 * One edit: within one line (a character, a quoted value), moving lines (a field added, a line removed,
 * joined, split, doubled), or of whole entries (one removed, doubled, renamed, added).
 */
function edit(text: string, rng: Rng): string {
  const lines = text.split('\n');
  const at = rng.int(0, lines.length - 1);
  const line = lines[at] ?? '';
  const heads = lines.flatMap((l, i) => (/^ {4}"[^"]*": \{$/.test(l) ? [i] : []));
  const head = heads.length > 0 ? rng.pick(heads) : at;
  let end = head;
  while (end < lines.length - 1 && !/^ {4}\},?$/.test(lines[end] ?? '')) end++;
  switch (rng.int(0, 14)) {
    case 10:
      lines.splice(head, end - head + 1);
      break;
    case 11:
      lines.splice(end + 1, 0, ...lines.slice(head, end + 1));
      break;
    case 12:
      lines[head] = (lines[head] ?? '').replace(
        /"[^"]*"/,
        rng.pick(['"Renamed"', '""', `"${rng.pick(lines.slice(0, 40)).trim().slice(1, 8)}"`]),
      );
      break;
    case 13:
      lines.splice(rng.pick([head, end + 1]), 0, ...rng.pick(NEW_ENTRIES));
      break;
    case 14:
      lines[end] = (lines[end] ?? '').replace(',', '');
      break;
    case 0: {
      const i = rng.int(0, line.length);
      lines[at] = line.slice(0, i) + rng.pick(CHARS) + line.slice(i);
      break;
    }
    case 1: {
      const i = rng.int(0, Math.max(0, line.length - 1));
      lines[at] = line.slice(0, i) + line.slice(i + 1);
      break;
    }
    case 2:
    case 3: {
      // A field's value replaced: the common edit inside an entry.
      const m = /: (.*?)(,?)$/.exec(line);
      if (m?.[1] !== undefined) lines[at] = line.slice(0, m.index + 2) + rng.pick(VALUES) + (m[2] ?? '');
      break;
    }
    case 4: {
      const i = rng.int(0, Math.max(0, line.length - 1));
      lines[at] = `${line.slice(0, i)}${line.slice(i + 1, i + 2)}${line.slice(i, i + 1)}${line.slice(i + 2)}`;
      break;
    }
    case 5:
      lines.splice(at, 0, rng.pick(FIELDS));
      break;
    case 6:
      lines.splice(at, 2, `${line}${rng.pick(['', ' '])}${(lines[at + 1] ?? '').trimStart()}`);
      break;
    case 7: {
      const i = rng.int(0, line.length);
      lines.splice(at, 1, line.slice(0, i), `${' '.repeat(rng.int(0, 12))}${line.slice(i)}`);
      break;
    }
    case 8:
      lines.splice(at, 0, line);
      break;
    default:
      lines.splice(at, 1);
  }
  return lines.join('\n');
}

const DEFAULT_SETTINGS = resolveSettings(SETTING_GROUPS, {});

describe('engine: reading an edit from the entry it changed (model/splice.ts)', () => {
  before(async () => {
    await initParsers();
  });

  it('equals the whole read or declines along 60 chains of 8 random edits, and answers for edits inside an entry', function () {
    this.timeout(60_000); // full reads of the core registry, on a machine that may be busy
    const files = corpus();
    const rng = new Rng(0x5911ce);
    let answered = 0;
    let moved = 0;
    let renamed = 0;
    for (let n = 0; n < 60; n++) {
      const f = rng.pick(files);
      let text = f.text;
      let source = full(f, text);
      for (let k = 0; k < 8; k++) {
        const next = edit(text, rng);
        const spliced = spliceSource(text, source, next, DEFAULT_SETTINGS, rebuild(f));
        const whole = full(f, next);
        if (spliced !== null) {
          answered++;
          if (next.split('\n').length !== text.split('\n').length) moved++;
          if (spliced.entries.map((e) => e.name).join() !== source.entries.map((e) => e.name).join()) renamed++;
          assert.deepStrictEqual(spliced, whole, `chain ${n}, edit ${k} of ${f.path}:\n${next}`);
        }
        text = next;
        source = spliced ?? whole;
      }
    }
    assert.ok(answered > 60, `the splice answered only ${answered} of 480 edits`);
    assert.ok(moved > 20, `the splice answered only ${moved} edits that add or remove lines`);
    assert.ok(renamed > 30, `the splice answered only ${renamed} edits that add, remove or rename entries`);
  });

  it('declines what a whole read must decide, and reads entries added, removed or renamed', () => {
    const text = 'STEP_NAMES = {\n    "A": {\n        "config_class": "AConfig",\n    },\n}\n';
    const core: File = { path: 'r.py', text, wsDir: null };
    const source = full(core, text);
    assert.ok(
      spliceSource(text, source, text.replace('"AConfig"', '"BConfig"'), DEFAULT_SETTINGS, rebuild(core)),
      'a value edit inside the entry is read from the entry',
    );
    assert.ok(
      spliceSource(
        text,
        source,
        text.replace('"AConfig",', '"AConfig",\n        "x": 1,'),
        DEFAULT_SETTINGS,
        rebuild(core),
      ),
      'a field added on its own line is read from the entry',
    );
    for (const after of [
      text.replace('"A": {', '"B": {'), // the key: names come and go
      text.replace('    },', '    }, "B": {},'), // an entry added after the closing brace
      text.replace('    },', '    },\n    "A": {},'), // a duplicate key
      text.replace('    "A": {\n        "config_class": "AConfig",\n    },\n', ''), // the only entry removed
    ])
      assert.deepStrictEqual(
        spliceSource(text, source, after, DEFAULT_SETTINGS, rebuild(core)),
        full(core, after),
        JSON.stringify(after),
      );
    for (const after of [
      text.replace('"AConfig"', '"AConfig\r"'), // a lone CR ends a line
      text.replace('"AConfig"', '"AConfig'), // a syntax error
      text.replace('"AConfig"', 'NAME'), // not a literal the scanner reads
    ])
      assert.equal(spliceSource(text, source, after, DEFAULT_SETTINGS, rebuild(core)), null, JSON.stringify(after));
  });

  it('keeps no version of the text an entry was read again from (its strings are copies)', function () {
    this.timeout(60_000); // two child processes loading the engine
    // V8 keeps a string cut from a text as a view into all of it: an entry re-read from each new version
    // kept that version alive, a version per entry edited (the memory soak, scripts/soak/memory.ts).
    // 60 edits of a 2 MB core registry, each typing into another entry's description, in a child whose
    // heap holds 64 MB: the versions, if the entries kept them, would hold 120 MB.
    const run = (keepVersions: boolean): HeapRun =>
      runInHeap(
        64,
        `
      const { initParsers } = ${requireOf('test/engine/helpers')};
      const { parsePythonFacts } = ${requireOf('server/src/engine/python/facts')};
      const { coreSourceFromPython } = ${requireOf('server/src/engine/model/entries/source')};
      const { spliceSource } = ${requireOf('server/src/engine/model/entries/splice')};
      const { resolveSettings } = ${requireOf('server/src/engine/settings')};
      const { SETTING_GROUPS } = ${requireOf('server/src/engine/engine')};
      const { buildOrg, ORGS, renderCoreRegistry } = ${requireOf('bench/generate')};
      initParsers().then(() => {
        const settings = resolveSettings(SETTING_GROUPS, {});
        const org = buildOrg(ORGS.small);
        const rebuild = (facts) => coreSourceFromPython(org.corePath, facts, settings);
        let text = renderCoreRegistry(org) + '\\n# ' + 'padding '.repeat(250000) + '\\n';
        let source = rebuild(parsePythonFacts(text));
        const starts = [...text.matchAll(/"description": "/g)].map((m) => m.index + 16).slice(0, 60);
        const versions = [];
        starts.forEach((at, i) => {
          // The offsets move by the one character typed before.
          const next = text.slice(0, at + i) + 'x' + text.slice(at + i);
          const spliced = spliceSource(text, source, next, settings, rebuild);
          if (!spliced) throw new Error('edit ' + i + ' was not read from its entry');
          if (${keepVersions}) versions.push(text);
          [text, source] = [next, spliced];
        });
        console.log(starts.length, source.entries.length);
      });
    `,
      );
    const copied = run(false);
    assert.equal(copied.status, 0, copied.stderr.slice(0, 500));
    assert.equal(copied.stdout.trim(), '60 200');
    // The control: the same edits with every version kept alive do not fit.
    assert.notEqual(run(true).status, 0);
  });
});
