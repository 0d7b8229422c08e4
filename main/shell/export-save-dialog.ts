/**
 * Electron's side of exports: the native save dialog (parented to the app window, starting in Documents
 * with the suggested name). The export service then writes the chosen file atomically.
 */
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { ExportFormat } from '../../preload/contract/session-export-schema';
import type { ExportTargets } from '../export/export-service';
import type { MainMessageId, MainText } from '../i18n/main-text';

const FILTERS: Record<ExportFormat, { name: MainMessageId; extensions: string[] }> = {
  csv: { name: 'dialog.export.filter.csv', extensions: ['csv'] },
  json: { name: 'dialog.export.filter.json', extensions: ['json'] },
  xlsx: { name: 'dialog.export.filter.xlsx', extensions: ['xlsx'] },
};

/** The save dialog, worded in the language `text()` gives when it opens. */
export function electronExportTargets(
  window: () => BrowserWindow | undefined,
  text: () => MainText,
): ExportTargets {
  return {
    async choose(suggestedName, format) {
      const words = text();
      const filter = FILTERS[format];
      const options: Electron.SaveDialogOptions = {
        title: words.format('dialog.export.title'),
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: [{ name: words.format(filter.name), extensions: filter.extensions }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = window();
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      const filePath = path.extname(result.filePath)
        ? result.filePath
        : `${result.filePath}.${format}`;
      return { filePath, delivery: { kind: 'file', path: filePath } };
    },
  };
}
