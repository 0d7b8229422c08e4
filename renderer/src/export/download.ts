/** Saving a file from the page: a link click with `download` (the browser's own download, or Electron's
 * save dialog). Works for same-origin URLs (the browser host's one-time export links) and blobs. */
export function downloadUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  downloadUrl(url, fileName);
  // The download has its own copy once started; give it a moment before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
