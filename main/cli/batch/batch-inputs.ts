/**
 * The calls of a batch: each input that is a folder contributes the audio files under it (recursively,
 * by extension, sorted by path; symbolic links to files are followed, to folders not); a file is taken as given (whatever its name: the reader says if it is
 * not a call). A missing input is a call that cannot be read, reported like any other.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { BadInputError } from '../analyze-args';

/** File name endings of the formats the reader decodes (call-audio-reader.ts). */
export const CALL_FILE_EXTENSIONS = ['.wav', '.mp3', '.ogg', '.opus', '.flac'];

export interface BatchCall {
  /** As the user would name it: the input as typed, or the folder as typed joined with the relative path. */
  file: string;
  /** Absolute path. */
  path: string;
}

export function expandBatchInputs(inputs: readonly string[], baseDir: string): BatchCall[] {
  const calls: BatchCall[] = [];
  const seen = new Set<string>();
  const add = (file: string, abs: string): void => {
    if (seen.has(abs)) return;
    seen.add(abs);
    calls.push({ file, path: abs });
  };
  for (const input of inputs) {
    const abs = path.resolve(baseDir, input);
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      // Missing or unreadable: the worker reports it by name.
    }
    if (!isDir) {
      add(input, abs);
      continue;
    }
    const found = callsUnder(abs);
    if (found.length === 0 && inputs.length === 1)
      throw new BadInputError('cli.analyze.empty-folder', {
        folder: input,
        extensions: CALL_FILE_EXTENSIONS.join(', '),
      });
    for (const rel of found) add(path.join(input, rel), path.join(abs, rel));
  }
  return calls;
}

/** A symbolic link to a file counts as that file (links to folders are not followed: no loops). */
function isFileBehind(link: string): boolean {
  try {
    return statSync(link).isFile();
  } catch {
    return false;
  }
}

function callsUnder(dir: string): string[] {
  const out: string[] = [];
  const visit = (rel: string): void => {
    let entries;
    try {
      entries = readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = rel ? path.join(rel, e.name) : e.name;
      if (e.isDirectory()) visit(child);
      else if (
        (e.isFile() || (e.isSymbolicLink() && isFileBehind(path.join(dir, child)))) &&
        CALL_FILE_EXTENSIONS.includes(path.extname(e.name).toLowerCase())
      )
        out.push(child);
    }
  };
  visit('');
  return out.sort();
}
