import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Commands, DocumentStatsNotification, DocumentStatsRequest, type DocumentStats } from '../../server/src/protocol/requests';

let client: LanguageClient | undefined;

/** The selector of documents Oncoterm analyses, from `oncoterm.languages`. */
function documentSelector(): { scheme: string; language: string }[] {
  const languages = vscode.workspace.getConfiguration('oncoterm').get<string[]>('languages') ?? ['markdown'];
  return languages.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }, { scheme: 'vscode-notebook-cell', language }]);
}

export async function activate(context: vscode.ExtensionContext): Promise<{ client: () => LanguageClient | undefined }> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: {
      configurationSection: 'oncoterm',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.oncoterm.yaml,*.glossary.yaml,*.glossary.yml}'),
    },
    initializationOptions: { settings: vscode.workspace.getConfiguration().get('oncoterm') },
  };
  client = new LanguageClient('oncoterm', 'Oncoterm', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem('oncoterm.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Oncoterm';
  status.command = 'workbench.actions.view.problems';
  context.subscriptions.push(status);
  const stats = new Map<string, DocumentStats>();
  const showStatus = () => {
    const editor = vscode.window.activeTextEditor;
    const s = editor && stats.get(editor.document.uri.toString());
    if (!s) {
      status.hide();
      return;
    }
    status.text = s.skipped ? '$(book) Oncoterm: not checked' : `$(book) ${s.terms} terms, ${s.undefined} undefined`;
    status.tooltip = s.skipped ?? `Oncoterm: ${s.terms} glossary terms recognised, ${s.undefined} not explained for readers`;
    status.show();
  };

  const runDocumentCommand = async (command: string) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !client) return;
    await client.sendRequest('workspace/executeCommand', { command, arguments: [{ uri: editor.document.uri.toString(), version: editor.document.version }] });
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('oncoterm.defineAll', () => runDocumentCommand(Commands.defineAll)),
    vscode.commands.registerCommand('oncoterm.insertGlossary', () => runDocumentCommand(Commands.insertGlossary)),
    vscode.commands.registerCommand('oncoterm.restartServer', async () => client?.restart()),
    vscode.window.onDidChangeActiveTextEditor(async (editor) => {
      if (editor && client?.isRunning()) {
        const s = await client.sendRequest<DocumentStats | null>(DocumentStatsRequest, { uri: editor.document.uri.toString() }).catch(() => null);
        if (s) stats.set(s.uri, s);
      }
      showStatus();
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => stats.delete(doc.uri.toString())),
  );
  // Registered before start(): the server may send stats for the documents already open as soon
  // as it is initialised, before `await client.start()` resumes.
  context.subscriptions.push(client.onNotification(DocumentStatsNotification, (s: DocumentStats) => {
    stats.set(s.uri, s);
    showStatus();
  }));
  try {
    await client.start();
  } catch (e) {
    // Keep the extension (and its commands) alive; the user can look at the log and restart.
    void vscode.window.showErrorMessage(`Oncoterm: the language server did not start (${(e as Error).message}). See Output › Oncoterm, then run "Oncoterm: Restart the language server".`);
  }
  return { client: () => client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
