/**
 * Electron's side of exports: the native save dialog (parented to the app window, starting in Documents
 * with the suggested name). The export service then writes the chosen file atomically.
 */
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { ExportFormat } from '../../preload/contract/session-export-schema';
import type { ExportTargets } from '../export/export-service';

const FILTERS: Record<ExportFormat, Electron.FileFilter> = {
  csv: { name: 'CSV (spreadsheets)', extensions: ['csv'] },
  json: { name: 'JSON (Calm Line team view)', extensions: ['json'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
};

export function electronExportTargets(window: () => BrowserWindow | undefined): ExportTargets {
  return {
    async choose(suggestedName, format) {
      const options: Electron.SaveDialogOptions = {
        title: 'Export sessions',
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: [FILTERS[format]],
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
