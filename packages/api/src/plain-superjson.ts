import superjson from 'superjson';

/**
 * superjson's wire format, written and read fast for the values that cross Spotter's hot paths:
 * plain objects and arrays of strings, finite numbers, booleans, nulls and valid Dates (every stream
 * event). `JSON.stringify` does the work natively (a Date becomes its ISO string, as superjson
 * writes it); a short walk finds the Dates' paths for `meta`. superjson's general walker costs about
 * three times as much, once per event per process. Anything else — undefined, Map, a class, NaN,
 * an object that appears twice, a key with a dot — goes through superjson itself, so the output is
 * always what `superjson.stringify` would have written, give or take key order inside `meta`.
 */
export function stringifyFast(value: unknown): string {
  const dates: string[] = [];
  if (!collectDates(value, '', dates, new Set())) return superjson.stringify(value);
  const json = JSON.stringify(value);
  if (dates.length === 0) return `{"json":${json}}`;
  const values = dates.map((path) => `${JSON.stringify(path)}:["Date"]`).join(',');
  return `{"json":${json},"meta":{"values":{${values}},"v":1}}`;
}

/** A value's JSON (Dates as ISO strings) and the superjson paths of its Dates. */
export type PlainJson = { json: string; dates: readonly string[] };

/** `value` as PlainJson, or null when superjson is needed for some part of it (see stringifyFast). */
export function toPlainJson(value: unknown): PlainJson | null {
  const dates: string[] = [];
  if (!collectDates(value, '', dates, new Set())) return null;
  return { json: JSON.stringify(value), dates };
}

/**
 * Objects whose PlainJson is known already: a stream event arrives from the bus as text, and its
 * frame to every subscriber holds the same text. The object must not change once remembered.
 */
const knownPlainJson = new WeakMap<object, PlainJson>();

/** Parses PlainJson back into its value, Dates revived, and remembers the text for stringifyTracked. */
export function parsePlainJson<T extends object>(plain: PlainJson): T {
  const value = JSON.parse(plain.json) as T;
  reviveDates(value, plain.dates);
  if (typeof value === 'object' && value !== null) knownPlainJson.set(value, plain);
  return value;
}

/** Turns the ISO strings at `dates` (superjson paths) back into Dates, in place. */
function reviveDates(json: unknown, dates: readonly string[]): void {
  for (const path of dates) setDate(json, path.split('.'));
}

/**
 * `stringifyFast({ id, data })` — a tracked subscription item — reusing `data`'s text when it came
 * from parsePlainJson, so an event read from the bus is not serialized again for its subscribers.
 */
export function stringifyTracked(id: string, data: unknown): string {
  const known = typeof data === 'object' && data !== null ? knownPlainJson.get(data) : undefined;
  if (!known) return stringifyFast({ id, data });
  const json = `{"json":{"id":${JSON.stringify(id)},"data":${known.json}}`;
  if (known.dates.length === 0) return `${json}}`;
  const values = known.dates.map((path) => `${JSON.stringify(`data.${path}`)}:["Date"]`).join(',');
  return `${json},"meta":{"values":{${values}},"v":1}}`;
}

/** The inverse of stringifyFast (and of superjson.stringify): Dates-only meta is applied directly. */
export function parseFast<T>(text: string): T {
  const parsed = JSON.parse(text) as {
    json: unknown;
    meta?: { values?: unknown; referentialEqualities?: unknown };
  };
  if (typeof parsed !== 'object' || parsed === null) throw new Error('not in superjson’s format');
  const meta = parsed.meta;
  if (meta === undefined) return parsed.json as T;
  const values = meta.values;
  if (
    meta.referentialEqualities !== undefined ||
    typeof values !== 'object' ||
    values === null ||
    Array.isArray(values)
  )
    return superjson.deserialize(parsed as Parameters<typeof superjson.deserialize>[0]);
  for (const [path, annotation] of Object.entries(values)) {
    if (
      !Array.isArray(annotation) ||
      annotation.length !== 1 ||
      annotation[0] !== 'Date' ||
      path.includes('\\')
    )
      return superjson.deserialize(parsed as Parameters<typeof superjson.deserialize>[0]);
  }
  reviveDates(parsed.json, Object.keys(values));
  return parsed.json as T;
}

/** Walks `value`, noting each Date's superjson path; false if superjson is needed for any part. */
function collectDates(value: unknown, path: string, dates: string[], seen: Set<object>): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      // superjson annotates NaN, ±Infinity and -0.
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object':
      break;
    default:
      return false;
  }
  const object = value as object;
  // superjson records an object met twice (its identity, Dates too); this writer does not.
  if (seen.has(object)) return false;
  seen.add(object);
  if (object instanceof Date) {
    if (path === '' || Number.isNaN(object.getTime())) return false;
    dates.push(path);
    return true;
  }
  const prefix = path === '' ? '' : `${path}.`;
  if (Array.isArray(object)) {
    for (let index = 0; index < object.length; index++)
      if (!collectDates(object[index], `${prefix}${index}`, dates, seen)) return false;
    return true;
  }
  const prototype = Object.getPrototypeOf(object);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const key in object) {
    if (key.includes('.') || key.includes('\\')) return false;
    if (!collectDates((object as Record<string, unknown>)[key], `${prefix}${key}`, dates, seen)) return false;
  }
  return true;
}

function setDate(json: unknown, keys: string[]): void {
  let parent = json as Record<string, unknown> | null;
  for (let index = 0; index < keys.length - 1; index++) {
    parent = parent?.[keys[index] as string] as Record<string, unknown> | null;
    if (typeof parent !== 'object' || parent === null) return;
  }
  const last = keys[keys.length - 1] as string;
  const iso = parent?.[last];
  if (parent && typeof iso === 'string') parent[last] = new Date(iso);
}
