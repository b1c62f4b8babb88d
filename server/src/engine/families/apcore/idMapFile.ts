// apcore's id map file as apcore-python's `load_id_map` (`registry/metadata.py`) reads it: `mappings:
// [{file, id?, class?}]`; no `mappings` list is RL029 (error: load_id_map raises ConfigError), an item
// without `file` RL029 (warning: the item does nothing). Stage 2 of the discovery pipeline
// (idMap.ts) applies what it reads to the scanned modules.
import type { Range } from '../../types';
import { dictEntry, type Lit } from '../../literal';
import { syntaxDiag } from '../../codes';
import { diag } from './codes';
import { ZERO_RANGE } from '../../text/ranges';
import { outsideErrorZones, parseYamlLit, type YamlFacts } from '../../yaml/yamlLit';
import { dirOf, joinRel } from '../../util/paths';
import type { IdMapDoc, IdMapItem } from './idMap';

export function readIdMap(file: string, text: string): IdMapDoc {
  const facts = parseYamlLit(text);
  const out = read(file, facts);
  out.diagnostics = outsideErrorZones(out.diagnostics, facts.errorZones);
  return out;
}

function read(file: string, facts: YamlFacts): IdMapDoc {
  const doc: IdMapDoc = { file, items: [], diagnostics: [] };
  for (const e of facts.errors) doc.diagnostics.push(syntaxDiag(file, e));
  const root = facts.value;
  const entry = dictEntry(root, 'mappings');
  if (!entry || entry.value.kind !== 'list') {
    const first = root?.kind === 'dict' ? root.entries[0]?.key.range : undefined;
    const range = entry ? entry.value.range : (first ?? root?.range ?? ZERO_RANGE);
    doc.diagnostics.push(
      diag(
        file,
        range,
        'RL029',
        entry
          ? "'mappings' must be a list of {file, id?, class?}"
          : "The id map has no 'mappings' list, so it maps nothing",
      ),
    );
    return doc;
  }
  for (const item of entry.value.items) {
    const str = (k: string): { value: string; range: Range; inner: Range } | null => {
      const v = dictEntry(item, k)?.value;
      return v?.kind === 'str' && v.value.trim() !== ''
        ? { value: v.value.trim(), range: v.range, inner: v.inner }
        : null;
    };
    const f = str('file');
    const mapped: IdMapItem = {
      range: item.range,
      file: f ? { ...f, fromMap: joinRel(dirOf(file), f.value) } : null,
      id: str('id'),
      cls: str('class'),
    };
    doc.items.push(mapped);
    if (!f)
      doc.diagnostics.push(
        diag(
          file,
          item.range,
          'RL029',
          "This mapping has no 'file'" +
            `${item.kind === 'dict' ? '' : ` (it is ${describe(item)}, not {file, id?, class?})`}, so it is ignored`,
          { severity: 'warning' },
        ),
      );
  }
  return doc;
}

function describe(v: Lit): string {
  return v.kind === 'str' ? `the string '${v.value}'` : v.kind === 'list' ? 'a list' : `a ${v.kind}`;
}
