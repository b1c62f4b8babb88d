// Hover (SPEC §6): the resolved entry with its source, fields, what it overrides or shadows, conflicts
// and component locations; field documentation on keys; class locations on class references.
import type { HoverResult } from '../api';
import type { Position } from '../types';
import type { Workspace } from '../workspace';
import { STEP_FIELDS } from '../model/fields';
import { layersFor, resolveName, sourceOf } from '../model/resolve';
import type { StepEntry } from '../model/source';
import { explain } from './explain';
import { locate, stepsUsingClass, wsDirFor } from './locate';

export function hover(ws: Workspace, file: string, pos: Position): HoverResult | null {
  const t = locate(ws, file, pos);
  if (!t) return null;
  const wsDir = wsDirFor(ws, file);
  const context = wsDir ? ws.model.workspaces.get(wsDir)?.id : undefined;
  switch (t.kind) {
    case 'step-key': return { range: t.entry.keyRange, markdown: stepMarkdown(ws, t.entry.name, context, t.entry) };
    case 'name-ref': return { range: t.ref.range, markdown: stepMarkdown(ws, t.ref.name, context, null) };
    case 'field-key': {
      const spec = STEP_FIELDS[t.field];
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
    case 'class': {
      const steps = stepsUsingClass(ws, t.cls);
      if (steps.length === 0) return { range: t.cls.nameRange, markdown: `**class ${t.cls.name}** — not referenced by any registry entry in this context` };
      return { range: t.cls.nameRange, markdown: steps.map((e) => `**class ${t.cls.name}** — used by step \`${e.name}\` (${sourceOf(ws.model, e)}, \`${e.file}:${e.keyRange.start.line + 1}\`)`).join('\n\n') };
    }
  }
}

function stepMarkdown(ws: Workspace, name: string, context: string | undefined, at: StepEntry | null): string {
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
  if (fields.length) {
    lines.push('', '| field | value |', '|---|---|');
    for (const [k, v] of fields) lines.push(`| ${k} | \`${JSON.stringify(v).replace(/\|/g, '\\|')}\` |`);
  }
  if (x.shadowed.length) lines.push('', `Shadows: ${x.shadowed.map((s) => `\`${s.source}\` (\`${s.file}:${s.range.start.line + 1}\`)`).join(', ')}`);
  if (x.conflicts.length) lines.push('', `Also defined in: ${x.conflicts.map((s) => `\`${s.source}\``).join(', ')}`);
  const comp = (['builder', 'config'] as const).map((k) => {
    const c = x.components[k];
    return `${k}: ${c ? `\`${c.class}\` (\`${c.file}:${c.range.start.line + 1}\`)` : '*missing*'}`;
  });
  lines.push('', comp.join(' · '));
  return lines.join('\n');
}
