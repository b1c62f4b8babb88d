// Reads the apcore project file `apcore.yaml` at the root (SPEC §1.6) as apcore's Config does
// (apcore-python `config.py`): `extensions: {root, max_depth, follow_symlinks}` — also under a
// top-level `apcore:` mapping (Config's namespace mode) — plus our `extensions.roots: [PATH | {root:
// PATH, namespace: NAME}]` (the shape of apcore-python's `Registry(extensions_dirs=…)`; `path:` is a
// synonym of `root:`) and `id_map: PATH`. Paths are relative to the file; each keeps its node for
// diagnostics. A `max_depth` outside [1, 16] is RL020 (Config.validate rejects it).
import type { Range } from '../../types';
import { dictEntry, type Lit } from '../../literal';
import { syntaxDiag } from '../../codes';
import { diag } from './codes';
import { outsideErrorZones, parseYamlLit, type YamlFacts } from '../../yaml/yamlLit';
import { dirOf, joinRel } from '../../util/paths';
import type { ApcoreConfig } from './projectConfig';
import { DEFAULT_ACL_ROOT, DEFAULT_MAX_DEPTH, MAX_DEPTH_LIMIT } from './framework';
import { lastCallMemo } from '../../util/memo';
import { validateApcoreConfig } from './apcoreValidate';

type Str = Extract<Lit, { kind: 'str' }>;

/**
 * The family's layout (where modules may live) and its per-file read both need the project file: the
 * last read is kept, so one text is parsed once. A pure function of (file, text); callers never mutate it.
 */
export const readApcoreConfig = lastCallMemo((file: string, text: string): ApcoreConfig => {
  const facts = parseYamlLit(text);
  const config = read(file, facts);
  config.diagnostics = outsideErrorZones(config.diagnostics, facts.errorZones);
  return config;
});

function read(file: string, facts: YamlFacts): ApcoreConfig {
  const cfg: ApcoreConfig = {
    file,
    roots: [],
    idMap: null,
    maxDepth: DEFAULT_MAX_DEPTH,
    followSymlinks: false,
    aclRoot: joinRel(dirOf(file), DEFAULT_ACL_ROOT),
    diagnostics: [],
  };
  for (const e of facts.errors) cfg.diagnostics.push(syntaxDiag(file, e));
  const base = dirOf(file);
  const bad = (node: Lit, message: string): void => {
    cfg.diagnostics.push(diag(file, node.range, 'RL020', message));
  };
  const path = (node: Str): string | null => {
    const p = joinRel(base, node.value.trim());
    if (p === null)
      bad(node, `'${node.value}' leaves the workspace folder; Registry Lens only analyses files inside it`);
    return p;
  };
  const top = facts.value;
  const nsMode = get(top, 'apcore');
  const root = top?.kind === 'dict' && !get(top, 'extensions') && nsMode?.kind === 'dict' ? nsMode : top;
  for (const d of validateApcoreConfig(file, nsMode?.kind === 'dict' ? nsMode : top)) cfg.diagnostics.push(d);
  const aclRoot = get(get(nsMode?.kind === 'dict' ? nsMode : top, 'acl'), 'root');
  if (aclRoot?.kind === 'str') cfg.aclRoot = joinRel(base, aclRoot.value.trim());
  const ext = get(root, 'extensions');
  const idMap = get(root, 'id_map') ?? get(ext, 'id_map');
  if (idMap) {
    if (idMap.kind === 'str') cfg.idMap = { path: path(idMap), range: idMap.range };
    else bad(idMap, "'id_map' must be a path");
  }
  if (!ext) return cfg;
  if (ext.kind !== 'dict') {
    bad(ext, "'extensions' must be a mapping with 'root' or 'roots'");
    return cfg;
  }
  const depth = get(ext, 'max_depth');
  if (depth) {
    if (depth.kind === 'num' && depth.int && depth.value >= 1 && depth.value <= MAX_DEPTH_LIMIT)
      cfg.maxDepth = depth.value;
    else
      bad(
        depth,
        `'extensions.max_depth' must be an integer in [1, ${MAX_DEPTH_LIMIT}]: apcore's Config.validate rejects ` +
          'this file otherwise',
      );
  }
  const follow = get(ext, 'follow_symlinks');
  if (follow?.kind === 'bool') cfg.followSymlinks = follow.value;
  else if (follow && follow.kind !== 'none') bad(follow, "'extensions.follow_symlinks' must be true or false");
  const one = get(ext, 'root');
  if (one) {
    if (one.kind !== 'str') bad(one, "'extensions.root' must be a path");
    else pushRoot(cfg, path(one), null, one.range, null);
  }
  const many = get(ext, 'roots');
  if (many && many.kind !== 'list') bad(many, "'extensions.roots' must be a list of paths or {root, namespace}");
  for (const item of many?.kind === 'list' ? many.items : []) {
    if (item.kind === 'str') {
      pushRoot(cfg, path(item), null, item.range, null);
      continue;
    }
    const p = get(item, 'root') ?? get(item, 'path');
    const ns = get(item, 'namespace');
    if (item.kind !== 'dict' || p?.kind !== 'str') {
      bad(item, 'A root must be a path or {root: PATH, namespace: NAME}');
      continue;
    }
    if (ns && ns.kind !== 'str') bad(ns, "'namespace' must be a string");
    pushRoot(cfg, path(p), ns?.kind === 'str' ? ns.value : null, p.range, ns?.kind === 'str' ? ns.range : null);
  }
  return cfg;
}

function pushRoot(
  cfg: ApcoreConfig,
  path: string | null,
  namespace: string | null,
  range: Range,
  nsRange: Range | null,
): void {
  if (path === null) return;
  cfg.roots.push({ path, namespace, origin: { file: cfg.file, range, nsRange } });
}

function get(n: Lit | null | undefined, key: string): Lit | undefined {
  return dictEntry(n, key)?.value;
}
