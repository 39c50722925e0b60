import type { Connection } from 'vscode-languageserver';
import type { DocumentStore } from '../documents';
import type { WorkspaceState } from '../workspace';

/** What every feature handler may use. */
export interface ServerContext {
  connection: Connection;
  documents: DocumentStore;
  workspace: () => WorkspaceState;
  /** Re-read settings and glossaries, then re-analyse every open document. */
  reload: () => void;
}
