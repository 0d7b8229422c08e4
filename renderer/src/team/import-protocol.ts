/** Messages between the team view and its import worker. */
import type { ImportOutcome } from './import-session-export';

export interface ImportRequest {
  readonly id: number;
  readonly file: File;
  /** Name shown in messages (a folder import passes the path inside the folder). */
  readonly name: string;
}

export type ImportReply =
  | {
      readonly id: number;
      readonly type: 'progress';
      readonly validated: number;
      readonly total: number;
    }
  | { readonly id: number; readonly type: 'outcome'; readonly outcome: ImportOutcome };
