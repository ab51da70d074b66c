/** Downloads from an extension page, without the `downloads` permission. */

/** Saves `json` as a file by clicking a temporary `<a download>` pointing at a Blob URL. */
export function downloadJson(fileName: string, json: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in Chromium; a second is ample for it to start.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
