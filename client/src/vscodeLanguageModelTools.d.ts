// The parts of VS Code's language-model tool API (stable since 1.95) and MCP server API (stable since
// 1.101) the extension uses, declared as in VS Code's own vscode.d.ts: @types/vscode here is 1.90,
// matching `engines.vscode` ^1.91, so every use is guarded at run time. Delete this file when
// @types/vscode reaches 1.101 (the declarations would then clash with the real ones).
import 'vscode';

declare module 'vscode' {
  export namespace lm {
    export const tools: readonly LanguageModelToolInformation[];
    export function registerTool<T>(name: string, tool: LanguageModelTool<T>): Disposable;
    export function invokeTool(
      name: string,
      options: LanguageModelToolInvocationOptions<object>,
      token?: CancellationToken,
    ): Thenable<LanguageModelToolResult>;
    export function registerMcpServerDefinitionProvider(id: string, provider: McpServerDefinitionProvider): Disposable;
  }

  export type ChatParticipantToolToken = never;

  export interface LanguageModelToolInformation {
    readonly name: string;
    readonly description: string;
    readonly inputSchema: object | undefined;
    readonly tags: readonly string[];
  }

  export interface LanguageModelToolInvocationOptions<T> {
    readonly toolInvocationToken: ChatParticipantToolToken | undefined;
    readonly input: T;
  }

  export interface LanguageModelToolInvocationPrepareOptions<T> {
    readonly input: T;
  }

  export interface PreparedToolInvocation {
    invocationMessage?: string;
  }

  export interface LanguageModelTool<T> {
    invoke(
      options: LanguageModelToolInvocationOptions<T>,
      token: CancellationToken,
    ): ProviderResult<LanguageModelToolResult>;
    prepareInvocation?(
      options: LanguageModelToolInvocationPrepareOptions<T>,
      token: CancellationToken,
    ): ProviderResult<PreparedToolInvocation>;
  }

  export class LanguageModelTextPart {
    value: string;
    constructor(value: string);
  }

  export class LanguageModelToolResult {
    content: (LanguageModelTextPart | unknown)[];
    constructor(content: (LanguageModelTextPart | unknown)[]);
  }

  export class McpStdioServerDefinition {
    readonly label: string;
    cwd?: Uri;
    command: string;
    args: string[];
    env: Record<string, string | number | null>;
    version?: string;
    constructor(
      label: string,
      command: string,
      args?: string[],
      env?: Record<string, string | number | null>,
      version?: string,
    );
  }

  export interface McpServerDefinitionProvider<T extends McpStdioServerDefinition = McpStdioServerDefinition> {
    readonly onDidChangeMcpServerDefinitions?: Event<void>;
    provideMcpServerDefinitions(token: CancellationToken): ProviderResult<T[]>;
    resolveMcpServerDefinition?(server: T, token: CancellationToken): ProviderResult<T>;
  }
}
