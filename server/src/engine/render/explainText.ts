// Renders an Explanation as the plain-text "Explain Resolution" document shared by the CLI
// (`explain --format text`) and the editor's read-only `registry-explain` document. Locations are
// printed as `path:line:col` (1-based) so terminals and editors make them clickable.
import type { ComponentHit, ComponentKind, Explanation, SourcedLocation } from '../api';
import type { Range } from '../types';
import { visible } from './escape';

const COMPONENT_KINDS: readonly ComponentKind[] = ['builder', 'config', 'spec', 'contract', 'script'];

export function renderExplanation(e: Explanation): string {
  const out: string[] = [];
  out.push(`Explain Resolution: ${e.step}`);
  out.push(`Context: ${e.context}    Mode: ${e.mode}`);
  out.push('');
  out.push(e.summary);
  if (!e.found && e.suggestions.length > 0) out.push(`Did you mean: ${e.suggestions.join(', ')}`);

  const layerWidth = Math.max(0, ...e.trace.map((t) => t.layer.length));
  section(
    out,
    'Trace',
    e.trace.map((t) => {
      const mark = t.hit ? '✓ hit ' : '· miss';
      if (t.file === null) return `${mark}  ${t.layer}`;
      return `${mark}  ${t.layer.padEnd(layerWidth)}  ${t.range === null ? t.file : at(t.file, t.range)}`;
    }),
  );

  if (e.winner !== null) {
    out.push('');
    out.push(`Winner: ${e.winner.source}  ${at(e.winner.file, e.winner.range)}`);
    if (e.strategy !== null) out.push(`Strategy: ${e.strategy.name} (${e.strategy.reason})`);
    section(out, 'Fields', keyValues(e.winner.fields));
  }
  if (e.meta) {
    section(out, 'Metadata (YAML wins over code)', [
      `companion  ${e.meta.file}${e.meta.boundBy ? ` (by ${e.meta.boundBy})` : ''}`,
      ...(e.meta.fromMeta.length ? [`from it    ${e.meta.fromMeta.join(', ')}`] : []),
      ...e.meta.ignored.map((f) => `ignored    ${f} (another companion comes first)`),
    ]);
  }
  section(out, 'Shadows', e.shadowed.map(sourced));
  section(out, 'Conflicts in other workspaces', e.conflicts.map(sourced));
  if (e.legacy !== null) {
    const same = e.winner !== null && show(e.legacy) === show(e.winner.fields);
    section(out, 'Legacy format (to_legacy_format)', same ? ['same as the fields above'] : keyValues(e.legacy));
  }
  section(
    out,
    'Derived registries',
    e.derived.map((d) => `${d.registry}[${show(d.key)}] = ${show(d.value)}`),
  );

  if (e.module) {
    const c = e.module.entryClass;
    section(out, 'Module', [
      `root   ${e.module.root}/`,
      `class  ${c ? `${c.class ?? ''} at ${at(c.file, c.range)}` : 'not resolved'}`,
    ]);
  } else if (e.found && e.hasComponents !== false) {
    section(
      out,
      'Components',
      COMPONENT_KINDS.map((kind) => {
        const hit = e.components[kind];
        if (hit === null)
          return (
            `${kind.padEnd(8)}  missing ` +
            `(${e.searched[kind].length ? `searched: ${e.searched[kind].join(', ')}` : `no ${kind}s directory`})`
          );
        return (
          `${kind.padEnd(8)}  ${hit.class === null ? '' : `${hit.class} at `}${at(hit.file, hit.range)}` +
          `${hit.synthesized ? `  (${synthesizedText(hit.synthesized)})` : ''}`
        );
      }),
    );
  }
  for (const sec of e.sections ?? []) {
    const width = Math.max(0, ...sec.rows.map((r) => r.label.length));
    section(
      out,
      sec.title,
      sec.rows.map(
        (r) =>
          `${width ? `${r.label.padEnd(width)}  ` : ''}${r.text}${r.file && r.range ? `  ${at(r.file, r.range)}` : ''}`,
      ),
    );
  }
  section(
    out,
    'Dependencies',
    e.dependencies.map((d) => {
      const name = `${d.name}${d.version ? ` ${d.version}` : ''}${d.optional ? ' (optional)' : ''}`;
      if (d.resolved === null) return `${name}  unresolved`;
      return `${name}  → ${sourced(d.resolved)}${d.satisfied === false ? '  (version not satisfied)' : ''}`;
    }),
  );
  section(
    out,
    'Dependents',
    e.dependents.map((d) => `${d.name} (context ${d.context})  ${sourced(d)}`),
  );
  // Each entry is one line: a name or value holding a line break or an escape sequence shows it written out.
  return out.map(visible).join('\n') + '\n';
}

/**
 * How a synthesized builder comes to be, in words (`code` formats the class and the module: markdown's code span in a
 * hover).
 */
export function synthesizedText(s: NonNullable<ComponentHit['synthesized']>, code = (x: string): string => x): string {
  return `synthesized from the interface, a subclass of ${code(s.base)}${s.by ? `, by ${code(s.by)}` : ''}`;
}

/** Appends a titled, indented list; nothing when the list is empty. */
function section(out: string[], title: string, lines: string[]): void {
  if (lines.length === 0) return;
  out.push('');
  out.push(`${title}:`);
  for (const line of lines) out.push(`  ${line}`);
}

function keyValues(record: Record<string, unknown>): string[] {
  return Object.entries(record).map(([k, v]) => `${k}: ${show(v)}`);
}

/** JSON on one line, with a space after each `,` and `:` so lists and dicts read like Python literals. */
function show(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  if (typeof v === 'object' && v !== null)
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}: ${show(x)}`)
      .join(', ')}}`;
  return JSON.stringify(v) ?? String(v);
}

function sourced(s: SourcedLocation): string {
  return `${s.source}  ${at(s.file, s.range)}`;
}

function at(file: string, range: Range): string {
  return `${file}:${range.start.line + 1}:${range.start.character + 1}`;
}
