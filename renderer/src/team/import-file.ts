/** Reads and validates one File (size first, before reading it). Shared by the worker and the fallback. */
import { IMPORT_LIMITS, parseSessionExport, type ImportOutcome } from './import-session-export';
import { importProblem } from './import-problem';

const MB = 1024 * 1024;

export async function importFile(
  file: File,
  name: string,
  onProgress?: (validated: number, total: number) => void,
): Promise<ImportOutcome> {
  // JSON is mostly ASCII: bytes ≈ characters. Refuse before reading anything that cannot pass.
  if (file.size > IMPORT_LIMITS.maxFileChars) {
    return {
      ok: false,
      fileName: name,
      problem: importProblem('team.problem.too-big', name, {
        size: Math.ceil(file.size / MB),
        max: Math.floor(IMPORT_LIMITS.maxFileChars / MB),
      }),
    };
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (error) {
    return {
      ok: false,
      fileName: name,
      problem: importProblem('team.problem.unreadable', name, {
        error: String((error as Error)?.message ?? error).slice(0, 200),
      }),
    };
  }
  let text: string;
  try {
    // Exports are UTF-8. Bytes that are not are damage: a lenient read (file.text()) would import U+FFFD in their place.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      fileName: name,
      problem: importProblem('team.problem.not-utf8', name),
    };
  }
  return parseSessionExport(name, text, IMPORT_LIMITS, onProgress);
}
