// The tenant_scoped_ingress gate (ingress.ts) run on one contract of the repository: its allowlist and
// producer-scan root as the gate files pass them (queries.ts ingressOptionsQ), else the gate's defaults,
// under the repository's root (the pyproject's directory, where the hook and the CI step run it).
import type { Range } from '../../../types';
import { dirOf, joinRel } from '../../../util/paths';
import type { ContractDoc } from './contractDoc';
import { classifyContract } from './facts';
import { gatePublishes, ingressObjections, PRODUCER_SCAN_ROOT, type Placed } from './ingress';
import { INGRESS_ALLOWLIST } from './ingressAllowlist';
import type { ContractQueries } from './queries';

export function ingressPlaced(c: ContractQueries, file: string, doc: ContractDoc): Placed[] {
  const py = c.pyprojectOf(file);
  const base = py ? dirOf(py) : '';
  const given = c.ingressOptionsQ('');
  // Paths a gate passes that leave the root (absolute, `../`) are outside what the engine sees: not judged.
  const allowlistFile = joinRel(base, given.allowlist ?? INGRESS_ALLOWLIST);
  const producerRoot = joinRel(base, given.producerRoot ?? PRODUCER_SCAN_ROOT);
  if (allowlistFile === null || producerRoot === null) return [];
  const producers = (topic: string): { file: string; range: Range }[] => {
    const m = c.publishersQ(producerRoot);
    return (Object.hasOwn(m, topic) ? (m[topic] ?? []) : []).flatMap((f) => {
      const d = c.contract(f);
      const hit = d ? gatePublishes(d).find((t) => t.value === topic) : undefined;
      return hit ? [{ file: f, range: hit.range }] : [];
    });
  };
  const allowlist = c.ingressAllowlist(allowlistFile);
  // An allowlist this does not read (another name, a file left unread) cannot be judged.
  if (!allowlist && (classifyContract(allowlistFile)?.role !== 'ingress' || c.files.exists(allowlistFile))) return [];
  return ingressObjections({ file, doc, allowlistFile, allowlist, producers });
}
