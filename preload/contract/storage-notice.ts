/**
 * What the host tells the page about a file of its own it could not use as it was (a store file moved
 * aside, the settings file repaired), as data in no language: the page words each line from its
 * catalogue (app.storage.*) in the agent's language. `message` is the host's own English sentence — the
 * line it logs, and the notice's identity (the same file reported twice is shown once).
 */

/** Moved aside: 'not-json' (cut off, empty, not JSON), 'invalid' (wrong data), 'future-version' (newer app). */
export type StoreProblemKind = 'not-json' | 'invalid' | 'future-version';

/**
 * Why the file could not be used. `parser` and `issues` are words from below (the JSON parser's, the
 * schema check's: field paths and what they lack), quoted as they come.
 */
export type StoreProblemWhy =
  | { readonly code: 'empty' }
  | { readonly code: 'not-json'; readonly parser: string }
  | { readonly code: 'newer-version'; readonly found: number; readonly readsUpTo: number }
  | { readonly code: 'no-version' }
  | { readonly code: 'no-sessions' }
  | { readonly code: 'invalid'; readonly issues: string }
  /** `position`: the session's place in the file, from 1. */
  | { readonly code: 'invalid-session'; readonly position: number; readonly issues: string };

export type StorageNotice =
  | {
      readonly kind: 'moved';
      readonly problem: StoreProblemKind;
      /** The file's name (without its folder). */
      readonly file: string;
      /** Where it is now (the full path). */
      readonly movedTo: string;
      readonly why: StoreProblemWhy;
      readonly message: string;
    }
  | {
      readonly kind: 'settings-repaired';
      /**
       * The settings put back to their defaults (their keys, as in the file); empty with `unknownOnly`
       * false: the whole file.
       */
      readonly replaced: readonly string[];
      /** Only entries this version does not know were left out (a newer Calm Line wrote them). */
      readonly unknownOnly: boolean;
      /** Where the original file was kept. */
      readonly backupPath: string;
      readonly message: string;
    };
