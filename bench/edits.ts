// Seeded edits of workspace registries, shaped like what a developer does while typing: change a field,
// add or remove a step, rename a step onto another workspace's name (RL002), introduce or fix a typo.
// Each edit mutates the org model and yields the new full text of one registry file, which is what
// the language server receives (full-document sync) before its debounced setFile + update().
import type { EntryModel, OrgModel, WsModel } from './generate';
import { renameEntry, renderWorkspaceRegistry, setField } from './generate';
import { renderMeta, type MetaModel } from './metaFiles';
import type { Rng } from './rng';

export type EditKind = 'field' | 'add' | 'remove' | 'collide' | 'typo' | 'fix' | 'meta';
export const EDIT_KINDS: readonly EditKind[] = ['field', 'add', 'remove', 'collide', 'typo', 'fix', 'meta'];
type RegistryEditKind = Exclude<EditKind, 'meta'>;

export interface Edit {
  kind: EditKind;
  file: string;
  text: string;
}

interface Typo {
  ws: WsModel;
  step: string;
  undo: (e: EntryModel) => void;
}

const WEIGHTS: [EditKind, number][] = [
  ['field', 30],
  ['add', 15],
  ['remove', 15],
  ['collide', 15],
  ['typo', 15],
  ['fix', 10],
  ['meta', 20],
];

export class EditSession {
  private typos: Typo[] = [];
  private fresh = 0;

  constructor(private readonly org: OrgModel) {}

  next(rng: Rng): Edit {
    const picked = rng.weighted(WEIGHTS, 'field');
    if (picked === 'meta' && this.org.metas.length > 0) return this.editMeta(rng, rng.pick(this.org.metas));
    let kind: RegistryEditKind = picked === 'meta' ? 'field' : picked;
    if (kind === 'fix' && this.typos.length === 0) kind = 'typo';
    const ws =
      kind === 'fix' ? (this.typos[rng.int(0, this.typos.length - 1)] as Typo).ws : rng.pick(this.org.workspaces);
    const done = this.apply(kind, ws, rng);
    return { kind: done, file: ws.registryPath, text: renderWorkspaceRegistry(ws) };
  }

  /** An edit of one given workspace registry, of a kind drawn with the usual weights (a typo is fixed later). */
  editRegistry(rng: Rng, ws: WsModel): Edit {
    const picked = rng.weighted(WEIGHTS, 'field');
    const done = this.apply(picked === 'meta' ? 'field' : picked, ws, rng);
    return { kind: done, file: ws.registryPath, text: renderWorkspaceRegistry(ws) };
  }

  private apply(kind: RegistryEditKind, ws: WsModel, rng: Rng): RegistryEditKind {
    const all = [...ws.local, ...ws.overrides];
    switch (kind) {
      case 'field': {
        const e = rng.pick(all);
        const which = rng.int(0, 3);
        if (which === 0)
          setField(
            e,
            'description',
            `${e.name} (${rng.pick(['revised', 'faster', 'now with retries', 'uses spot capacity'])} ${rng.int(1, 99)})`,
          );
        else if (which === 1) setField(e, 'priority', rng.int(10, 150));
        else if (which === 2) setField(e, 'framework_version', `${rng.int(1, 3)}.${rng.int(0, 12)}.${rng.int(0, 5)}`);
        else
          setField(
            e,
            'environment_tags',
            rng.sample(['development', 'staging', 'production', 'cpu', 'gpu'], rng.int(1, 3)),
          );
        return kind;
      }
      case 'add': {
        const family = rng.pick(ws.families);
        const name = this.freshName(`${family}Exp`);
        ws.local.push({
          name,
          fields: [
            { key: 'config_class', value: `${name}Config` },
            { key: 'builder_step_name', value: `${family}StepBuilder` },
            { key: 'spec_type', value: name },
            { key: 'sagemaker_step_type', value: 'Processing' },
            { key: 'description', value: `Experimental variant of ${family}` },
          ],
        });
        return kind;
      }
      case 'remove': {
        if (ws.local.length <= 1) return this.apply('add', ws, rng);
        ws.local.splice(rng.int(0, ws.local.length - 1), 1);
        return kind;
      }
      case 'collide': {
        const other = rng.pick(this.org.workspaces);
        const target = other === ws || other.local.length === 0 ? null : rng.pick(other.local);
        if (!target || ws.local.some((e) => e.name === target.name) || ws.local.length === 0)
          return this.apply('field', ws, rng);
        renameEntry(rng.pick(ws.local), target.name);
        return kind;
      }
      case 'typo': {
        const e = rng.pick(all);
        const which = rng.int(0, 2);
        if (which === 0) {
          const f = e.fields.find((x) => x.key === 'builder_step_name');
          if (f) {
            f.key = 'builder_stepname';
            this.typos.push({
              ws,
              step: e.name,
              undo: (x) => {
                const g = x.fields.find((y) => y.key === 'builder_stepname');
                if (g) g.key = 'builder_step_name';
              },
            });
            return kind;
          }
        }
        const f = e.fields.find((x) => x.key === (which === 2 ? 'config_class' : 'sagemaker_step_type'));
        if (!f || typeof f.value !== 'string') return this.apply('field', ws, rng);
        const before = f.value;
        const key = f.key;
        f.value = before.length > 3 ? before.slice(0, 2) + before.slice(3) : `${before}x`;
        this.typos.push({ ws, step: e.name, undo: (x) => setField(x, key, before) });
        return kind;
      }
      case 'fix': {
        const i = this.typos.findIndex((t) => t.ws === ws);
        const t = this.typos[i];
        if (!t) return this.apply('typo', ws, rng);
        this.typos.splice(i, 1);
        const e = all.find((x) => x.name === t.step);
        if (!e) return this.apply('typo', ws, rng);
        t.undo(e);
        return kind;
      }
    }
  }

  /** A companion edit: add a dependency on a sibling (which may close a cycle), drop the last one, or bump the version. */
  editMeta(rng: Rng, m: MetaModel): Edit {
    const siblings = this.org.metas.filter((x) => x.ws === m.ws && x !== m).slice(0, 50);
    const which = rng.int(0, 2);
    if (which === 0 && siblings.length > 0) m.deps.push({ id: rng.pick(siblings).step });
    else if (which === 1 && m.deps.length > 0) m.deps.pop();
    else m.version = `${rng.int(1, 3)}.${rng.int(0, 9)}.${rng.int(0, 9)}`;
    return { kind: 'meta', file: m.path, text: renderMeta(m) };
  }

  private freshName(base: string): string {
    for (;;) {
      const name = `${base}${++this.fresh}`;
      if (!this.org.taken.has(name)) {
        this.org.taken.add(name);
        return name;
      }
    }
  }
}
