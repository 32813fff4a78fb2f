/**
 * Ids of objects derived from entities (an MSL relationship, a link seen from one HCP, an HCP's
 * influence...): the type name, then the ids and values that identify it, each URI-encoded, joined
 * by "/". Deterministic (the same object always gets the same id, so client caches merge views of
 * it) and exact to parse back whatever the domain ids contain.
 */
export function derivedId(type: string, ...parts: string[]): string {
  return [type, ...parts.map(encodeURIComponent)].join('/');
}

/** The type and parts of a derived id; null when `id` is not one. */
export function parseDerivedId(id: string): { type: string; parts: string[] } | null {
  const [type, ...encoded] = id.split('/');
  if (encoded.length === 0 || !/^[A-Z][A-Za-z]+$/.test(type)) return null;
  try {
    return { type, parts: encoded.map(decodeURIComponent) };
  } catch {
    return null;
  }
}
