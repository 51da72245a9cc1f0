/** Dotted paths into the plain JSON objects the sheets map to ("adjustment.score", "scheme.options.equalsMode"). */

export type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export function getPath(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split('.')) {
    if (!isObject(value)) return undefined;
    value = value[key];
  }
  return value;
}

/** Creates the intermediate objects only when a value is set, so a blank 调整后得分/调整理由 pair leaves no `adjustment`. */
export function setPath(root: JsonObject, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop();
  if (last === undefined) return;
  let target = root;
  for (const key of keys) {
    const next = target[key];
    if (isObject(next)) {
      target = next;
    } else {
      const created: JsonObject = {};
      target[key] = created;
      target = created;
    }
  }
  target[last] = value;
}

/** "indicators[3].adjustment.reason" → ["indicators", 3, "adjustment", "reason"] */
export function splitPath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map(([, key, index]) => (index === undefined ? (key ?? '') : Number(index)));
}
