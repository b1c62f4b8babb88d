// New developer workspaces, laid out as cursus's own `init-workspace` does (cli/registry_cli.py):
// `src/cursus_dev/{steps/…, registry/workspace_registry.py}`, test/, docs/, … with the minimal,
// standard or advanced registry template, or a copy of another workspace's registry
// (hybrid/setup.py copy_registry_from_developer). Pure: it returns the directories and files to create;
// the front end writes them and never overwrites a file.
//
// Layouts: `builders` is cursus 1.x (a step = registry entry + builder + config + …); `interfaces` is
// cursus 2.x, where a step is a `steps/interfaces/<step>.step.yaml` interface (builders are synthesized
// from it) plus config and script. The template's example steps are created complete in both, so the
// registry analyses clean: 1.x gets builder and config stubs; 2.x gets the steps as interface files
// with their configs, and an empty LOCAL_STEPS (cursus 2.x derives registry rows from interfaces;
// a LOCAL_STEPS row there would name a builder that exists only once synthesized).
import { builderFileName, builderStub, configFileName, configStub, interfaceStub, snakeCase } from '../../util/naming';

export type WorkspaceTemplateName = 'minimal' | 'standard' | 'advanced';
export const WORKSPACE_TEMPLATES: readonly WorkspaceTemplateName[] = ['minimal', 'standard', 'advanced'];
export type WorkspaceLayout = 'builders' | 'interfaces';
export const WORKSPACE_LAYOUTS: readonly WorkspaceLayout[] = ['builders', 'interfaces'];

export interface ScaffoldOptions {
  id: string;
  template: WorkspaceTemplateName;
  layout: WorkspaceLayout;
  /** Root-relative directory whose subdirectories are workspaces (`developer_workspaces/developers`). */
  workspacesRoot: string;
  /** Another workspace to copy: its id and its files under `src/cursus_dev/` (paths relative to that directory). */
  copyFrom?: { id: string; files: { path: string; text: string }[] };
}

export interface Scaffold { dir: string; dirs: string[]; files: { file: string; text: string }[] }

const VALID_ID = /^[A-Za-z0-9_-]+$/;
const PKG = 'src/cursus_dev';
const REGISTRY = `${PKG}/registry/workspace_registry.py`;
const INIT = '"""Package initialization."""\n';

/**
 * Why a request for a new workspace cannot be laid out, or null: the id (cursus's rule: letters, digits,
 * `_`, `-`), the template and the layout. Every front end asks through `RegistryEngine.scaffoldWorkspace`,
 * so the CLI and the server refuse alike; values are checked as given (a client's request is untrusted JSON).
 */
export function workspaceRequestProblem(o: { id: unknown; template: unknown; layout?: unknown }): string | null {
  if (typeof o.id !== 'string' || !VALID_ID.test(o.id)) return `Invalid workspace id ${quote(o.id)}: use only letters, digits, '_' and '-'`;
  if (!WORKSPACE_TEMPLATES.some((t) => t === o.template)) return `Unknown template ${quote(o.template)}: use one of ${WORKSPACE_TEMPLATES.join(', ')}`;
  if (o.layout !== undefined && !WORKSPACE_LAYOUTS.some((l) => l === o.layout)) return `Unknown layout ${quote(o.layout)}: use one of ${WORKSPACE_LAYOUTS.join(', ')}`;
  return null;
}

function quote(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return `'${s.length > 100 ? `${s.slice(0, 100)}…` : s}'`;
}

interface TemplateStep {
  name: string; type: string; description: string; framework: string; priority: number;
  tags?: string[]; strategy?: string;
}

/** cursus's class names: `CustomProcessingStep` → `CustomProcessingStepBuilder`, `CustomDataPreprocessing` → `…StepBuilder`. */
const builderOf = (step: string): string => (step.endsWith('Step') ? `${step}Builder` : `${step}StepBuilder`);

function templateSteps(t: WorkspaceTemplateName, id: string): TemplateStep[] {
  if (t === 'standard') return [{ name: 'CustomProcessingStep', type: 'Processing', description: `Custom processing step for ${id}`, framework: 'pandas', priority: 90 }];
  if (t === 'advanced') {
    return [
      { name: 'CustomDataPreprocessing', type: 'Processing', description: 'Custom data preprocessing with advanced transformations', framework: 'pandas', priority: 90, tags: ['development'], strategy: 'workspace_priority' },
      { name: 'AdvancedModelEvaluation', type: 'Processing', description: 'Advanced model evaluation with custom metrics', framework: 'sklearn', priority: 85, tags: ['development', 'gpu'], strategy: 'framework_match' },
    ];
  }
  return [];
}

export function scaffoldWorkspace(o: ScaffoldOptions): Scaffold {
  const dir = `${o.workspacesRoot.replace(/\/+$/, '')}/${o.id}`;
  const stepDirs = o.layout === 'builders' ? ['builders', 'configs', 'contracts', 'scripts', 'specs'] : ['interfaces', 'configs', 'scripts'];
  const packages = [...stepDirs.map((d) => `${PKG}/steps/${d}`), `${PKG}/registry`];
  const dirs = [...packages, 'test/unit', 'test/integration', 'validation_reports', 'examples', 'docs'].map((d) => `${dir}/${d}`);
  const files = new Map<string, string>();
  for (const p of packages) files.set(`${p}/__init__.py`, INIT);
  if (o.copyFrom) {
    for (const f of o.copyFrom.files) files.set(`${PKG}/${f.path}`, f.path === 'registry/workspace_registry.py' ? renameId(f.text, o.copyFrom.id, o.id) : f.text);
  } else {
    const steps = templateSteps(o.template, o.id);
    files.set(REGISTRY, registryText(o, o.layout === 'builders' ? steps : []));
    for (const s of steps) {
      const cfg = `${s.name}Config`;
      files.set(`${PKG}/steps/configs/${configFileName(s.name)}`, configStub(s.name, cfg, 'cursus.core.base.config_base'));
      if (o.layout === 'builders') files.set(`${PKG}/steps/builders/${builderFileName(s.name)}`, builderStub(s.name, builderOf(s.name), cfg, 'cursus.core.base.builder_base'));
      else files.set(`${PKG}/steps/interfaces/${snakeCase(s.name)}.step.yaml`, interfaceText(s));
    }
  }
  files.set('README.md', readme(o));
  return { dir, dirs, files: [...files].map(([f, text]) => ({ file: `${dir}/${f}`, text })) };
}

/** cursus's copy: quoted occurrences of the source id become the new id. */
function renameId(text: string, from: string, to: string): string {
  return text.split(`"${from}"`).join(`"${to}"`).split(`'${from}'`).join(`'${to}'`);
}

const py = (v: unknown): string => JSON.stringify(v);

function registryText(o: ScaffoldOptions, steps: TemplateStep[]): string {
  const meta: Record<string, unknown> = {
    developer_id: o.id, template: o.template, description: `${o.template[0]?.toUpperCase()}${o.template.slice(1)} workspace registry for ${o.id}`,
  };
  if (o.template !== 'minimal') meta['version'] = '1.0.0';
  if (o.template === 'advanced') Object.assign(meta, { frameworks: ['pytorch', 'xgboost', 'sklearn'], environment_tags: ['development', 'gpu'] });
  const dict = (r: Record<string, unknown>, indent: string): string =>
    Object.entries(r).map(([k, v]) => `${indent}${py(k)}: ${py(v).replace(/","/g, '", "')},`).join('\n');
  const local = steps.map((s) => {
    const fields: Record<string, unknown> = {
      config_class: `${s.name}Config`, builder_step_name: builderOf(s.name), spec_type: s.name,
      sagemaker_step_type: s.type, description: s.description, framework: s.framework,
      ...(s.tags ? { environment_tags: s.tags } : {}), priority: s.priority,
      ...(s.strategy ? { conflict_resolution_strategy: s.strategy } : {}),
    };
    return `    ${py(s.name)}: {\n${dict(fields, '        ')}\n    },`;
  });
  const where = o.layout === 'interfaces'
    ? '    # cursus 2.x: a step is an interface file, src/cursus_dev/steps/interfaces/<step>.step.yaml\n    # (registry rows derive from it); add entries here only for steps without one.\n'
    : '    # Add your custom steps here, e.g.\n    # "MyCustomStep": {"config_class": "MyCustomStepConfig", "builder_step_name": "MyCustomStepBuilder",\n    #                  "spec_type": "MyCustomStep", "sagemaker_step_type": "Processing", "description": "..."},\n';
  return `"""\n${meta['description'] as string}.\n"""\n\n`
    + `# Workspace metadata\nWORKSPACE_METADATA = {\n${dict(meta, '    ')}\n}\n\n`
    + `# Local step definitions (new steps specific to this workspace)\nLOCAL_STEPS = {\n${local.length > 0 ? `${local.join('\n')}\n` : where}}\n\n`
    + '# Step overrides (override core steps with custom implementations)\nSTEP_OVERRIDES = {\n    # Add step overrides here if needed\n}\n';
}

function interfaceText(s: TemplateStep): string {
  return interfaceStub({ name: s.name, sagemakerStepType: s.type, description: s.description });
}

function readme(o: ScaffoldOptions): string {
  const steps = o.layout === 'builders'
    ? '`src/cursus_dev/steps/{builders,configs,contracts,scripts,specs}/`'
    : '`src/cursus_dev/steps/interfaces/<step>.step.yaml` (the step\'s interface: registry block, contract, spec), with its config in `steps/configs/` and script in `steps/scripts/`';
  return `# Developer Workspace: ${o.id}\n\nThis workspace contains custom step implementations for developer ${o.id}.\n\n`
    + `- Registry: \`${REGISTRY}\` (${o.copyFrom ? `copied from ${o.copyFrom.id}` : `${o.template} template`})\n- Steps: ${steps}\n\n`
    + `Set the workspace context with \`export CURSUS_WORKSPACE_ID=${o.id}\`; check it with \`registry-lens check --context ${o.id}\`.\n`;
}
