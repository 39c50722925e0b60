import { watchFile, unwatchFile } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocumentSyncKind,
  type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { DocumentStatsNotification, DocumentStatsRequest, type DocumentStatsParams } from '../protocol/requests';
import { toAnalysisOptions } from '../protocol/settings';
import { extensionRoot, loadBuiltinGlossary } from './builtin';
import { DocumentStore } from './documents';
import { codeActions, FIX_ALL_KIND } from './features/code-actions';
import { executeCommand, SERVER_COMMANDS } from './features/commands';
import type { ServerContext } from './features/context';
import { definition } from './features/definition';
import { publishDiagnostics, publishProblems } from './features/diagnostics';
import { documentLinks } from './features/document-links';
import { hover } from './features/hover';
import { inlayHints } from './features/inlay-hints';
import { SEMANTIC_LEGEND, semanticTokens } from './features/semantic-tokens';
import { documentStats } from './features/stats';
import { WorkspaceState } from './workspace';

/** Delay between the last keystroke and re-publishing diagnostics. */
const DEBOUNCE_MS = 120;
const WATCH_INTERVAL_MS = 1000;

/** Start the language server on a connection (stdio, IPC or a test's streams). */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): Connection {
  // A request handler that throws is answered with an error by the protocol library; anything that
  // escapes it is logged (stderr) rather than ending the writer's session.
  process.on('unhandledRejection', (reason) => console.error('oncoterm: unhandled rejection:', reason));
  process.on('uncaughtException', (error) => console.error('oncoterm: uncaught exception:', error));
  const bundleDir = __dirname;
  const builtin = loadBuiltinGlossary(bundleDir, extensionRoot(bundleDir));
  // Created on `initialize`, which a client sends before anything else.
  let workspace = undefined as unknown as WorkspaceState;
  let supportsConfiguration = false;
  let supportsTokenRefresh = false;
  let supportsConfigurationRegistration = false;
  const documents = new DocumentStore(() => ({ glossary: workspace.glossary, options: toAnalysisOptions(workspace.settings), maxDocumentSize: workspace.settings.maxDocumentSize }));
  const cx: ServerContext = { connection, documents, workspace: () => workspace, reload: () => reloadWorkspace() };
  const timers = new Map<string, NodeJS.Timeout>();
  const warnedTooLarge = new Set<string>();
  let problemFiles = new Set<string>();
  let watchedFiles = new Set<string>();

  const refresh = (uri: string) => {
    timers.delete(uri);
    publishDiagnostics(cx, uri);
    const stats = documentStats(cx, uri);
    if (stats) void connection.sendNotification(DocumentStatsNotification, stats);
    const open = documents.get(uri);
    if (open?.skipped && !warnedTooLarge.has(uri)) {
      warnedTooLarge.add(uri);
      void connection.sendNotification('window/showMessage', { type: 2, message: open.skipped });
    }
  };
  const schedule = (uri: string, delay = DEBOUNCE_MS) => {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => refresh(uri), delay));
  };
  const refreshAll = () => {
    documents.invalidate();
    for (const open of documents.all()) schedule(open.doc.uri, 0);
    problemFiles = publishProblems(cx, problemFiles);
    rewatch();
    if (supportsTokenRefresh) void connection.sendRequest('workspace/semanticTokens/refresh').catch(() => undefined);
  };
  const reloadWorkspace = () => {
    workspace.reload();
    refreshAll();
  };
  const rewatch = () => {
    for (const f of watchedFiles) if (!workspace.watched.has(f)) unwatchFile(f);
    for (const f of workspace.watched) if (!watchedFiles.has(f)) watchFile(f, { interval: WATCH_INTERVAL_MS, persistent: false }, reloadWorkspace);
    watchedFiles = new Set(workspace.watched);
  };
  const pullSettings = async () => {
    if (!supportsConfiguration) return;
    try {
      const [raw] = await connection.workspace.getConfiguration([{ section: 'oncoterm' }]);
      workspace.setEditorSettings(raw ?? null);
    } catch {
      workspace.setEditorSettings(null);
    }
    refreshAll();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    supportsConfiguration = !!params.capabilities.workspace?.configuration;
    supportsTokenRefresh = !!params.capabilities.workspace?.semanticTokens?.refreshSupport;
    supportsConfigurationRegistration = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const root = folder?.startsWith('file:') ? fileURLToPath(folder) : undefined;
    workspace = new WorkspaceState(builtin, root, params.initializationOptions?.settings ?? null);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: SERVER_COMMANDS },
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        inlayHintProvider: true,
      },
      serverInfo: { name: 'oncoterm', version: '0.1.0' },
    };
  });
  connection.onInitialized(() => {
    if (supportsConfiguration && supportsConfigurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'oncoterm' }).catch(() => undefined);
    problemFiles = publishProblems(cx, problemFiles);
    rewatch();
    void pullSettings();
  });
  connection.onDidChangeConfiguration((change) => {
    if (supportsConfiguration) void pullSettings();
    else {
      workspace.setEditorSettings((change.settings as { oncoterm?: unknown } | null)?.oncoterm ?? null);
      refreshAll();
    }
  });
  connection.onDidChangeWatchedFiles(() => reloadWorkspace());

  connection.onDidOpenTextDocument(({ textDocument: d }) => {
    documents.open(d.uri, d.languageId, d.version, d.text);
    schedule(d.uri, 0);
  });
  connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) => {
    documents.change(d.uri, d.version, contentChanges);
    schedule(d.uri);
  });
  connection.onDidCloseTextDocument(({ textDocument: d }) => {
    clearTimeout(timers.get(d.uri));
    timers.delete(d.uri);
    warnedTooLarge.delete(d.uri);
    documents.close(d.uri);
    void connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
  });

  connection.onHover((params) => hover(cx, params));
  connection.onDefinition((params) => definition(cx, params));
  connection.onDocumentLinks((params) => documentLinks(cx, params));
  connection.onCodeAction((params) => codeActions(cx, params));
  connection.onExecuteCommand((params) => executeCommand(cx, params));
  connection.languages.semanticTokens.on((params) => semanticTokens(cx, params));
  connection.languages.inlayHint.on((params) => inlayHints(cx, params));
  connection.onRequest(DocumentStatsRequest, (params: DocumentStatsParams) => documentStats(cx, params.uri));
  connection.onShutdown(() => {
    for (const t of timers.values()) clearTimeout(t);
    for (const f of watchedFiles) unwatchFile(f);
  });

  connection.listen();
  return connection;
}

