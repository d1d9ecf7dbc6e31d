/** A requested page: `page` is 0-based, `size` ≥ 1 (already normalised by the transport). */
export interface PageRequest {
  readonly page: number;
  readonly size: number;
}

/** One page of results plus the total number of matching items. */
export interface PageOf<T> {
  readonly items: T[];
  readonly total: number;
}

/** Sort direction of a listing. */
export type SortDirection = 'ASC' | 'DESC';

/**
 * The number of items before `request`'s page, clamped to `Number.MAX_SAFE_INTEGER` so a huge page
 * number can never produce an inexact offset (it simply lies past the end).
 */
export function offsetOf(request: PageRequest): number {
  const offset = request.page * request.size;
  return Number.isSafeInteger(offset) ? offset : Number.MAX_SAFE_INTEGER;
}

/** Cuts one page out of an already ordered list (for in-memory adapters). */
export function pageOf<T>(ordered: readonly T[], request: PageRequest | undefined): PageOf<T> {
  if (!request) return { items: [...ordered], total: ordered.length };
  const start = offsetOf(request);
  return { items: ordered.slice(start, start + request.size), total: ordered.length };
}

/** `ASC`/`DESC`, case-insensitive; anything else (or nothing) means `DESC`. */
export function sortDirectionOf(value: string | undefined): SortDirection {
  return value?.toUpperCase() === 'ASC' ? 'ASC' : 'DESC';
}
