// The diagnostic codes of ONEX node contracts (docs/onex-contracts.md), each declared once with its
// default severity and title (section `<a id="rlNNN">` of docs/diagnostics.md). A diagnostic names the
// validator that objects and its rule id; its severity is that validator's consequence (checks.ts).
import { CORE_CODES, diagnostics, type CodeTable } from '../../../codes';

export const ONEX_CONTRACT_CODES = {
  RL046: { severity: 'error', title: 'entry point resolves to no contract' },
  RL047: { severity: 'warning', title: 'node contract without an entry point' },
  RL048: { severity: 'information', title: 'contract name differs from its entry point' },
  RL049: { severity: 'error', title: 'duplicate contract name' },
  RL050: { severity: 'error', title: 'required contract field missing' },
  RL051: { severity: 'error', title: 'node_type not accepted' },
  RL052: { severity: 'error', title: 'contract version shape' },
  RL053: { severity: 'warning', title: 'unknown contract field' },
  RL054: { severity: 'error', title: 'contract skipped by auto-wiring' },
  RL055: { severity: 'error', title: 'class reference does not resolve' },
  RL056: { severity: 'error', title: 'reference form rejected' },
  RL057: { severity: 'error', title: 'topic name outside the naming pattern' },
  RL058: { severity: 'error', title: 'handler contract problem' },
  RL059: { severity: 'warning', title: 'artifact registry path or trigger matches nothing' },
  RL064: { severity: 'warning', title: 'contract_path names no file' },
  RL065: { severity: 'error', title: 'runtime profile not registered' },
  RL066: { severity: 'error', title: 'command-consuming contract without runtime profiles' },
  RL067: { severity: 'error', title: 'runtime profiles run no consumer lane' },
  RL068: { severity: 'warning', title: 'no handler module beside the contract' },
  RL069: { severity: 'warning', title: 'contract field of the wrong type' },
  RL076: { severity: 'error', title: 'tenant-scoped ingress topic the tenant stamp cannot cover' },
  RL077: { severity: 'error', title: 'tenant-scoped ingress without a seam test' },
  RL078: { severity: 'error', title: 'trusted-internal topic carve-out rejected' },
  RL101: { severity: 'warning', title: 'subscription auto-wiring never reads' },
} as const satisfies CodeTable;

export type OnexContractCode = keyof typeof ONEX_CONTRACT_CODES;

export const diag = diagnostics({ ...CORE_CODES, ...ONEX_CONTRACT_CODES });
