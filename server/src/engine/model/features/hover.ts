// Hover (SPEC §6): the answer first -- which definition wins, what it shadows or conflicts with, its
// classes, dependencies and dependents -- then the merged fields (companion metadata wins) below a rule,
// since a long table would push the answer out of view; field and schema documentation on keys; class
// locations on class references and meta `entry_point`s.
import type { ComponentHit, HoverResult } from '../../api';
import type { Position, Range } from '../../types';
import type { StepWorkspace } from '../stepWorkspace';
import { fieldSpec } from '../entries/fields';
import { layersFor, resolveName, sourceOf } from '../entries/resolve';
import type { StepEntry } from '../entries/source';
import { explain } from './explain';
import { typeName } from '../../schema/walk';
import { subjectCandidates } from '../discovery/subject';
import { locate, stepsUsingClass, wsDirFor } from './locate';
import { mdCode, mdJsonCell, mdText } from '../../render/escape';
import { synthesizedText } from '../../render/explainText';
import { builderOf, rowClass, SYNTHESIS_BASE } from '../entries/rowClasses';

export function hover(ws: StepWorkspace, file: string, pos: Position): HoverResult | null {
  const t = locate(ws, file, pos);
  if (!t) return null;
  const wsDir = wsDirFor(ws, file);
  const context = wsDir ? (ws.contextIdOf(wsDir) ?? undefined) : undefined;
  switch (t.kind) {
    case 'step-key':
      return { range: t.entry.keyRange, markdown: stepMarkdown(ws, t.entry.name, context, t.entry) };
    case 'name-ref':
      return { range: t.ref.range, markdown: stepMarkdown(ws, t.ref.name, context, null) };
    case 'field-key': {
      const spec = fieldSpec(t.field);
      return {
        range: t.entry.fields.get(t.field)?.keyRange ?? t.entry.keyRange,
        markdown: spec
          ? `**${mdText(t.field)}**: ${mdCode(spec.type)}\n\n${spec.doc}`
          : `**${mdText(t.field)}**: free metadata (not a known step field)`,
      };
    }
    case 'field-value': {
      if (t.value.kind !== 'str') return null;
      if (t.field === 'builder_step_name' || t.field === 'config_class') {
        const kind = t.field === 'builder_step_name' ? 'builder' : 'config';
        const built = kind === 'builder' ? builderOf(ws.model, t.entry, ws.settings) : null;
        const def = built ? (built.synthesized ? null : built.def) : rowClass(ws.model, t.entry, kind, ws.settings);
        const text = built?.synthesized
          ? `**class ${mdText(built.name)}** — builder of ${mdCode(t.entry.name)}, ` +
            `${synthesizedText({ base: SYNTHESIS_BASE, by: ws.model.builderDiscovery()?.file ?? null }, mdCode)} ` +
            `(${mdCode(`${built.iface.file}:${built.iface.keyRange.start.line + 1}`)})` +
            `${
              built.name === t.value.value
                ? ''
                : `\n\n${ws.toolOf(built.iface.file)} names it after the step, whatever this row says: ` +
                  `no class ${mdCode(t.value.value)} is loaded`
            }`
          : def
            ? `**class ${mdText(def.name)}** — ${kind} of ${mdCode(t.entry.name)}\n\nDefined in ` +
              `${mdCode(`${def.file}:${def.nameRange.start.line + 1}`)}`
            : `**${mdText(t.value.value)}** — ${kind} class not found (searched ` +
              `${ws.model.searchedDirs(wsDir, kind).map(mdCode).join(', ') || 'no directories'})`;
        return { range: t.value.range, markdown: text };
      }
      if (t.field === 'sagemaker_step_type') {
        return {
          range: t.value.range,
          markdown:
            `**sagemaker_step_type** ${mdCode(t.value.value)}\n\nKnown types: ` +
            `${ws.stepSettings.sagemakerStepTypes.map(mdCode).join(', ')}`,
        };
      }
      if (t.field === 'spec_type' && resolveName(layersFor(ws.model, wsDir, ws.stepSettings.mode), t.value.value)) {
        return { range: t.value.range, markdown: stepMarkdown(ws, t.value.value, context, null) };
      }
      return null;
    }
    case 'meta-dep': {
      const scope = ws.pipeline.scopeOf(file);
      return {
        range: t.dep.range,
        markdown: stepMarkdown(ws, t.dep.moduleId, scope ? (ws.contextIdOf(scope) ?? undefined) : undefined, null),
      };
    }
    case 'meta-entry-point': {
      const ep = t.meta.entryPoint;
      if (!ep) return null;
      const subject = subjectCandidates(t.meta.file)[0] ?? '';
      const cls = ws.classesOf(subject).find((c) => c.name === ep.cls);
      return {
        range: ep.range,
        markdown: cls
          ? `**class ${mdText(cls.name)}** — entry point\n\nDefined in ` +
            `${mdCode(`${cls.file}:${cls.nameRange.start.line + 1}`)}`
          : `**${mdText(ep.cls)}** — not found in ${mdCode(subject)}`,
      };
    }
    case 'meta-key': {
      const schema = ws.discovery.metaSchemaAt(t.path);
      if (!schema)
        return { range: t.range, markdown: `**${mdText(t.key)}** — not a key of the companion metadata schema` };
      const def = schema.default !== undefined ? ` (default ${mdCode(JSON.stringify(schema.default))})` : '';
      return {
        range: t.range,
        markdown: `**${mdText(t.key)}**: ${mdCode(typeName(schema) ?? 'any')}${def}\n\n${schema.description ?? ''}`,
      };
    }
    case 'class': {
      const mod = ws.scan.moduleOf(t.cls.file);
      const entry = mod ? ws.pipeline.entryClassOf(t.cls.file) : null;
      if (mod && entry?.cls.name === t.cls.name)
        return { range: t.cls.nameRange, markdown: stepMarkdown(ws, mod.id, undefined, null) };
      const steps = stepsUsingClass(ws, t.cls);
      if (steps.length === 0)
        return {
          range: t.cls.nameRange,
          markdown: `**class ${mdText(t.cls.name)}** — not referenced by any registry entry in this context`,
        };
      return {
        range: t.cls.nameRange,
        markdown: steps
          .map(
            (e) =>
              `**class ${mdText(t.cls.name)}** — used by step ${mdCode(e.name)} ` +
              `(${mdText(sourceOf(ws.model, e))}, ${mdCode(`${e.file}:${e.keyRange.start.line + 1}`)})`,
          )
          .join('\n\n'),
      };
    }
  }
}

function stepMarkdown(ws: StepWorkspace, name: string, context: string | undefined, at: StepEntry | null): string {
  const x = explain(ws, { step: name, context });
  if (!x.found || !x.winner) {
    return (
      `**${mdText(name)}** — not found in context ${mdCode(x.context)}` +
      `${x.suggestions.length ? `\n\nDid you mean ${x.suggestions.map(mdCode).join(', ')}?` : ''}`
    );
  }
  const lines: string[] = [];
  const self = at && at.file === x.winner.file && at.keyRange.start.line === x.winner.range.start.line;
  const place = (file: string, r: Range): string => mdCode(`${file}:${r.start.line + 1}`);
  const hit = (c: ComponentHit): string =>
    c.class === null
      ? place(c.file, c.range)
      : `${mdCode(c.class)} ` +
        `(${place(c.file, c.range)}${c.synthesized ? `, ${synthesizedText(c.synthesized, mdCode)}` : ''})`;
  lines.push(`**${mdText(name)}** · ${mdCode(x.winner.source)} — resolved in context ${mdCode(x.context)} (${x.mode})`);
  if (!self) lines.push(`Resolves to ${place(x.winner.file, x.winner.range)}`);
  if (at && !self)
    lines.push(`This definition (${mdCode(sourceOf(ws.model, at))}) is not the one used in this context.`);
  if (x.shadowed.length)
    lines.push('', `Shadows: ${x.shadowed.map((s) => `${mdCode(s.source)} (${place(s.file, s.range)})`).join(', ')}`);
  if (x.conflicts.length) lines.push('', `Also defined in: ${x.conflicts.map((s) => mdCode(s.source)).join(', ')}`);
  if (x.module) {
    const c = x.module.entryClass;
    lines.push('', `module class: ${c ? hit(c) : '*not resolved*'} · root ${mdCode(`${x.module.root}/`)}`);
  } else if (x.hasComponents !== false) {
    const comp = (['builder', 'config'] as const).map((k) => {
      const c = x.components[k];
      return `${k}: ${c ? hit(c) : '*missing*'}`;
    });
    lines.push('', comp.join(' · '));
  }
  if (x.dependencies.length) {
    lines.push(
      '',
      `Depends on: ${x.dependencies
        .map(
          (d) =>
            `${mdCode(d.name)}${d.version ? ` ${mdText(d.version)}` : ''}${d.optional ? ' (optional)' : ''} → ` +
            `${d.resolved ? mdCode(d.resolved.source) : '*unresolved*'}` +
            `${d.satisfied === false ? ' *version not satisfied*' : ''}`,
        )
        .join(', ')}`,
    );
  }
  if (x.dependents.length)
    lines.push(
      '',
      `Dependents: ${x.dependents.map((d) => `${mdCode(d.name ?? d.source)} (${place(d.file, d.range)})`).join(', ')}`,
    );
  if (x.meta)
    lines.push(
      '',
      `Metadata: ${mdCode(x.meta.file)}${x.meta.boundBy ? ` (by ${mdText(x.meta.boundBy)})` : ''}, YAML wins ` +
        `over code${x.meta.ignored.length ? `; ignored: ${x.meta.ignored.map(mdCode).join(', ')}` : ''}`,
    );
  const fields = Object.entries(x.winner.fields);
  const fromMeta = new Set(x.meta?.fromMeta ?? []);
  if (fields.length) {
    lines.push(
      '',
      '---',
      '',
      x.meta ? '| field | value | from |' : '| field | value |',
      x.meta ? '|---|---|---|' : '|---|---|',
    );
    for (const [k, v] of fields)
      lines.push(`| ${mdText(k)} | ${mdJsonCell(v)} |${x.meta ? ` ${fromMeta.has(k) ? 'meta' : 'code'} |` : ''}`);
  }
  return lines.join('\n');
}
