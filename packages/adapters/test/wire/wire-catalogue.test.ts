import { describe, expect, it } from 'vitest';
import { DOMAIN_ERROR_CODES, invalidField, invalidParam, DetailReason, domainError } from '@sooscode/domain';
import { ENVELOPE_STATUSES, messageWithDetail, renderDetail, TRANSPORT_CODES, WIRE_MESSAGES, wireError } from '../../src/wire';

describe('wire catalogue', () => {
  it('splits every code into exactly one of domain and transport codes, each with a message and a status', () => {
    const domain = new Set<string>(DOMAIN_ERROR_CODES);
    expect(TRANSPORT_CODES.filter((c) => domain.has(c))).toEqual([]);
    const all = [...DOMAIN_ERROR_CODES, ...TRANSPORT_CODES].sort();
    expect(Object.keys(WIRE_MESSAGES).sort()).toEqual(all);
    expect(Object.keys(ENVELOPE_STATUSES).sort()).toEqual(all);
  });

  it('keeps success codes out of the domain', () => {
    for (const code of DOMAIN_ERROR_CODES) expect(ENVELOPE_STATUSES[code]).toBeGreaterThanOrEqual(400);
  });
});

describe('detail suffix', () => {
  it('renders a refused field or parameter as "<field>: <Korean reason>"', () => {
    expect(renderDetail(invalidField('content', DetailReason.missing))).toBe('content: 필수 값입니다');
    expect(renderDetail(invalidField('mode', DetailReason.notAllowed))).toBe('mode: 허용되지 않는 값입니다');
    expect(renderDetail(invalidParam('classId', DetailReason.format))).toBe('classId: 형식이 올바르지 않습니다');
    expect(renderDetail(invalidParam('size', DetailReason.length))).toBe('size: 길이가 올바르지 않습니다');
  });

  it('appends the detail to GLOBAL_410/411 messages only', () => {
    expect(messageWithDetail(invalidField('title', DetailReason.format))).toBe('입력값 검증에 실패했습니다 - title: 형식이 올바르지 않습니다');
    expect(messageWithDetail(invalidParam('page', DetailReason.format))).toBe('유효하지 않은 파라미터입니다 - page: 형식이 올바르지 않습니다');
    expect(messageWithDetail({ code: 'CLASS_002', field: 'x', reason: 'format' })).toBe('클래스 접근 권한이 없습니다');
    expect(messageWithDetail(domainError('GLOBAL_410'))).toBe('입력값 검증에 실패했습니다');
    expect(messageWithDetail(wireError('GLOBAL_413'))).toBe('요청 본문이 너무 큽니다');
  });
});
