// The `explain` JSON document (SPEC §7 plus the legacy entry and derived-registry rows) as a plain
// object, shared by the CLI's `explain --format json` and the editor's language-model tool. Built key
// by key so the document stays exactly the documented contract.
import type { ComponentHit, Explanation, SourcedLocation } from '../api';
import { copyRange } from './checkDocument';

export function explainDocument(e: Explanation) {
  const component = (c: ComponentHit | null): object | null => (c === null ? null : { class: c.class, file: c.file, range: copyRange(c.range) });
  return {
    step: e.step,
    context: e.context,
    mode: e.mode,
    found: e.found,
    winner: e.winner === null ? null : { ...sourced(e.winner), fields: e.winner.fields },
    trace: e.trace.map((t) => ({ layer: t.layer, hit: t.hit, file: t.file })),
    shadowed: e.shadowed.map(sourced),
    conflicts: e.conflicts.map(sourced),
    strategy: e.strategy === null ? null : { name: e.strategy.name, reason: e.strategy.reason },
    legacy: e.legacy,
    derived: e.derived.map((d) => ({ registry: d.registry, key: d.key, value: d.value })),
    components: {
      builder: component(e.components.builder),
      config: component(e.components.config),
      spec: component(e.components.spec),
      contract: component(e.components.contract),
      script: component(e.components.script),
    },
    dependencies: e.dependencies.map((d) => ({ name: d.name, resolved: d.resolved === null ? null : sourced(d.resolved), optional: d.optional })),
    dependents: e.dependents.map((d) => ({ name: d.name, context: d.context, ...sourced(d) })),
    suggestions: e.suggestions,
    ...(e.sections?.length ? { sections: e.sections } : {}),
  };
}
export type ExplainDocument = ReturnType<typeof explainDocument>;

function sourced(s: SourcedLocation): { source: string; file: string; range: object } {
  return { source: s.source, file: s.file, range: copyRange(s.range) };
}
