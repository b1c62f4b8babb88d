// The status bar item and the language status item (Python/YAML editors). Both follow the active
// editor: the context of its file (asked from the server, so two workspaces with one id stay apart),
// the file's problem counts (the folder's without a file) and when its last analysis ran. The tooltip
// says in plain words what the file's context and the active context are for. Clicking switches the
// active context. A file the server says is library code (an installed framework's, in the project's
// Python environment) is named as such, and its editor is made read-only for the session, as Pylance
// treats site-packages. In the browser it follows files of any scheme in a workspace folder, tells what
// only the desktop does, and says "reading N/M files" while the worker reads the folder (readingStatus.ts).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Methods, type FolderContexts, type StatusParams } from '../../server/src/lsp/protocol';
import { contextLabel } from './contextLabels';
import type { ReadingView } from './readingStatus';
import { analysedAt, analysisLines, libraryLabel, statusItemText } from './statusText';

interface FileContext {
  label: string;
  dir: string | null;
  active: string;
  library: boolean;
}

/** What the active context is for, in the words the status item and its command use. */
const ACTIVE_FOR =
  'used by Explain Resolution and the Step Graph for files outside a developer workspace ' +
  '(the core registry, builders, configs)';
const SWITCH = `Switch context: choose the active context, ${ACTIVE_FOR}.`;

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('registryLens.status', vscode.StatusBarAlignment.Left, 10);
  private readonly language: vscode.LanguageStatusItem;
  private readonly byFolder = new Map<string, StatusParams>();
  private readonly listeners: vscode.Disposable[];
  private fileContext: FileContext | undefined;
  /** While the browser's worker reads a folder: what the item says instead. */
  private readingView: ReadingView | undefined;
  /** Bumped per render, so an older contexts answer never overwrites a newer one. */
  private generation = 0;

  /** `browserNote`: in the browser, what only the desktop does (the tooltip's last lines). */
  constructor(
    private readonly client: BaseLanguageClient,
    private readonly browserNote?: string,
  ) {
    const scheme = browserNote === undefined ? { scheme: 'file' } : {};
    this.language = vscode.languages.createLanguageStatusItem('registryLens.languageStatus', [
      { ...scheme, language: 'python' },
      { ...scheme, language: 'yaml' },
    ]);
    this.item.name = 'Registry Lens';
    this.item.command = 'registryLens.selectContext';
    this.language.name = 'Registry Lens';
    this.listeners = [
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.languages.onDidChangeDiagnostics(() => this.render()),
    ];
  }

  /** The browser's reading of its folders: shown instead of the counts until it ends (undefined). */
  reading(view: ReadingView | undefined): void {
    this.readingView = view;
    this.render();
  }

  update(status: StatusParams): void {
    this.byFolder.set(status.folder, status);
    this.refresh();
  }

  /** Asks the server for the context of the active file, then renders. */
  private refresh(): void {
    const gen = ++this.generation;
    const uri = this.activeUri();
    this.render();
    if (uri === undefined || !this.client.isRunning()) return;
    this.client.sendRequest<FolderContexts[]>(Methods.contexts, { uri: uri.toString() }).then(
      (folders) => {
        if (gen !== this.generation) return;
        const f = folders[0];
        const c = f?.contexts.find((x) => (f.currentDir !== undefined ? x.dir === f.currentDir : x.id === f.current));
        const active = f?.contexts.find((x) => x.id === f.active);
        const library = f?.library;
        const label = library ? libraryLabel(library) : c && f ? contextLabel(c, f.contexts) : undefined;
        this.fileContext =
          f && label !== undefined
            ? {
                label,
                dir: library ? null : (c?.dir ?? null),
                active: active ? contextLabel(active, f.contexts) : f.active,
                library: library !== undefined,
              }
            : undefined;
        // Still the file asked about: the command acts on the active editor.
        if (library && vscode.window.activeTextEditor?.document.uri.toString() === uri.toString())
          void vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
        this.render();
      },
      () => {
        /* the server is (re)starting: the next status notification renders again */
      },
    );
  }

  /** The active editor's file: one of a folder, or another on disk (an installed framework's may lie elsewhere). */
  private activeUri(): vscode.Uri | undefined {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (this.browserNote === undefined) return uri?.scheme === 'file' ? uri : undefined;
    return uri !== undefined && vscode.workspace.getWorkspaceFolder(uri) !== undefined ? uri : undefined;
  }

  private render(): void {
    const uri = this.activeUri();
    const folder = uri === undefined ? undefined : vscode.workspace.getWorkspaceFolder(uri)?.uri.toString();
    const s = (folder === undefined ? undefined : this.byFolder.get(folder)) ?? this.byFolder.values().next().value;
    if (this.readingView !== undefined) {
      this.item.text = this.readingView.text;
      this.item.tooltip = this.readingView.tooltip;
      this.item.show();
      return;
    }
    if (s === undefined) {
      if (this.browserNote === undefined) this.item.hide();
      else {
        this.item.text = '$(globe) Registry Lens';
        this.item.tooltip = this.browserNote;
        this.item.show();
      }
      return;
    }
    const file = uri !== undefined ? this.fileContext : undefined;
    const context = file?.label ?? s.context;
    const clock = (t: number): string => new Date(t).toLocaleTimeString();
    const analysis = analysisLines(s, clock);
    const active = file?.active ?? s.context;
    const all = uri === undefined ? [] : vscode.languages.getDiagnostics(uri);
    const mine = all.filter((d) => d.source === 'registry-lens');
    const errors = mine.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = mine.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    this.item.text = statusItemText(file && { label: file.label, counts: { errors, warnings } }, active, s);
    this.item.tooltip = [
      'Registry Lens',
      file?.library
        ? `This file: ${file.label}, a file of the project's Python environment: read-only here, ` +
          'and never a diagnostic in it. Explain Resolution and the Step Graph use the active context here.'
        : file?.dir
          ? `This file: ${file.label}, the developer workspace in ${file.dir}. ` +
            `Its step names resolve as ${file.label} sees them (its own steps and overrides first, then core), ` +
            'in hover, diagnostics, Explain Resolution and the Step Graph.'
          : file
            ? `This file: ${file.label}, outside any developer workspace. ` +
              'Explain Resolution and the Step Graph use the active context here.'
            : '',
      `Active context: ${active}, ${ACTIVE_FOR}. Click to change it.`,
      file ? `This file: ${count(errors, 'error')}, ${count(warnings, 'warning')}.` : '',
      `The folder: ${count(s.errors, 'error')}, ${count(s.warnings, 'warning')} ` +
        `in ${count(s.entries, 'entry', 'entries')}, ` +
        `${count(s.workspaces, 'workspace')}.`,
      ...analysis,
      ...(s.frameworks.length > 0 ? ['Framework versions:', ...s.frameworks.map((f) => `  ${f}`)] : []),
      this.browserNote ?? '',
    ]
      .filter(Boolean)
      .join('\n');
    this.item.show();

    this.language.text = `$(list-tree) ${context}`;
    // Short: the popup shows each item on one line, at most 500 px wide with its link, and clips the rest
    // (a long context name takes its share): the counts as icons, the time to the minute; the rest is in
    // the link's tooltip.
    const minutes = (t: number): string => new Date(t).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
    this.language.detail = `$(error) ${errors} $(warning) ${warnings} · ${analysedAt(s, minutes)}`;
    this.language.command = {
      title: 'Switch context',
      command: 'registryLens.selectContext',
      tooltip: [
        `This file: ${context}; ${count(errors, 'error')}, ${count(warnings, 'warning')}.`,
        ...analysis,
        SWITCH,
      ].join('\n'),
    };
    this.language.severity =
      errors > 0
        ? vscode.LanguageStatusSeverity.Error
        : warnings > 0
          ? vscode.LanguageStatusSeverity.Warning
          : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
    this.language.dispose();
    this.item.dispose();
  }
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
