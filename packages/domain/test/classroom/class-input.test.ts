import { describe, expect, it } from 'vitest';
import { checkClassInput, type ClassInput } from '@sooscode/domain';

const valid: ClassInput = {
  title: ' 자바 ', description: '설명', instructorId: 3, isOnline: false,
  startDate: '2025-12-10', endDate: '2025-12-20', startTime: '09:00:00', endTime: '18:00:00',
};
const without = (...keys: (keyof ClassInput)[]) => Object.fromEntries(Object.entries(valid).filter(([k]) => !keys.includes(k as keyof ClassInput))) as ClassInput;
const code = (input: ClassInput, today: string | null = '2025-12-01') => {
  const r = checkClassInput(input, today);
  return 'code' in r ? r.code : 'OK';
};

describe('admin class validation (http.md §11, steps 1–13 in order)', () => {
  it('accepts a valid input and trims the title', () => {
    expect(checkClassInput(valid, '2025-12-01')).toEqual({ ...without('isOnline', 'title'), title: '자바', online: false });
    expect(checkClassInput(without('description'), null)).toMatchObject({ description: null });
  });

  it.each([
    [{ ...without('instructorId'), title: '   ' }, 'VALID_CLA_001'],
    [{ ...valid, title: `${'가'.repeat(255)}  ` }, 'OK'],
    [{ ...valid, title: '가'.repeat(256) }, 'VALID_CLA_003'],
    [{ ...without('instructorId'), description: 'd'.repeat(1001) }, 'VALID_CLA_004'],
    [{ ...without('isOnline'), instructorId: -1 }, 'VALID_CLA_031'],
    [without('isOnline', 'startDate'), 'VALID_CLA_030'],
    [without('startDate', 'endDate'), 'VALID_CLA_010'],
    [without('endDate', 'startTime'), 'VALID_CLA_011'],
    [{ ...valid, startDate: '2025-11-30', endDate: '2025-11-01' }, 'VALID_CLA_012'],
    [{ ...without('startTime'), endDate: '2025-12-09' }, 'VALID_CLA_013'],
    [without('startTime', 'endTime'), 'VALID_CLA_020'],
    [without('endTime'), 'VALID_CLA_021'],
    [{ ...valid, endTime: '09:00:00' }, 'VALID_CLA_022'],
    [{ ...valid, endTime: '09:29:59' }, 'VALID_CLA_023'],
    [{ ...valid, endTime: '09:30:00' }, 'OK'],
    [{ ...valid, startTime: '00:00:00', endTime: '20:59:59' }, 'OK'],
    [{ ...valid, startTime: '00:00:00', endTime: '21:00:00' }, 'VALID_CLA_024'],
  ])('%j → %s', (input, expected) => {
    expect(code(input)).toBe(expected);
  });

  it('allows a past start date when no "today" is given (edit)', () => {
    expect(code({ ...valid, startDate: '2020-01-01' }, null)).toBe('OK');
    expect(code({ ...valid, startDate: '2025-12-01' }, '2025-12-01')).toBe('OK');
  });
});
