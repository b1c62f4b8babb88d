// An apcore ACL file as apcore-python 0.19.0's `ACL.load` reads it (`acl.py:197-262`): a mapping with
// `rules: [{callers: [...], targets: [...], effect: allow|deny, description?, conditions?}]` and an
// optional `default_effect`. Each structural problem is ACLRuleError — the whole file fails to load:
// RL075 (error). The files are those under `acl.root` of apcore.yaml (default `./acl`, `config.py:117`).
import type { Diagnostic, Range } from '../../types';
import { dictEntry, type Lit } from '../../literal';
import { syntaxDiag } from '../../codes';
import { diag } from './codes';
import { ZERO_RANGE } from '../../text/ranges';
import { outsideErrorZones, parseYamlLit } from '../../yaml/yamlLit';

export function readAclFile(file: string, text: string): Diagnostic[] {
  const facts = parseYamlLit(text, { pyyaml: true });
  const out = facts.errors.map((e) => syntaxDiag(file, e));
  if (facts.errors.length === 0) check(file, facts.value, out);
  return outsideErrorZones(out, facts.errorZones);
}

/** Python's type name of a value, as ACLRuleError's messages give it. */
function pyType(v: Lit | null): string {
  if (v === null) return 'NoneType';
  return {
    str: 'str',
    num: v.kind === 'num' && !v.int ? 'float' : 'int',
    bool: 'bool',
    none: 'NoneType',
    list: 'list',
    dict: 'dict',
    other: 'str',
  }[v.kind];
}

function check(file: string, root: Lit | null, out: Diagnostic[]): void {
  const fail = (range: Range, reason: string): void => {
    out.push(diag(file, range, 'RL075', `${reason}: apcore's ACL.load raises ACLRuleError, so this ACL does not load`));
  };
  if (root?.kind !== 'dict')
    return fail(root?.range ?? ZERO_RANGE, `ACL config must be a mapping, got ${pyType(root)}`);
  const rules = dictEntry(root, 'rules');
  if (!rules) return fail(root.entries[0]?.key.range ?? root.range, "ACL config missing required 'rules' key");
  if (rules.value.kind !== 'list') return fail(rules.value.range, `'rules' must be a list, got ${pyType(rules.value)}`);
  for (const [i, rule] of rules.value.items.entries()) {
    if (rule.kind !== 'dict') {
      fail(rule.range, `Rule ${i} must be a mapping, got ${pyType(rule)}`);
      continue;
    }
    const missing = ['callers', 'targets', 'effect'].find((k) => !dictEntry(rule, k));
    if (missing) {
      fail(rule.entries[0]?.key.range ?? rule.range, `Rule ${i} missing required key '${missing}'`);
      continue;
    }
    const effect = dictEntry(rule, 'effect')?.value as Lit;
    if (effect.kind !== 'str' || (effect.value !== 'allow' && effect.value !== 'deny')) {
      fail(
        effect.range,
        `Rule ${i} has invalid effect '${effect.kind === 'str' ? effect.value : pyType(effect)}', must be ` +
          "'allow' or 'deny'",
      );
      continue;
    }
    for (const k of ['callers', 'targets']) {
      const v = dictEntry(rule, k)?.value as Lit;
      if (v.kind !== 'list') {
        fail(v.range, `Rule ${i} '${k}' must be a list, got ${pyType(v)}`);
        break;
      }
    }
  }
}
