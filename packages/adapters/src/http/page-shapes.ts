/** The `sort` object of a Spring page: every listing here is ordered (http.md §1.4). */
const SORTED = () => ({ empty: false, sorted: true, unsorted: false });

/** Spring `Page<T>` JSON (http.md §1.4), field order as the original serialised it. */
export interface SpringPage<T> {
  content: T[];
  pageable: {
    pageNumber: number;
    pageSize: number;
    sort: { empty: boolean; sorted: boolean; unsorted: boolean };
    offset: number;
    paged: boolean;
    unpaged: boolean;
  };
  last: boolean;
  totalElements: number;
  totalPages: number;
  size: number;
  number: number;
  sort: { empty: boolean; sorted: boolean; unsorted: boolean };
  first: boolean;
  numberOfElements: number;
  empty: boolean;
}

/** Builds a Spring page of `content` for 0-based `page` of effective `size` out of `total` elements. */
export function springPage<T>(content: T[], page: number, size: number, total: number): SpringPage<T> {
  const totalPages = Math.ceil(total / size);
  return {
    content,
    pageable: { pageNumber: page, pageSize: size, sort: SORTED(), offset: page * size, paged: true, unpaged: false },
    last: page + 1 >= totalPages,
    totalElements: total,
    totalPages,
    size,
    number: page,
    sort: SORTED(),
    first: page === 0,
    numberOfElements: content.length,
    empty: content.length === 0,
  };
}

/** `AdminPageResponse<T>` (http.md §1.4): the list is `contents`, plural. */
export interface AdminPage<T> {
  contents: T[];
  currentPage: number;
  totalPages: number;
  totalElements: number;
  size: number;
}

/** Builds an admin page. */
export function adminPage<T>(contents: T[], page: number, size: number, total: number): AdminPage<T> {
  return { contents, currentPage: page, totalPages: Math.ceil(total / size), totalElements: total, size };
}
