// Explain for an interface step (SPEC §3.6): the interface file that defines it (or supplies its
// contract and spec), the contract's script, and its step-graph neighbours — the producers its
// `compatible_sources` name and the consumers that name it.
import type { ExplainSection } from '../../../api';
import type { RegistryModel } from '../../../model/entries/registry';
import type { FlowEdge } from '../../../analysis/family';
import type { InterfaceDoc } from './interface';
import { ZERO_RANGE } from '../../../text/ranges';
import { scriptFile } from './script';

export function explainSections(
  model: RegistryModel,
  wsDir: string | null,
  doc: InterfaceDoc,
  edges: FlowEdge[],
  exists: (p: string) => boolean,
): ExplainSection[] {
  const step = doc.step ?? '';
  const rows: ExplainSection['rows'] = [
    { label: 'file', text: 'contract, spec; the builder is synthesized from it', file: doc.file, range: ZERO_RANGE },
  ];
  if (doc.script) {
    const script = scriptFile(model, wsDir ?? doc.wsDir, doc, exists);
    rows.push(
      script !== null
        ? { label: 'script', text: `${doc.script.value} (contract.entry_point)`, file: script, range: ZERO_RANGE }
        : { label: 'script', text: `${doc.script.value} (missing)`, file: doc.file, range: doc.script.range },
    );
  } else {
    rows.push({ label: 'script', text: 'none needed (no entry point, or the SDK step runs its own code)' });
  }
  const producers = edges.filter((e) => e.to === step);
  const consumers = edges.filter((e) => e.from === step);
  const graph: ExplainSection['rows'] = [
    ...producers.map((e) => ({ label: 'producer', text: `${e.from} → ${e.label}`, file: e.file, range: e.range })),
    ...consumers.map((e) => ({ label: 'consumer', text: `${e.to} (${e.label})`, file: e.file, range: e.range })),
  ];
  return [
    { title: 'Interface', rows },
    ...(graph.length
      ? [{ title: `Step graph (${producers.length} producers, ${consumers.length} consumers)`, rows: graph }]
      : []),
  ];
}
