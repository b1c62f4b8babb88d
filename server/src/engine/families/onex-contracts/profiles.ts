// omnibase_core's ValidatorRuntimeProfiles rule `runtime_profile_unregistered` (OMN-12957): a contract
// naming a runtime profile outside core's registry fails the gate (severity error, fail_on_error:
// validation/contracts/runtime_profiles.validation.yaml). The runtime itself accepts any name: the
// ownership filter compares the raw RUNTIME_PROFILE (infra service_kernel.py:2497, profile_ownership.py:103).
import { parseYamlDocs } from '../../yaml/yamlLit';
import { at, str, type ContractDoc } from './contractDoc';
import type { Objection } from './objection';

/** The names the runtime can boot: core constants/constants_runtime_profiles.py:43 (infra runtime_profile.py:94). */
export const REGISTERED_RUNTIME_PROFILES: readonly string[] = [
  'local-dev', 'default', 'main', 'effects', 'workers', 'projection-api', 'canary', 'staging', 'production',
];

/** Declared profiles as the validator reads them (validator_runtime_profiles.py:171): top level, else `descriptor`. */
function declared(doc: ContractDoc): { value: string; range: Objection['range'] }[] {
  const top = at(doc.root, 'runtime_profiles');
  const lit = top && top.kind !== 'none' ? top : at(doc.root, 'descriptor.runtime_profiles');
  const items = lit?.kind === 'list' ? lit.items : lit ? [lit] : [];
  return items.flatMap((i) => {
    const s = str(i);
    return s && s.value.trim() ? [{ value: s.value.trim().toLowerCase(), range: s.range }] : [];
  });
}

/** One objection per unregistered profile, unless the contract's `name` is allowlisted (exempt from all, :307). */
export function profileObjections(doc: ContractDoc, allowlisted: ReadonlySet<string>): Objection[] {
  const name = str(at(doc.root, 'name'))?.value;
  if (name !== undefined && allowlisted.has(name)) return [];
  const known = REGISTERED_RUNTIME_PROFILES.join(', ');
  return declared(doc).filter((p) => !REGISTERED_RUNTIME_PROFILES.includes(p.value)).map((p) => ({
    validator: 'runtime-profiles', rule: 'runtime_profile_unregistered', code: 'RL065', range: p.range, level: 'fail',
    message: `'${p.value}' is not a registered runtime profile (${known}): `
      + 'the gate fails (validator_runtime_profiles.py:362)',
  }));
}

/** The node ids of a `runtime_profiles_allowlist.yaml` (`allowlist: [{node_id, reason}]`, :95). */
export function readAllowlist(text: string): string[] {
  const root = parseYamlDocs(text).find((d) => d.value !== null)?.value ?? null;
  const list = at(root, 'allowlist');
  return (list?.kind === 'list' ? list.items : []).flatMap((e) => {
    const id = str(at(e, 'node_id'))?.value.trim();
    return id ? [id] : [];
  });
}
