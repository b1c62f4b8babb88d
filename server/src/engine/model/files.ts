// The step model's reading of the engine's per-file facts: the member families (member.ts), what
// each file gives the model, and the lists of files that play each part. Every read is a tracked
// query of the core (analysis/files.ts), so nothing here decides what an edit affects.
import type { FileFamily, FileQueries } from '../analysis/files';
import type { Range, Settings } from '../types';
import type { ComponentKind } from '../api';
import type { ModuleClass, PyClass } from '../python/facts';
import { factsBy } from '../analysis/files';
import { isStepFamily, type StepFacts, type StepFamily } from './member';
import type { StepColumn } from './entries/listColumns';
import type { BuildStrategies, BuilderDiscovery, ClassDef, LegacyAliases, SdkBindings } from './entries/registry';
import type { RegistrySource } from './entries/source';
import type { MetaDoc } from './discovery/types';
import type { BindingDoc } from './discovery/bindingDoc';
import { sameJson } from '../util/equality';
import type { JsModule } from './discovery/jsModule';
import type { Query } from '../db/database';
import { wsDirOf, type ComponentStubs, type WorkspacePaths } from './entries/workspaceDirs';

const NO_CLASSES: readonly ModuleClass[] = [];

export class StepFiles {
  /** The member families, in the engine's order. */
  readonly members: readonly StepFamily[];
  /** Each member by its reader (the `by` of a file's record). */
  private readonly byReader: ReadonlyMap<object, StepFamily>;
  /** What the members say of a developer workspace's files, each part from the first member saying it. */
  readonly workspacePaths: WorkspacePaths;
  /** The templates of new component modules, from the first member that has them. */
  readonly stubs: ComponentStubs | undefined;
  /** The columns of `list`, every member's. */
  readonly listColumns: readonly StepColumn[];

  constructor(readonly files: FileQueries) {
    this.members = files.families.filter(isStepFamily);
    this.byReader = new Map(this.members.map((m) => [m.read, m]));
    this.workspacePaths = this.members.reduceRight<WorkspacePaths>((out, m) => ({ ...out, ...m.step.workspace }), {});
    this.stubs = this.members.find((m) => m.step.stubs)?.step.stubs;
    this.listColumns = listColumns(this.members);
    this.builderDiscoveryQ = files.db.query('builderDiscovery', () =>
      this.firstFact('builderDiscovery', (f) => f.builders),
    );
    this.buildStrategiesQ = files.db.query('buildStrategies', () => this.firstFact('bases', (f) => f.strategies));
    this.legacyAliasesQ = files.db.query('legacyAliases', () => this.firstFact('builderDiscovery', (f) => f.aliases));
    this.sdkBindingsQ = files.db.query('sdkBindings', () => this.firstFact('builderDiscovery', (f) => f.sdkSteps));
    this.boundIdsQ = files.db.query(
      'boundIds',
      () => {
        const ids = new Map<string, { file: string; range: Range }>();
        for (const p of this.list('binding')) {
          for (const i of this.bindingDoc(p)?.items ?? [])
            if (i.moduleId && !ids.has(i.moduleId.value))
              ids.set(i.moduleId.value, { file: p, range: i.moduleId.range });
        }
        return Object.fromEntries(ids);
      },
      sameJson,
    );
  }

  settings(): Settings {
    return this.files.settings();
  }

  /** What a file gives the step model (null for a file no member read). */
  facts(p: string): StepFacts | null {
    const a = this.files.applied(p);
    const member = this.memberBy(a.by);
    return member ? factsBy(member, a) : null;
  }
  /** The tool that loads a file, as messages name it (its member's `tool`; null for a file no member read). */
  toolOf(p: string): string | null {
    const member = this.memberBy(this.files.applied(p).by);
    return member ? (member.step.tool ?? member.name) : null;
  }
  private memberBy(reader: object | null): StepFamily | undefined {
    return reader === null ? undefined : this.byReader.get(reader);
  }
  /**
   * The first file of a part (in path order) whose facts hold what `pick` takes (the one framework module of its kind).
   */
  private firstFact<T>(part: 'bases' | 'builderDiscovery', pick: (f: StepFacts) => T | null | undefined): T | null {
    for (const p of this.list(part)) {
      const f = this.facts(p);
      const v = f ? pick(f) : null;
      if (v) return v;
    }
    return null;
  }
  source(p: string): RegistrySource | null {
    return this.facts(p)?.source ?? null;
  }
  /** A file's text while the engine holds it (`FileQueries.heldText`). */
  heldText(p: string): string | null {
    return this.files.heldText(p);
  }
  metaDoc(p: string): MetaDoc | null {
    return this.facts(p)?.meta ?? null;
  }
  bindingDoc(p: string): BindingDoc | null {
    return this.facts(p)?.bindings ?? null;
  }
  /** Top-level classes of a Python file. */
  pyClasses(p: string): PyClass[] | null {
    return this.facts(p)?.py ?? null;
  }
  /** Exports of a TypeScript or JavaScript module file (null for others). */
  jsModule(p: string): JsModule | null {
    return this.facts(p)?.js ?? null;
  }
  /** Top-level classes of a Python file, or the exports of a TypeScript or JavaScript module. */
  classesOf(p: string): readonly ClassDef[] {
    const f = this.facts(p);
    return f?.py ?? f?.js?.exports ?? NO_CLASSES;
  }
  wsDirOf(p: string): string | null {
    return wsDirOf(this.settings(), p);
  }

  /** The files the members put in the core context, member by member (not all of them registry sources). */
  coreFiles(): string[] {
    return this.members.flatMap((m) => m.step.coreSources?.(this.files) ?? this.files.filesOf(m.name, 'core'));
  }
  /** The file of a registry source the tool does not read (`unreadSources`) defining `name`, null when none does. */
  unreadDefinition(name: string): string | null {
    for (const m of this.members)
      for (const f of m.step.unreadSources?.(this.files) ?? [])
        if (this.source(f)?.entries.some((e) => e.name === name) === true) return f;
    return null;
  }
  /** The directories whose `ws:<dir>` key lists a workspace registry, in path order. */
  workspaceRegistryDirs(): string[] {
    return this.members
      .filter((m) => m.step.workspaceRegistries)
      .flatMap((m) =>
        this.files
          .keysOf(m.name)
          .filter((k) => k.startsWith('ws:'))
          .map((k) => k.slice('ws:'.length)),
      );
  }
  /** The registry file of a workspace directory, if any. */
  workspaceRegistry(dir: string): string | undefined {
    for (const m of this.members)
      if (m.step.workspaceRegistries) {
        const f = this.files.filesOf(m.name, `ws:${dir}`)[0];
        if (f) return f;
      }
    return undefined;
  }
  /** The files of other members whose sources join a workspace's registry. */
  workspaceExtras(dir: string): string[] {
    return this.members
      .filter((m) => !m.step.workspaceRegistries)
      .flatMap((m) => m.step.workspaceSources?.(this.files, dir) ?? this.files.filesOf(m.name, `ws:${dir}`));
  }
  /** The component modules of one scope (a workspace directory, `''` for core) with their kind, folder and classes. */
  components(scope: string): { file: string; kind: ComponentKind; dir: string; classes: ClassDef[] }[] {
    const out: { file: string; kind: ComponentKind; dir: string; classes: ClassDef[] }[] = [];
    for (const m of this.members) {
      if (!m.step.component) continue;
      for (const file of this.files.filesOf(m.name, `component:${scope}`)) {
        const a = this.files.appliedBy(m, file);
        const part = a?.role == null ? null : m.step.component(a.role);
        if (part) out.push({ file, kind: part.kind, dir: part.dir, classes: a?.facts?.py ?? [] });
      }
    }
    return out;
  }
  private list(part: 'meta' | 'module' | 'idMap' | 'bases' | 'builderDiscovery' | 'binding'): string[] {
    return this.members.flatMap((m) => {
      const key = m.step.lists?.[part];
      return key === undefined ? [] : this.files.filesOf(m.name, key);
    });
  }
  /** Every companion metadata file, in path order. */
  metaFiles(): string[] {
    return this.list('meta');
  }
  /** The files that may be modules (under an extension root). */
  moduleCandidates(): string[] {
    return this.list('module');
  }
  /** The id maps, in path order (the module scan reads the first one read). */
  idMapFiles(): string[] {
    return this.list('idMap');
  }
  /** Binding files, in path order. */
  bindingFiles(): string[] {
    return this.list('binding');
  }
  /** The modules of the base classes the abstract rows name, in path order. */
  baseFiles(): string[] {
    return this.list('bases');
  }

  /**
   * The module ids binding files register, each where it is first written (a later file's registration of it fails).
   */
  readonly boundIdsQ: Query<Readonly<Record<string, { file: string; range: Range }>>>;
  /** What the builder discovery module says (the first listed that is read), null without one. */
  readonly builderDiscoveryQ: Query<BuilderDiscovery | null>;
  /** The build strategies of the first base module that registers some, null without one. */
  readonly buildStrategiesQ: Query<BuildStrategies | null>;
  /** The legacy aliases of the step catalog module (listed beside the discovery module), null without one. */
  readonly legacyAliasesQ: Query<LegacyAliases | null>;
  /** The SDK step bindings of the step catalog (listed beside the discovery module), null without them. */
  readonly sdkBindingsQ: Query<SdkBindings | null>;
}

/** The columns the members add to `list`, in member order (member.ts `StepParts.listColumns`). */
export function listColumns(families: readonly FileFamily[]): readonly StepColumn[] {
  return families.filter(isStepFamily).flatMap((m) => m.step.listColumns ?? []);
}
