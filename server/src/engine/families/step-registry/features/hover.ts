// Hover (SPEC §6): the resolved entry with its source, merged fields (companion metadata wins), what
// it overrides or shadows, conflicts, component locations, dependencies and dependents; field and
// schema documentation on keys; class locations on class references and meta `entry_point`s.
import type { HoverResult } from '../../../api';
import type { Position } from '../../../types';
import type { StepWorkspace } from '../stepWorkspace';
import { fieldSpec } from '../model/fields';
import { layersFor, resolveName, sourceOf } from '../model/resolve';
import type { StepEntry } from '../model/source';
import { explain } from './explain';
import { schemaAt } from '../pipeline/metaSchema';
import { typeName } from '../../../schema/walk';
import { subjectCandidates } from '../pipeline/subject';
import { locate, stepsUsingClass, wsDirFor } from './locate';

export function hover(ws: StepWorkspace, file: string, pos: Position): HoverResult | null {
  const t = locate(ws, file, pos);
  if (!t) return null;
  const wsDir = wsDirFor(ws, file);
  const context = wsDir ? ws.contextIdOf(wsDir) ?? undefined : undefined;
  switch (t.kind) {
    case 'step-key': return { range: t.entry.keyRange, markdown: stepMarkdown(ws, t.entry.name, context, t.entry) };
    case 'name-ref': return { range: t.ref.range, markdown: stepMarkdown(ws, t.ref.name, context, null) };
    case 'field-key': {
      const spec = fieldSpec(t.field);
      return { range: t.entry.fields.get(t.field)?.keyRange ?? t.entry.keyRange, markdown: spec ? `**${t.field}**: \`${spec.type}\`\n\n${spec.doc}` : `**${t.field}**: free metadata (not a known step field)` };
    }
    case 'field-value': {
      if (t.value.kind !== 'str') return null;
      if (t.field === 'builder_step_name' || t.field === 'config_class') {
        const kind = t.field === 'builder_step_name' ? 'builder' : 'config';
        const def = ws.model.findClass(wsDir, kind, t.value.value);
        const text = def
          ? `**class ${def.name}** — ${kind} of \`${t.entry.name}\`\n\nDefined in \`${def.file}:${def.nameRange.start.line + 1}\``
          : `**${t.value.value}** — ${kind} class not found (searched ${ws.model.searchedDirs(wsDir, kind).map((d) => `\`${d}\``).join(', ') || 'no directories'})`;
        return { range: t.value.range, markdown: text };
      }
      if (t.field === 'sagemaker_step_type') {
        return { range: t.value.range, markdown: `**sagemaker_step_type** \`${t.value.value}\`\n\nKnown types: ${ws.settings.sagemakerStepTypes.map((s) => `\`${s}\``).join(', ')}` };
      }
      if (t.field === 'spec_type' && resolveName(layersFor(ws.model, wsDir, ws.settings.mode), t.value.value)) {
        return { range: t.value.range, markdown: stepMarkdown(ws, t.value.value, context, null) };
      }
      return null;
    }
    case 'meta-dep': {
      const scope = ws.pipeline.scopeOf(file);
      return { range: t.dep.range, markdown: stepMarkdown(ws, t.dep.moduleId, scope ? ws.contextIdOf(scope) ?? undefined : undefined, null) };
    }
    case 'meta-entry-point': {
      const ep = t.meta.entryPoint;
      if (!ep) return null;
      const subject = subjectCandidates(t.meta.file)[0] ?? '';
      const cls = ws.classesOf(subject).find((c) => c.name === ep.cls);
      return { range: ep.range, markdown: cls ? `**class ${cls.name}** — entry point\n\nDefined in \`${cls.file}:${cls.nameRange.start.line + 1}\`` : `**${ep.cls}** — not found in \`${subject}\`` };
    }
    case 'meta-key': {
      const schema = schemaAt(t.path);
      if (!schema) return { range: t.range, markdown: `**${t.key}** — not a key of the companion metadata schema` };
      const def = schema.default !== undefined ? ` (default \`${JSON.stringify(schema.default)}\`)` : '';
      return { range: t.range, markdown: `**${t.key}**: \`${typeName(schema) ?? 'any'}\`${def}\n\n${schema.description ?? ''}` };
    }
    case 'class': {
      const mod = ws.pipeline.moduleOf(t.cls.file);
      const entry = mod ? ws.pipeline.entryClassOf(t.cls.file) : null;
      if (mod && entry?.cls.name === t.cls.name) return { range: t.cls.nameRange, markdown: stepMarkdown(ws, mod.id, undefined, null) };
      const steps = stepsUsingClass(ws, t.cls);
      if (steps.length === 0) return { range: t.cls.nameRange, markdown: `**class ${t.cls.name}** — not referenced by any registry entry in this context` };
      return { range: t.cls.nameRange, markdown: steps.map((e) => `**class ${t.cls.name}** — used by step \`${e.name}\` (${sourceOf(ws.model, e)}, \`${e.file}:${e.keyRange.start.line + 1}\`)`).join('\n\n') };
    }
  }
}

function stepMarkdown(ws: StepWorkspace, name: string, context: string | undefined, at: StepEntry | null): string {
  const x = explain(ws, { step: name, context });
  if (!x.found || !x.winner) {
    return `**${name}** — not found in context \`${x.context}\`${x.suggestions.length ? `\n\nDid you mean ${x.suggestions.map((s) => `\`${s}\``).join(', ')}?` : ''}`;
  }
  const lines: string[] = [];
  const self = at && at.file === x.winner.file && at.keyRange.start.line === x.winner.range.start.line;
  lines.push(`**${name}** · \`${x.winner.source}\` — resolved in context \`${x.context}\` (${x.mode})`);
  if (!self) lines.push(`Resolves to \`${x.winner.file}:${x.winner.range.start.line + 1}\``);
  if (at && !self) lines.push(`This definition (\`${sourceOf(ws.model, at)}\`) is not the one used in this context.`);
  const fields = Object.entries(x.winner.fields);
  const fromMeta = new Set(x.meta?.fromMeta ?? []);
  if (fields.length) {
    lines.push('', x.meta ? '| field | value | from |' : '| field | value |', x.meta ? '|---|---|---|' : '|---|---|');
    for (const [k, v] of fields) lines.push(`| ${k} | \`${JSON.stringify(v).replace(/\|/g, '\\|')}\` |${x.meta ? ` ${fromMeta.has(k) ? 'meta' : 'code'} |` : ''}`);
  }
  if (x.meta) lines.push('', `Metadata: \`${x.meta.file}\`${x.meta.boundBy ? ` (by ${x.meta.boundBy})` : ''}, YAML wins over code${x.meta.ignored.length ? `; ignored: ${x.meta.ignored.map((f) => `\`${f}\``).join(', ')}` : ''}`);
  if (x.shadowed.length) lines.push('', `Shadows: ${x.shadowed.map((s) => `\`${s.source}\` (\`${s.file}:${s.range.start.line + 1}\`)`).join(', ')}`);
  if (x.conflicts.length) lines.push('', `Also defined in: ${x.conflicts.map((s) => `\`${s.source}\``).join(', ')}`);
  if (x.module) {
    const c = x.module.entryClass;
    lines.push('', `module class: ${c ? `\`${c.class}\` (\`${c.file}:${c.range.start.line + 1}\`)` : '*not resolved*'} · root \`${x.module.root}/\``);
  } else {
    const comp = (['builder', 'config'] as const).map((k) => {
      const c = x.components[k];
      return `${k}: ${c ? `\`${c.class}\` (\`${c.file}:${c.range.start.line + 1}\`)` : '*missing*'}`;
    });
    lines.push('', comp.join(' · '));
  }
  if (x.dependencies.length) {
    lines.push('', `Depends on: ${x.dependencies.map((d) => `\`${d.name}\`${d.version ? ` ${d.version}` : ''}${d.optional ? ' (optional)' : ''} → ${d.resolved ? `\`${d.resolved.source}\`` : '*unresolved*'}${d.satisfied === false ? ' *version not satisfied*' : ''}`).join(', ')}`);
  }
  if (x.dependents.length) lines.push('', `Dependents: ${x.dependents.map((d) => `\`${d.name ?? d.source}\` (\`${d.file}:${d.range.start.line + 1}\`)`).join(', ')}`);
  return lines.join('\n');
}
