import { describe, expect, it } from 'vitest';
import { adminPage, springPage } from '../../src/http/page-shapes';

describe('page shapes (http.md §1.4)', () => {
  it('builds the empty Spring page of the contract byte for byte', () => {
    expect(JSON.stringify(springPage([], 0, 10, 0))).toBe(
      '{"content":[],"pageable":{"pageNumber":0,"pageSize":10,"sort":{"empty":false,"sorted":true,"unsorted":false},"offset":0,"paged":true,"unpaged":false},' +
        '"last":true,"totalElements":0,"totalPages":0,"size":10,"number":0,"sort":{"empty":false,"sorted":true,"unsorted":false},"first":true,"numberOfElements":0,"empty":true}',
    );
  });

  it('computes paging fields of a middle page', () => {
    expect(springPage(['a', 'b'], 1, 2, 5)).toMatchObject({ totalPages: 3, number: 1, size: 2, first: false, last: false, numberOfElements: 2, empty: false, pageable: { offset: 2, pageNumber: 1, pageSize: 2 } });
    expect(springPage(['e'], 2, 2, 5)).toMatchObject({ last: true });
    expect(springPage([], 9, 2, 5)).toMatchObject({ last: true, empty: true });
  });

  it('builds the admin page with `contents`, plural', () => {
    expect(JSON.stringify(adminPage([1], 0, 10, 27))).toBe('{"contents":[1],"currentPage":0,"totalPages":3,"totalElements":27,"size":10}');
    expect(adminPage([], 0, 10, 0).totalPages).toBe(0);
  });
});
