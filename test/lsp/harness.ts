import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, PublishDiagnosticsParams, WorkspaceEdit, TextDocumentEdit } from 'vscode-languageserver-protocol';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

/**
 * A minimal LSP client over stdio for tests: spawns the bundled server, answers
 * `workspace/configuration` with `settings`, applies `workspace/applyEdit` to its open documents.
 */
export class TestClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  readonly docs = new Map<string, TextDocument>();
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  settings: unknown = null;
  private waiters: (() => void)[] = [];

  constructor(args: string[] = ['--stdio']) {
    this.process = spawn(process.execPath, [SERVER, ...args], { stdio: 'pipe' });
    this.process.stderr.on('data', () => undefined);
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.wake();
    });
    this.connection.onNotification(() => this.wake());
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/semanticTokens/refresh', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => ({ applied: this.apply(p.edit) }));
    this.connection.listen();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  async initialize(rootPath?: string, initializationOptions?: unknown): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: rootPath ? pathToFileURL(rootPath).toString() : null,
      workspaceFolders: rootPath ? [{ uri: pathToFileURL(rootPath).toString(), name: 'ws' }] : null,
      capabilities: { workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'markdown'): void {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replace `start..end` (offsets) with `text`, as an incremental change. */
  edit(uri: string, start: number, end: number, text: string): number {
    const doc = this.docs.get(uri)!;
    const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
    const next = TextDocument.update(doc, [{ range, text }], doc.version + 1);
    this.docs.set(uri, next);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: [{ range, text }] });
    return next.version;
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  /** Apply a versioned workspace edit the way VS Code does: refuse it when the version differs. */
  apply(edit: WorkspaceEdit): boolean {
    for (const change of (edit.documentChanges ?? []) as TextDocumentEdit[]) {
      const doc = this.docs.get(change.textDocument.uri);
      if (!doc || (change.textDocument.version !== null && change.textDocument.version !== doc.version)) return false;
    }
    for (const change of (edit.documentChanges ?? []) as TextDocumentEdit[]) {
      const doc = this.docs.get(change.textDocument.uri)!;
      const text = TextDocument.applyEdits(doc, change.edits.map((e) => ({ range: e.range, newText: 'newText' in e ? e.newText : '' })));
      const next = TextDocument.create(doc.uri, doc.languageId, doc.version + 1, text);
      this.docs.set(doc.uri, next);
      void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: doc.uri, version: next.version }, contentChanges: [{ text: next.getText() }] });
    }
    return true;
  }

  /** Wait (polling on every notification, never a fixed sleep) until `check` returns a value. */
  async until<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Diagnostics published for the document's current version. */
  async diagnosticsFor(uri: string, predicate: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return this.until(() => {
      const p = this.diagnostics.get(uri);
      const version = this.docs.get(uri)?.version;
      return p && (p.version === undefined || p.version === version) && predicate(p.diagnostics) ? p.diagnostics : undefined;
    }, `diagnostics for ${uri}`);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else {
        this.process.once('exit', () => resolve());
        setTimeout(() => {
          this.process.kill();
          resolve();
        }, 3000);
      }
    });
    this.connection.dispose();
  }
}
