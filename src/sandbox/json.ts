/** Minimal JSON typing and narrowing helpers: request bodies arrive as `unknown`. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** Length in Unicode code points, as Discord counts its limits (an emoji outside the BMP is one, not two). */
export function textLength(value: unknown): number {
  if (typeof value !== 'string') return 0;
  let length = 0;
  for (const _ of value) length++;
  return length;
}
