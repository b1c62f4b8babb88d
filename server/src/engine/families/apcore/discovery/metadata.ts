// Stage 3 of the discovery pipeline (apcore-python `registry/metadata.py` `load_metadata`,
// `parse_dependencies`): reads one `*_meta.yaml` into a MetaDoc — syntax errors (RL030) without losing
// the rest, duplicate keys (RL001), schema violations at their node (RL020), near-miss keys (RL016),
// version hints apcore rejects (RL020), deprecation keys no SDK reads (RL073) — and extracts the fields later stages
// use.
import type { Range } from '../../../types';
import { dictEntry, type Lit } from '../../../literal';
import { syntaxDiag } from '../../../codes';
import { diag } from '../codes';
import { duplicateKeys, pushAll } from '../../../model/entries/source';
import { outsideErrorZones, parseYamlLit, type YamlFacts } from '../../../yaml/yamlLit';
import { checkMetaSchema } from './metaSchema';
import { misplacedDeprecation } from './deprecation';
import { parseVersion, readVersionHint } from './versionHint';
import type { MetaDep, MetaDoc, MetaEntryPoint } from '../../../model/discovery/types';
import { dictFields, fieldValue } from '../../../model/entries/dictFields';
import { pos, span } from '../../../text/positions';

export function loadMeta(file: string, text: string): MetaDoc {
  const facts = parseYamlLit(text);
  const out = read(file, facts);
  out.diagnostics = outsideErrorZones(out.diagnostics, facts.errorZones);
  return out;
}

function read(file: string, facts: YamlFacts): MetaDoc {
  const doc: MetaDoc = {
    file,
    root: facts.value,
    fields: dictFields(facts.value),
    deps: [],
    entryPoint: null,
    version: null,
    description: null,
    diagnostics: [],
  };
  for (const e of facts.errors) doc.diagnostics.push(syntaxDiag(file, e));
  for (const w of facts.tagWarnings)
    doc.diagnostics.push(diag(file, w.range, 'RL030', w.message, { severity: 'warning' }));
  const root = facts.value;
  if (!root || root.kind === 'none') return doc;
  pushAll(doc.diagnostics, duplicateKeys(file, root, 'YAML'));
  for (const p of checkMetaSchema(root)) {
    doc.diagnostics.push(
      diag(file, p.range, p.rename ? 'RL016' : 'RL020', p.message, {
        fixes:
          p.rename && !p.taken
            ? [{ title: `Rename to '${p.rename.newText}'`, preferred: true, edits: [{ file, edits: [p.rename] }] }]
            : [],
      }),
    );
  }
  if (root.kind !== 'dict') return doc;
  pushAll(doc.diagnostics, misplacedDeprecation(file, root));
  const str = (key: string): Extract<Lit, { kind: 'str' }> | null => {
    const v = fieldValue(doc.fields, key);
    return v?.kind === 'str' ? v : null;
  };
  const version = str('version');
  if (version && parseVersion(version.value) !== null) doc.version = version.value;
  doc.description = str('description')?.value ?? null;
  const ep = str('entry_point');
  if (ep) doc.entryPoint = entryPoint(ep);
  const deps = fieldValue(doc.fields, 'dependencies');
  if (deps?.kind === 'list') for (const item of deps.items) readDep(doc, item);
  // Kept at its length (a pushed list keeps V8's spare room; a large org keeps 27,000 of these: ~1 MB).
  if (doc.deps.length > 0) doc.deps = doc.deps.slice();
  return doc;
}

function readDep(doc: MetaDoc, item: Lit): void {
  if (item.kind !== 'dict') return;
  const get = (k: string): Lit | undefined => dictEntry(item, k)?.value;
  const id = get('module_id');
  if (id?.kind !== 'str' || id.value === '') return;
  const v = get('version');
  let version: MetaDep['version'] = null;
  if (v?.kind === 'str') {
    const hint = readVersionHint(v.value);
    if ('error' in hint)
      doc.diagnostics.push(
        diag(
          doc.file,
          v.range,
          'RL020',
          `Version hint '${v.value}' is malformed for apcore (${hint.error}); its matches_version_hint raises ` +
            "VersionConstraintError. Write constraints such as '>=1.2.0', '^2.0.0', '~1.2' or '>=1.0.0,<2.0.0'",
        ),
      );
    else version = { value: v.value, range: v.range };
  }
  const optional = get('optional');
  doc.deps.push({
    moduleId: id.value,
    range: id.range,
    inner: id.inner,
    item: item.range,
    version,
    optional: optional?.kind === 'bool' && optional.value,
  });
}

/** apcore takes the class name after the last `:` (`entry_point.split(":")[-1]`); the rest is ignored. */
function entryPoint(v: Extract<Lit, { kind: 'str' }>): MetaEntryPoint | null {
  const at = v.value.lastIndexOf(':') + 1;
  const cls = v.value.slice(at).trim();
  if (!/^[A-Z_$][\w$]*$/i.test(cls)) return null;
  const inner = v.inner;
  const plain = inner.start.line === inner.end.line && inner.end.character - inner.start.character === v.value.length;
  const clsRange: Range = plain ? span(pos(inner.start.line, inner.start.character + at), inner.end) : inner;
  return { cls, range: v.range, inner, clsRange };
}
