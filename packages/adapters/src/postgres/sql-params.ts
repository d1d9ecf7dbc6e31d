import { offsetOf, type PageRequest, type SortDirection } from '@sooscode/domain';

/** Collects positional parameters (`$1`, `$2`, …) while a query is assembled. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds `value` and returns its placeholder. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** `LIMIT … OFFSET …` of a page; the offset is sent as text so huge pages stay exact. */
  page(page: PageRequest): string {
    return `LIMIT ${this.add(page.size)} OFFSET ${this.add(String(offsetOf(page)))}`;
  }
}

/** `ASC`/`DESC` for SQL (never user text). */
export function sqlDirection(direction: SortDirection): 'ASC' | 'DESC' {
  return direction === 'ASC' ? 'ASC' : 'DESC';
}

/** A case-insensitive substring test of `column` against the parameter `placeholder`. */
export function containsIgnoringCase(column: string, placeholder: string): string {
  return `strpos(lower(${column}), lower(${placeholder})) > 0`;
}

/** True for an id the database can hold; anything else matches nothing. */
export function isStorableId(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0;
}

/**
 * The rows of a data-modifying statement's `RETURNING` clause. TypeORM's `query()` answers an
 * UPDATE or DELETE with `[rows, affectedCount]` rather than the rows themselves.
 */
export function returnedRows(result: unknown): unknown[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as unknown[];
  return result as unknown[];
}
