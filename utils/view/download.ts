/**
 * Offers text as a file download from an extension page (settings backup, check-page exports): a
 * Blob URL on a temporary link, clicked, then revoked once the browser has started the download.
 */
export function downloadText(doc: Document, fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
