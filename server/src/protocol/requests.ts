/** Custom requests and commands shared by the server and the VS Code client. */

/** Command ids the server executes (`workspace/executeCommand`). */
export const Commands = {
  defineAll: 'oncoterm.server.defineAll',
  insertGlossary: 'oncoterm.server.insertGlossary',
  ignoreInWorkspace: 'oncoterm.server.ignoreInWorkspace',
} as const;

/** `oncoterm/documentStats`: counts for the status bar. */
export const DocumentStatsRequest = 'oncoterm/documentStats';
export interface DocumentStatsParams {
  uri: string;
}
export interface DocumentStats {
  uri: string;
  version: number;
  /** Distinct glossary terms recognised. */
  terms: number;
  /** Terms (and abbreviations) the reader is not told about. */
  undefined: number;
  /** Set when the document was too large to analyse. */
  skipped?: string;
}

/** Server -> client notification sent whenever a document's analysis changes. */
export const DocumentStatsNotification = 'oncoterm/documentStatsChanged';

/** Arguments of the defineAll / insertGlossary commands. */
export interface DocumentCommandArgs {
  uri: string;
  version?: number;
}
