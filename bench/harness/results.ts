import fs from 'fs';
import path from 'path';

/** Where every bench writes its reports unless told otherwise. */
export const RESULTS_DIR = path.join(__dirname, '..', 'results');

/**
 * Writes one bench report as `<dir>/<name>.json` (the figures) and `<dir>/<name>.md` (the same,
 * for people), creating the folder, and returns the path without extension.
 */
export function writeResults(name: string, report: unknown, markdown: string, dir = RESULTS_DIR): string {
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, name);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, markdown);
  return base;
}
