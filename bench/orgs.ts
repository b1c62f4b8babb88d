// Every org the bench can measure, by name (`--org NAME,...`): the cursus 1.x orgs of bench/generate.ts,
// the interface-first cursus 2.x orgs of bench/interfaceOrg.ts, the ONEX orgs of bench/onexOrg.ts (2025
// format) and bench/onexContractsOrg.ts (node contracts), and which of them a default or `--quick` run measures.
import { ORGS } from './generate';
import { cursusWorkload } from './cursusWorkload';
import { INTERFACE_ORGS, interfaceWorkload } from './interfaceOrg';
import { ONEX_ORGS, onexWorkload } from './onexOrg';
import { ONEX_CONTRACT_ORGS, onexContractsWorkload } from './onexContractsOrg';
import type { Workload } from './workload';

export const ORG_NAMES: string[] = [
  ...Object.keys(ORGS),
  ...Object.keys(INTERFACE_ORGS),
  ...Object.keys(ONEX_ORGS),
  ...Object.keys(ONEX_CONTRACT_ORGS),
];

/** The default run: both cursus 1.x orgs and the small org of each other family. */
export const DEFAULT_ORGS = ['small', 'large', 'interfaces-small', 'onex-small', 'onex-contracts-small'];
export const QUICK_ORGS = ['small'];

export function workloadOf(name: string): Workload {
  if (name in ORGS) return cursusWorkload(ORGS[name as keyof typeof ORGS]);
  if (name in INTERFACE_ORGS) return interfaceWorkload(INTERFACE_ORGS[name as keyof typeof INTERFACE_ORGS]);
  if (name in ONEX_ORGS) return onexWorkload(ONEX_ORGS[name as keyof typeof ONEX_ORGS]);
  if (name in ONEX_CONTRACT_ORGS)
    return onexContractsWorkload(ONEX_CONTRACT_ORGS[name as keyof typeof ONEX_CONTRACT_ORGS]);
  throw new Error(`unknown org ${name} (${ORG_NAMES.join(', ')})`);
}
