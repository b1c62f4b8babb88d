// Stages 1–2 of the discovery pipeline and the modules map of stage 8 as tracked queries: the scan of
// the module candidates under the active roots, the id map, and the modules they register. They read
// per-file facts only, never the registry model: the model reads its modules here, and the later stages
// (discovery/stages.ts) read both, so the step model's query groups depend on each other in one
// direction (scan, then model, then the other stages; built in that order by model/queries.ts, which
// asks this family for its scan: member.ts `modules`).
import type { Diagnostic, HostLink, Range, Settings } from '../../types';
import type { DocumentLinkResult } from '../../api';
import type { StepEntry } from '../../model/entries/source';
import { diag } from '../../model/codes';
import { ZERO_RANGE } from '../../text/ranges';
import { dictFields } from '../../model/entries/dictFields';
import { isUnder } from '../../util/paths';
import { QueryGroup, type Query } from '../../db/database';
import { sameJson } from '../../util/equality';
import { APCORE_SETTINGS } from './apcoreSettings';
import { rootsFromSettings, type ApcoreConfig } from './projectConfig';
import { APCORE_CONFIG_FILES, BUILT_IN_APCORE, DEFAULT_MAX_DEPTH, DEFAULT_ROOT } from './framework';
import type { FileQueries } from '../../analysis/files';
import type { ModuleLists, ModuleStage, StepFacts } from '../../model/member';
import { activeRoots, checkIds, isScanCandidate, pathId, relToRoot, rootOf } from './scan';
import { applyIdMap, type Found, type IdMapDoc } from './idMap';
import { JS_ENTRIES } from './jsEntryPoint';
import type { ApModule, ApRoot } from './roots';
import { META_SUFFIX } from '../../model/discovery/metaFiles';
import { assumedFramework } from '../../analysis/frameworkPins';
import { apcorePython, MIRRORED, type ApcorePython } from './pythonRelease';

/** What the scan reads: per-file facts, existence, links and settings, all tracked. */
export interface ScanInputs {
  settings(): Settings;
  exists(path: string): boolean;
  metaFiles(): string[];
  moduleCandidates(): string[];
  apcoreConfig(): ApcoreConfig | null;
  idMapDoc(): IdMapDoc | null;
  links(): HostLink[];
  /** The project's apcore-python (pythonRelease.ts). */
  python(): ApcorePython;
}

interface ScanResult {
  scanned: Map<string, ApModule>;
  modules: Map<string, StepEntry>;
  diagnostics: Diagnostic[];
  mapped: string[];
  /** The id map's `file` values and the modules they name. */
  idMapLinks: DocumentLinkResult[];
}

const NONE = '';

export class ModuleScan extends QueryGroup<ScanInputs> implements ModuleStage {
  private get host(): ScanInputs {
    return this.deps;
  }

  readonly scanQ: Query<ScanResult> = this.db.query('scan', () => {
    const { host } = this;
    const cfg = host.apcoreConfig();
    const idMap = host.idMapDoc();
    const decls = [...rootsFromSettings(APCORE_SETTINGS.of(host.settings()).apcoreRoots), ...(cfg?.roots ?? [])];
    const defaultHasMeta = decls.length === 0 && host.metaFiles().some((m) => isUnder(m, DEFAULT_ROOT));
    const candidates = host.moduleCandidates();
    const anchorOf = (root: { path: string }): { file: string; range: Range } | null => {
      const first = candidates.find((c) => isUnder(c, root.path));
      return cfg ? { file: cfg.file, range: ZERO_RANGE } : first ? { file: first, range: ZERO_RANGE } : null;
    };
    const active = activeRoots(decls, defaultHasMeta, anchorOf);
    const maxDepth = cfg?.maxDepth ?? DEFAULT_MAX_DEPTH;
    const behindLink = (file: string): boolean =>
      !cfg?.followSymlinks && host.links().some((l) => isUnder(file, l.path));
    const found: Found[] = [];
    for (const file of candidates) {
      const root = rootOf(file, active.roots);
      if (root && isScanCandidate(relToRoot(file, root), maxDepth) && !behindLink(file))
        found.push({ file, root, pathId: pathId(file, root, active.prefixed) });
    }
    const mapped = applyIdMap(found, active.roots, idMap, (p) => host.exists(p));
    // Only a tree with Python modules reads the project's version (and so is scanned again when it changes).
    const ids = checkIds(mapped.modules, mapped.modules.some((m) => m.file.endsWith('.py')) ? host.python() : MIRRORED);
    const diagnostics: Diagnostic[] = [
      ...active.diagnostics,
      ...mapped.diagnostics,
      ...ids.diagnostics,
      ...this.linkProblems(active.roots),
    ];
    if (cfg?.idMap?.path && !host.exists(cfg.idMap.path))
      diagnostics.push(diag(cfg.file, cfg.idMap.range, 'RL029', `Id map '${cfg.idMap.path}' not found`));
    return {
      scanned: new Map(mapped.modules.map((m) => [m.file, m])),
      modules: new Map(ids.kept.map((m) => [m.id, moduleEntry(m)])),
      diagnostics,
      mapped: mapped.watched,
      idMapLinks: mapped.links,
    };
  });

  /** Stage 8: the registered modules, visible from every context (equal while ids, files and roots are). */
  readonly modulesQ: Query<Map<string, StepEntry>> = this.db.query(
    'modules',
    () => this.scanQ(NONE).modules,
    (a, b) =>
      sameJson(
        [...a.values()].map((e) => [e.name, e.file, e.variable]),
        [...b.values()].map((e) => [e.name, e.file, e.variable]),
      ),
  );
  /** Files of the scanned modules, in path order (one unit each). */
  readonly moduleFilesQ = this.db.query('moduleFiles', () => [...this.scanQ(NONE).scanned.keys()], sameJson);
  readonly scannedQ: Query<ApModule | null> = this.db.query(
    'scanned',
    (file) => this.scanQ(NONE).scanned.get(file) ?? null,
    sameJson,
  );
  /**
   * Whether the scan found any module: where none is (a cursus org), the 10,000 subjects of its meta files need no
   * `scanned` cell each.
   */
  private readonly anyScannedQ = this.db.query('anyScanned', () => this.scanQ(NONE).scanned.size > 0);
  /** The scanned module of a file (stage 1–2's record), null when the scan found none there. */
  moduleOf(file: string): ApModule | null {
    return this.anyScannedQ(NONE) ? this.scannedQ(file) : null;
  }
  readonly diagnosticsQ = this.db.query('apcoreDiagnostics', () => this.scanQ(NONE).diagnostics, sameJson);
  readonly mappedQ = this.db.query('mapped', () => this.scanQ(NONE).mapped, sameJson);
  readonly jsEntries = JS_ENTRIES;
  /** Document links of the id map: each item's `file` to the module it names. */
  readonly idMapLinksQ = this.db.query('idMapLinks', () => this.scanQ(NONE).idMapLinks, sameJson);
  /** The document links of a file: the id map's, when it is the id map the scan read. */
  idMapLinksOf(file: string): DocumentLinkResult[] {
    return this.host.idMapDoc()?.file === file ? this.idMapLinksQ(NONE) : [];
  }

  private linkProblems(roots: readonly ApRoot[]): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const l of this.host.links()) {
      const root = rootOf(l.path, roots);
      if (!root) continue;
      // apcore reads a module's meta file through a link, wherever it leads (`load_metadata`: Path.exists
      // and read_text follow it); the analysis reads it too when it stays in the folder, else says why not.
      if (l.path.endsWith(META_SUFFIX)) {
        if (l.target === null)
          out.push(
            diag(
              l.path,
              ZERO_RANGE,
              'RL030',
              `Meta file ${l.path} is a symbolic link out of the folder or to nothing: it is not analysed ` +
                '(apcore reads it through the link when its target exists)',
              { severity: 'information' },
            ),
          );
        continue;
      }
      if (l.loop)
        out.push(
          diag(
            l.path,
            ZERO_RANGE,
            'RL030',
            `Symbolic link loop: ${l.path} points back to ${l.target ?? 'an ancestor'}; the scan does not follow it`,
            { severity: 'warning' },
          ),
        );
      else if (l.target === null || !isUnder(l.target, root.path))
        out.push(
          diag(
            l.path,
            ZERO_RANGE,
            'RL030',
            `Symbolic link ${l.path} leaves the extension root ${root.path}/; the scan does not follow it`,
            { severity: 'information' },
          ),
        );
      else if (!this.host.apcoreConfig()?.followSymlinks)
        out.push(
          diag(
            l.path,
            ZERO_RANGE,
            'RL030',
            `Symbolic link ${l.path} is not followed: apcore's scanner skips links unless ` +
              'extensions.follow_symlinks is true, so nothing behind it is discovered',
            { severity: 'information' },
          ),
        );
    }
    return out;
  }
}

/** An apcore module as an entry of the registry model (layer `module`, named by its id). */
function moduleEntry(m: ApModule): StepEntry {
  return {
    name: m.id,
    file: m.file,
    layer: 'module',
    wsDir: null,
    variable: m.root.path,
    keyRange: ZERO_RANGE,
    keyInner: ZERO_RANGE,
    range: ZERO_RANGE,
    value: { kind: 'dict', entries: [], range: ZERO_RANGE },
    fields: dictFields(null),
  };
}

/** What apcore's files give the scan besides the step model's facts: apcore.yaml's configuration and the id map. */
export interface ApcoreFacts extends StepFacts {
  apcore?: ApcoreConfig | null;
  idMap?: IdMapDoc | null;
}

/**
 * apcore's scan on an engine's files (member.ts `modules`): apcore.yaml's configuration (the first of its places that
 * is read) and the id map's document (the first listed that is read) come from the family's own facts.
 */
export function moduleScan(
  files: FileQueries,
  lists: ModuleLists,
  facts: (path: string) => ApcoreFacts | null,
): ModuleScan {
  const config = files.db.query(
    'projectConfig',
    () => APCORE_CONFIG_FILES.map((p) => facts(p)?.apcore).find((c) => c) ?? null,
  );
  const idMapDoc = files.db.query('idMapDoc', () => {
    for (const p of lists.idMapFiles()) {
      const doc = facts(p)?.idMap;
      if (doc) return doc;
    }
    return null;
  });
  return new ModuleScan(files.db, {
    settings: () => files.settings(),
    exists: (p) => files.exists(p),
    metaFiles: () => lists.metaFiles(),
    moduleCandidates: () => lists.moduleCandidates(),
    apcoreConfig: () => config(NONE),
    idMapDoc: () => idMapDoc(NONE),
    python: () => apcorePython(assumedFramework(files, BUILT_IN_APCORE)),
    links: () => files.links(),
  });
}
