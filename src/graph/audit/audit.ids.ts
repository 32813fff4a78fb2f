/**
 * The ids an audit event names: the id-like arguments of the mutation (`id`, `*Id`, `*Ids`, also
 * inside input objects) and the ids of the returned object(s); never other argument values, so
 * no personal data.
 */

const ID_KEY = /(^id$|Id$)/;
const IDS_KEY = /Ids$/;

/** Id-like argument values, looking into input objects (a few levels). */
export function idsOf(value: unknown, depth = 0): string[] {
  if (!value || typeof value !== 'object' || depth > 3) return [];
  const out: string[] = [];
  for (const [key, inner] of Object.entries(value)) {
    if (typeof inner === 'string' && ID_KEY.test(key)) out.push(inner);
    else if (Array.isArray(inner) && IDS_KEY.test(key)) out.push(...inner.filter((x): x is string => typeof x === 'string'));
    else if (Array.isArray(inner)) for (const item of inner.slice(0, 1000)) out.push(...idsOf(item, depth + 1));
    else if (inner && typeof inner === 'object') out.push(...idsOf(inner, depth + 1));
  }
  return out;
}

/** The `id` of the returned object(s), or of the objects one level inside a payload. */
export function resultIds(result: unknown): string[] {
  if (!result || typeof result !== 'object') return [];
  const items = Array.isArray(result) ? result : [result];
  const out: string[] = [];
  for (const item of items.slice(0, 1000)) {
    if (!item || typeof item !== 'object') continue;
    const id = (item as { id?: unknown }).id;
    if (typeof id === 'string') out.push(id);
    else
      for (const inner of Object.values(item))
        if (inner && typeof inner === 'object' && typeof (inner as { id?: unknown }).id === 'string')
          out.push((inner as { id: string }).id);
  }
  return out;
}
