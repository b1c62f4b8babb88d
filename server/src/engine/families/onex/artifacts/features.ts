// The ONEX family's editor features: hover on an artifact (versions, status, WIP, metadata) and on
// keys (schema descriptions), definition from `path`/`metadata_file`/`entrypoint`, references of an
// artifact name, completion (`metadata_file` by list, `status`, existing version directories for
// `path`, schema keys and examples), symbols, code lenses, document links (links.ts), Explain with version policies,
// and `list`.
import type {
  CodeLensResult,
  CompletionResult,
  DocumentSymbolResult,
  Explanation,
  ListRow,
  WorkspaceSymbolResult,
} from '../../../api';
import type { FamilyFeatures, FamilyQueries } from '../../../analysis/family';
import type { Location, Position, Range } from '../../../types';
import type { Lit } from '../../../literal';
import { CORE } from '../../../types';
import { ZERO_RANGE } from '../../../text/ranges';
import { LineIndex } from '../../../text/lineIndex';
import { closest, subsequence } from '../../../util/editDistance';
import { ARTIFACT_LISTS, METADATA_FILE, entrypointFiles, isArtifactList, metadataFileOf, versionDirOf } from './kinds';
import { onexQueries, type OnexQueries } from './queries';
import { onexSchemaAt, SCHEMA_OF_LIST, type OnexSchemaName } from './schemas';
import { typeName } from '../../../schema/walk';
import { nodeAt, registryTarget } from './locate';
import { choose, parsePolicy, versionLine, versionSummary, versionsOf, type VersionView } from './versions';
import type { OnexArtifact } from './registryDoc';
import { mdCode, mdLines, mdText } from '../../../render/escape';
import { ONEX_SETTINGS } from './settings';
import { onexLinks } from './links';

const o = (q: FamilyQueries): OnexQueries => onexQueries(q.files);
const at = (file: string, r: Range): Location => ({ file, range: r });

function schemaOfFile(q: OnexQueries, file: string): { name: OnexSchemaName; root: Lit | null } | null {
  const reg = q.registry(file);
  if (reg) return { name: 'registry', root: reg.root };
  const meta = q.metadata(file);
  return meta ? { name: SCHEMA_OF_LIST[meta.list], root: meta.root } : null;
}

function artifactMarkdown(q: OnexQueries, file: string, a: OnexArtifact): string {
  const versions = versionsOf(q, file, a);
  const { chosen } = choose(versions, { kind: 'latest' });
  const first = versions.find((v) => v.description);
  return [
    `**${mdText(a.name)}** — ONEX ${a.list.replace(/s$/, '').replace('_', ' ')} · ${mdText(versionSummary(versions))}`,
    ...(first?.description ? ['', mdLines(first.description)] : []),
    '',
    ...versions.map((v) => `- ${v === chosen ? '**latest** ' : ''}${mdText(versionLine(v))}`),
  ].join('\n');
}

function hover(file: string, pos: Position, fq: FamilyQueries) {
  const q = o(fq);
  const schema = schemaOfFile(q, file);
  if (!schema) return null;
  const reg = q.registry(file);
  const node = nodeAt(schema.root, pos);
  if (node?.onKey) {
    const s = onexSchemaAt(schema.name, node.segments);
    const key = node.segments[node.segments.length - 1] ?? '';
    return {
      range: node.range,
      markdown: s
        ? `**${mdText(key)}**${typeName(s) ? `: ${mdCode(typeName(s) ?? '')}` : ''}\n\n${s.description ?? ''}`
        : `**${mdText(key)}** — not a key of the ${schema.name} schema (ignored by the loaders)`,
    };
  }
  if (reg) {
    const t = registryTarget(reg, pos);
    if (!t) return null;
    if (t.version && t.field) {
      const v = versionsOf(q, file, t.artifact).find((x) => x.version === t.version) as VersionView;
      return {
        range: node?.range ?? t.version.range,
        markdown:
          `**${mdText(`${t.artifact.name} ${t.version.version.value}`)}**\n\n${mdText(versionLine(v))}` +
          `${v.tried.length > 1 && !v.dir ? `\n\nTried: ${v.tried.map(mdCode).join(', ')}` : ''}`,
      };
    }
    return {
      range: t.field === 'name' ? t.artifact.nameRange : t.artifact.range,
      markdown: artifactMarkdown(q, file, t.artifact),
    };
  }
  const meta = q.metadata(file);
  if (meta && node && meta.nameRange && node.segments[0] === 'name') {
    const owners = [...(q.artifactsQ('').get(meta.name?.value ?? '') ?? [])];
    return {
      range: meta.nameRange,
      markdown: owners.length
        ? owners.map((x) => artifactMarkdown(q, x.file, x.artifact)).join('\n\n---\n\n')
        : `**${mdText(meta.name?.value ?? '?')}** — no registry lists this name`,
    };
  }
  return null;
}

function definition(file: string, pos: Position, fq: FamilyQueries): Location[] {
  const q = o(fq);
  const reg = q.registry(file);
  if (reg) {
    const t = registryTarget(reg, pos);
    const v = t?.version ? q.resolvedQ(file)?.versions.find((x) => x.version === t.version) : undefined;
    if (!t || !v || !v.named) return [];
    if (t.field === 'path' || t.field === 'metadata_file' || t.field === 'version') {
      const meta = t.version?.metadataFile?.value;
      if (meta && q.files.exists(`${v.named}/${meta}`)) return [at(`${v.named}/${meta}`, ZERO_RANGE)];
      return q.isWip(v.named) ? [at(`${v.named}/.wip`, ZERO_RANGE)] : [];
    }
    return [];
  }
  const meta = q.metadata(file);
  const m = metadataFileOf(file);
  if (!meta || !m) return [];
  const node = nodeAt(meta.root, pos);
  if (node?.segments[0] === 'entrypoint' && meta.entrypoint) {
    return entrypointFiles(m.dir, meta.entrypoint.target, meta.entrypoint.form)
      .filter((p) => q.files.exists(p))
      .slice(0, 1)
      .map((p) => at(p, ZERO_RANGE));
  }
  if (node?.segments[0] === 'name') return registrations(q, m.dir);
  return [];
}

/** Registry entries whose version directory is `dir`. */
function registrations(q: OnexQueries, dir: string): Location[] {
  return q
    .registries()
    .flatMap((f) =>
      (q.resolvedQ(f)?.versions ?? []).filter((v) => v.named === dir).map((v) => at(f, v.version.version.range)),
    );
}

function references(file: string, pos: Position, fq: FamilyQueries): Location[] {
  const q = o(fq);
  const reg = q.registry(file);
  const meta = q.metadata(file);
  const name = reg
    ? registryTarget(reg, pos)?.artifact.name
    : meta && nodeAt(meta.root, pos)?.segments[0] === 'name'
      ? meta.name?.value
      : undefined;
  if (!name) return [];
  const out: Location[] = [];
  for (const { file: f, artifact } of q.artifactsQ('').get(name) ?? []) out.push(at(f, artifact.nameRange));
  for (const m of q.metadataFiles()) {
    const d = q.metadata(m);
    if (d?.name?.value === name) out.push(at(m, d.name.range));
  }
  return out;
}

function completion(file: string, pos: Position, fq: FamilyQueries): CompletionResult[] {
  const q = o(fq);
  const schema = schemaOfFile(q, file);
  const text = q.files.textOf(file);
  if (!schema || text === undefined) return [];
  const before = new LineIndex(text).lineText(pos.line).slice(0, pos.character);
  const value = /^\s*(?:-\s+)?([A-Z_]+):\s*(?:(["'])|(?!\s))([^"']*)$/i.exec(before);
  const word = (len: number): Range => ({ start: { line: pos.line, character: pos.character - len }, end: pos });
  if (value) {
    const [, key = '', quote = '', typed = ''] = value;
    const r = word(typed.length);
    const item = (label: string, detail: string, sortText?: string): CompletionResult => ({
      label,
      kind: 'value',
      detail,
      range: r,
      insertText: quote ? label : `"${label}"`,
      ...(sortText ? { sortText } : {}),
    });
    const reg = q.registry(file);
    if (reg) {
      const list = listAt(reg.root, pos);
      if (key === 'metadata_file')
        return ARTIFACT_LISTS.map((l) => item(METADATA_FILE[l], `metadata of ${l}`, l === list ? '0' : '1'));
      if (key === 'status')
        return [
          ...new Set([
            'active',
            ...reg.artifacts.flatMap((a) => a.versions.map((v) => v.status?.value ?? '')).filter(Boolean),
          ]),
        ].map((s) => item(s, 'status'));
      if (key === 'path') {
        return q
          .versionDirs()
          .filter((d) => {
            const v = versionDirOf(d);
            return v && (!list || v.list === list);
          })
          .sort()
          .map((d) => item(d, 'version directory'));
      }
      return [];
    }
    const s = onexSchemaAt(schema.name, [key]);
    return [...(s?.examples ?? []), ...(s?.enum ?? [])]
      .filter((x): x is string => typeof x === 'string')
      .map((x) => item(x, key));
  }
  const keyMatch = /^\s*(?:-\s+)?([A-Z_]*)$/i.exec(before);
  if (!keyMatch) return [];
  const node = nodeAt(schema.root, { line: pos.line, character: Math.max(0, pos.character - 1) });
  const parent = node ? (node.onKey ? node.segments.slice(0, -1) : node.segments) : [];
  const props = onexSchemaAt(schema.name, parent)?.properties ?? onexSchemaAt(schema.name, [])?.properties ?? {};
  const typed = keyMatch[1] ?? '';
  return Object.entries(props).map(([k, s]) => ({
    label: k,
    kind: 'field' as const,
    detail: typeName(s),
    documentation: s.description,
    insertText: `${k}: `,
    range: word(typed.length),
  }));
}

/** The artifact list the cursor is in (registry). */
function listAt(root: Lit | null, pos: Position): (typeof ARTIFACT_LISTS)[number] | null {
  const first = nodeAt(root, pos)?.segments[0];
  return first && isArtifactList(first) ? first : null;
}

function documentSymbols(file: string, fq: FamilyQueries): DocumentSymbolResult[] {
  const q = o(fq);
  const reg = q.registry(file);
  if (!reg) {
    const meta = q.metadata(file);
    return meta?.name && meta.root
      ? [
          {
            name: meta.name.value,
            detail: meta.version?.value,
            kind: 'module',
            range: meta.root.range,
            selectionRange: meta.name.range,
            children: [],
          },
        ]
      : [];
  }
  return ARTIFACT_LISTS.flatMap((list) => {
    const items = reg.artifacts.filter((a) => a.list === list);
    if (items.length === 0) return [];
    const range: Range = {
      start: items[0]?.range.start ?? ZERO_RANGE.start,
      end: items[items.length - 1]?.range.end ?? ZERO_RANGE.end,
    };
    return [
      {
        name: list,
        kind: 'registry' as const,
        range,
        selectionRange: items[0]?.nameRange ?? range,
        detail: `${items.length} artifact${items.length === 1 ? '' : 's'}`,
        children: items.map((a) => ({
          name: a.name,
          kind: 'module' as const,
          range: a.range,
          selectionRange: a.nameRange,
          detail: versionSummary(versionsOf(q, file, a)),
          children: a.versions.map((v) => ({
            name: v.version.value,
            kind: 'field' as const,
            range: v.range,
            selectionRange: v.version.range,
            detail: v.path?.value,
            children: [],
          })),
        })),
      },
    ];
  });
}

function codeLenses(file: string, fq: FamilyQueries): CodeLensResult[] {
  const q = o(fq);
  const reg = q.registry(file);
  return (reg?.artifacts ?? []).map((a) => ({
    range: a.nameRange,
    title: versionSummary(versionsOf(q, file, a)),
    command: { name: 'explain' as const, args: [`${a.name}@latest`, CORE] },
  }));
}

function workspaceSymbols(query: string, fq: FamilyQueries): WorkspaceSymbolResult[] {
  const q = o(fq);
  const out: WorkspaceSymbolResult[] = [];
  for (const [name, defs] of q.artifactsQ('')) {
    if (query && !subsequence(query, name.toLowerCase())) continue;
    for (const d of defs)
      out.push({
        name,
        kind: 'module',
        location: at(d.file, d.artifact.nameRange),
        containerName: `onex ${d.artifact.list}`,
      });
  }
  return out;
}

function explain(query: { step: string }, fq: FamilyQueries): Explanation | null {
  const q = o(fq);
  const [name = '', spec] = query.step.split('@');
  const defs = q.artifactsQ('').get(name);
  if (!defs) {
    if (spec === undefined || q.sources().length === 0) return null;
    const near = closest(name, [...q.artifactsQ('').keys()], 3);
    return base(query.step, false, `Artifact '${name}' is not registered`, near);
  }
  const def = defs[0] as { file: string; artifact: OnexArtifact };
  const versions = versionsOf(q, def.file, def.artifact);
  const policy = parsePolicy(spec, ONEX_SETTINGS.of(fq.files.settings()).onexPins, name);
  const { chosen, reason, invalid } = choose(versions, policy);
  const summary = !chosen
    ? `${name}@${spec ?? 'latest'}: no version chosen (${reason})`
    : invalid
      ? `${name}@${spec ?? 'latest'} → ${chosen.version.version.value}: ` +
        `found, but the loaders keep it marked invalid: ${invalid}`
      : `${name}@${spec ?? 'latest'} → ${chosen.version.version.value} (${reason})`;
  const e = base(query.step, chosen !== null, summary, []);
  e.trace = versions.map((v) => ({
    layer: `${def.artifact.name} ${v.version.version.value}${v.wip ? ' (wip)' : ''}`,
    hit: v === chosen,
    file: def.file,
    range: v.version.version.range,
  }));
  if (chosen) {
    e.winner = {
      source: `onex ${def.artifact.list}`,
      file: def.file,
      range: chosen.version.version.range,
      fields: {
        version: chosen.version.version.value,
        path: chosen.version.path?.value ?? null,
        metadata_file: chosen.version.metadataFile?.value ?? null,
        status: chosen.version.status?.value ?? null,
        directory: chosen.dir,
        wip: chosen.wip,
        metadata: chosen.metadataExists ? chosen.metadataPath : null,
        valid: invalid === null,
        ...(invalid ? { invalid } : {}),
      },
    };
  }
  e.sections = [
    { title: 'Versions', rows: versions.map((v) => ({ label: v === chosen ? '→' : '', text: versionLine(v) })) },
    { title: 'Policy', rows: [{ label: '', text: reason }] },
    ...(chosen && invalid
      ? [
          {
            title: 'Invalid',
            rows: [
              {
                label: '',
                text: `${chosen.version.version.value}: ${invalid}`,
                file: chosen.metadataExists && chosen.metadataPath ? chosen.metadataPath : def.file,
                range: chosen.metadataExists ? ZERO_RANGE : chosen.version.version.range,
              },
            ],
          },
        ]
      : []),
    ...(defs.length > 1
      ? [
          {
            title: 'Also registered in',
            rows: defs
              .slice(1)
              .map((d) => ({ label: '', text: d.artifact.name, file: d.file, range: d.artifact.nameRange })),
          },
        ]
      : []),
  ];
  return e;
}

function base(step: string, found: boolean, summary: string, suggestions: string[]): Explanation {
  const none = { builder: null, config: null, spec: null, contract: null, script: null };
  return {
    step,
    context: CORE,
    mode: 'isolated',
    found,
    winner: null,
    trace: [],
    shadowed: [],
    conflicts: [],
    strategy: null,
    legacy: null,
    derived: [],
    components: none,
    searched: { builder: [], config: [], spec: [], contract: [], script: [] },
    dependencies: [],
    dependents: [],
    suggestions,
    summary,
    sections: [],
    hasComponents: false,
  };
}

function list(fq: FamilyQueries): ListRow[] {
  const q = o(fq);
  return q.sources().flatMap((file) =>
    q.artifactsOf(file).map((a) => ({
      name: a.name,
      source: `onex ${a.list}`,
      file,
      range: a.nameRange,
      columns: {},
      conflicts: [],
      detail: versionSummary(versionsOf(q, file, a)),
    })),
  );
}

/** `name@latest` on an artifact, `name@VERSION` on one of its versions; in a metadata file, its registered artifact. */
function nameAt(file: string, pos: Position, fq: FamilyQueries): string | null {
  const q = o(fq);
  const reg = q.registry(file);
  if (reg) {
    const t = registryTarget(reg, pos);
    return t ? `${t.artifact.name}@${t.version?.norm ?? 'latest'}` : null;
  }
  const m = metadataFileOf(file);
  const v = m
    ? q
        .sources()
        .flatMap((f) => q.resolvedQ(f)?.versions ?? [])
        .find((x) => x.named === m.dir)
    : undefined;
  return v ? `${v.artifact.name}@${v.version.norm ?? 'latest'}` : null;
}

function names(fq: FamilyQueries): string[] {
  const q = o(fq);
  const pins = ONEX_SETTINGS.of(fq.files.settings()).onexPins;
  return [...q.artifactsQ('')].flatMap(([name, defs]) => [
    `${name}@latest`,
    ...(pins.get(name) ? [`${name}@pinned`] : []),
    ...new Set(defs.flatMap((d) => d.artifact.versions.map((v) => `${name}@${v.norm ?? v.version.value}`))),
  ]);
}

/** Artifact names close to an unknown bare name (`node_indexr`): Explain takes a bare name as `NAME@latest`. */
function suggest(name: string, fq: FamilyQueries): string[] {
  return name.includes('@') ? [] : closest(name, o(fq).artifactsQ('').keys(), 5);
}

export const onexFeatures: FamilyFeatures = {
  hover,
  definition,
  references,
  completion,
  documentSymbols,
  codeLenses,
  documentLinks: onexLinks,
  workspaceSymbols,
  explain,
  list,
  nameAt,
  names,
  suggest,
};
