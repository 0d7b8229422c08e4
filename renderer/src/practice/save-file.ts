/** Hands bytes to the browser's download (Electron: its save dialog) under a file name. */
export function saveFile(file: { fileName: string; bytes: Uint8Array }, type: string): void {
  const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
