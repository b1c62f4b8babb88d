// The Explorer view "Registries": per folder the core registry, each workspace with its steps, the
// conflicts between registries, and a section per other family (ONEX artifacts with their versions).
// Data comes from `registryLens/overview`; clicking opens the place. Workspaces sharing an id carry
// their directory; each problem shows its own severity. The view exists from activation: until the server runs it is
// empty, and package.json's `viewsWelcome` says why, with a button that starts it.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { contextLabel, sourceLabel } from './contextLabels';
import {
  Methods,
  type FolderOverview,
  type LocationRef,
  type OverviewContext,
  type OverviewProblem,
  type OverviewStep,
} from '../../server/src/lsp/protocol';

type Node =
  | { kind: 'folder'; overview: FolderOverview }
  | { kind: 'context'; context: OverviewContext; active: boolean; label: string; all: readonly OverviewContext[] }
  | { kind: 'step'; step: OverviewStep; source: string }
  | { kind: 'conflicts'; problems: OverviewProblem[] }
  | { kind: 'problem'; problem: OverviewProblem }
  | { kind: 'family'; family: FolderOverview['families'][number] };

export class RegistriesView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  /** `client`: the language client once its server runs, else undefined. */
  constructor(private readonly client: () => BaseLanguageClient | undefined) {}

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node === undefined) {
      const lc = this.client();
      if (lc === undefined) return [];
      const folders = await lc.sendRequest<FolderOverview[]>(Methods.overview, {});
      const only = folders.length === 1 ? folders[0] : undefined;
      return only !== undefined ? folderChildren(only) : folders.map((overview) => ({ kind: 'folder', overview }));
    }
    switch (node.kind) {
      case 'folder':
        return folderChildren(node.overview);
      case 'context':
        return node.context.steps.map((step) => ({ kind: 'step', step, source: sourceLabel(step.source, node.all) }));
      case 'conflicts':
        return node.problems.map((problem) => ({ kind: 'problem', problem }));
      case 'family':
        return node.family.entries.map((step) => ({ kind: 'step', step, source: step.source }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'folder':
        return item(node.overview.name, C.Expanded, 'root-folder', `${node.overview.summary.entries} entries`);
      case 'context': {
        const c = node.context;
        const label = c.dir === null ? 'core' : `workspace: ${node.label}`;
        const t = item(
          label,
          c.dir === null ? C.Collapsed : C.Expanded,
          c.dir === null ? 'library' : 'account',
          `${c.steps.length} step${c.steps.length === 1 ? '' : 's'}${node.active ? ' · active' : ''}`,
        );
        t.tooltip = c.dir ?? 'Core registry';
        return t;
      }
      case 'step': {
        const s = node.step;
        const detail = 'detail' in s ? String(s.detail) : s.sagemakerStepType;
        const t = item(
          s.name,
          C.None,
          s.conflicts.length > 0 ? 'warning' : 'symbol-class',
          [node.source, detail].filter(Boolean).join(' · '),
        );
        t.command = open(s);
        if (s.conflicts.length > 0) t.tooltip = `Also defined in: ${s.conflicts.join(', ')}`;
        return t;
      }
      case 'conflicts': {
        const worst = node.problems.some((p) => p.severity === 'error')
          ? 'error'
          : node.problems.some((p) => p.severity === 'warning')
            ? 'warning'
            : 'information';
        return item('Conflicts', C.Expanded, severityIcon(worst), String(node.problems.length));
      }
      case 'family':
        return item(
          node.family.name === 'onex' ? 'ONEX' : node.family.name,
          C.Expanded,
          'package',
          `${node.family.entries.length} artifacts`,
        );
      case 'problem': {
        const t = item(node.problem.message, C.None, severityIcon(node.problem.severity), node.problem.code);
        t.command = open(node.problem);
        t.tooltip = `${node.problem.code}: ${node.problem.message}`;
        return t;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function folderChildren(f: FolderOverview): Node[] {
  const first = (c: OverviewContext): boolean => f.contexts.find((x) => x.id === c.id) === c;
  const contexts: Node[] = f.contexts.map((context) => ({
    kind: 'context',
    context,
    active: context.id === f.active && first(context),
    label: contextLabel(context, f.contexts),
    all: f.contexts,
  }));
  const families: Node[] = (f.families ?? []).map((family) => ({ kind: 'family', family }));
  return [
    ...contexts,
    ...families,
    ...(f.conflicts.length === 0 ? [] : [{ kind: 'conflicts' as const, problems: f.conflicts }]),
  ];
}

/** Codicons (and theme colours) of the Problems panel, per severity. */
function severityIcon(severity: OverviewProblem['severity']): vscode.ThemeIcon {
  switch (severity) {
    case 'error':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'warning':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    default:
      return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
  }
}

function item(
  label: string,
  state: vscode.TreeItemCollapsibleState,
  icon: string | vscode.ThemeIcon,
  description: string,
): vscode.TreeItem {
  const t = new vscode.TreeItem(label, state);
  t.iconPath = typeof icon === 'string' ? new vscode.ThemeIcon(icon) : icon;
  t.description = description;
  return t;
}

function open(loc: LocationRef): vscode.Command {
  const r = loc.range;
  const selection = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  return { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.parse(loc.uri), { selection }] };
}
