// The step graph of a context (SPEC §1.8): producer → consumer edges from `compatible_sources`. A
// step's spec is its workspace's interface when it has one, else core's (an override row without an
// interface keeps core's spec, as the synthesized builder does). Names resolve as cursus's resolver
// matches them (links.ts); generic names make no edge.
import type { Settings } from '../../../types';
import type { FileQueries } from '../../../analysis/files';
import type { FlowEdge } from '../../../analysis/family';
import type { InterfaceDoc } from './interface';
import { resolveSource, type Resolve } from './links';
import { FAMILY } from './roles';

/** The interface (spec) of each step of a context, by step name: the workspace's own over core's. */
export function specsOf(
  files: FileQueries,
  wsDir: string | null,
  docOf: (f: string) => InterfaceDoc | null,
): Map<string, InterfaceDoc> {
  const out = new Map<string, InterfaceDoc>();
  for (const f of files.filesOf(FAMILY, 'core')) {
    const doc = docOf(f);
    if (doc?.step && !out.has(doc.step)) out.set(doc.step, doc);
  }
  for (const f of wsDir ? files.filesOf(FAMILY, `ws:${wsDir}`) : []) {
    const doc = docOf(f);
    if (doc?.step) out.set(doc.step, doc);
  }
  return out;
}

/** `resolve`: how a name resolves in the context the specs belong to. */
export function flowEdgesOf(
  resolve: Resolve,
  settings: Settings,
  aliases: ReadonlySet<string>,
  specs: Map<string, InterfaceDoc>,
): FlowEdge[] {
  const out: FlowEdge[] = [];
  for (const [consumer, doc] of specs) {
    for (const ref of doc.sources) {
      const r = resolveSource(resolve, settings, aliases, ref.name);
      if (r.kind === 'step' && r.entry.name !== consumer)
        out.push({ from: r.entry.name, to: consumer, file: ref.file, range: ref.range, label: ref.dependency });
    }
  }
  return out;
}
