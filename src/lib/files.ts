/**
 * Attachments: the format label and size shown beside each download, both computed at
 * build time from the file itself, so they can't drift from what a citizen downloads.
 */

const FORMAT_LABELS: Record<string, string> = {
  pdf: 'PDF',
  doc: 'Word',
  docx: 'Word',
  wps: 'WPS',
  xls: 'Excel',
  xlsx: 'Excel',
  et: 'WPS表格',
  ofd: 'OFD',
  zip: 'ZIP',
};

/** The extension of a path, lowercase, without the dot. */
export function extensionOf(path: string): string {
  const match = /\.([a-z0-9]+)$/i.exec(path);
  return match?.[1]?.toLowerCase() ?? '';
}

/** `baomingbiao.docx` → `Word`; unknown extensions are shown in capitals. */
export function formatLabel(path: string): string {
  const ext = extensionOf(path);
  return FORMAT_LABELS[ext] ?? ext.toUpperCase();
}

/** Bytes in the units Chinese government sites print: 512 B, 12.3 KB, 1.5 MB. */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new Error(`Not a file size: ${bytes}`);
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 100 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, '');
  return `${rounded} ${units[unit]}`;
}
