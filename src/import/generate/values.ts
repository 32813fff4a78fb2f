/** Formatting of generated values: ids, dates, e-mail parts, weights. */

export const MS_PER_DAY = 86400000;

export function toIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export function round3(x: number): number {
  return Math.min(1, Math.max(0.001, Math.round(x * 1000) / 1000));
}
