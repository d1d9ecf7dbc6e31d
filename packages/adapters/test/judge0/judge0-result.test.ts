import { describe, expect, it } from 'vitest';
import { mapJudge0Submission } from '../../src/judge0/judge0-result';
import { judge0Base64 } from './fake-judge0';

function submission(id: number, fields: { stdout?: string; stderr?: string; compile_output?: string; message?: string } = {}): unknown {
  return {
    status: { id, description: 'x' },
    stdout: judge0Base64(fields.stdout),
    stderr: judge0Base64(fields.stderr),
    compile_output: judge0Base64(fields.compile_output),
    message: judge0Base64(fields.message),
  };
}

describe('mapJudge0Submission', () => {
  it.each([1, 2])('treats status %i as not final', (id) => {
    expect(mapJudge0Submission(submission(id))).toEqual({ final: false });
  });

  it('treats a body without a readable status as not final', () => {
    expect(mapJudge0Submission(null)).toEqual({ final: false });
    expect(mapJudge0Submission({ status: { id: '3' } })).toEqual({ final: false });
  });

  it('maps 3 Accepted to SUCCESS with stdout, decoding Base64 split over lines', () => {
    const long = '가나다라마바사아자차카타파하 '.repeat(20);
    const s = submission(3, { stdout: long });
    expect((s as { stdout: string }).stdout).toContain('\n');
    expect(mapJudge0Submission(s)).toEqual({ final: true, status: 'SUCCESS', output: long });
  });

  it('maps 4 to SUCCESS', () => {
    expect(mapJudge0Submission(submission(4, { stdout: 'x' }))).toMatchObject({ final: true, status: 'SUCCESS' });
  });

  it('maps 5 Time Limit Exceeded to FAIL with stdout and the TIMEOUT line', () => {
    expect(mapJudge0Submission(submission(5, { stdout: 'partial' }))).toEqual({
      final: true,
      status: 'FAIL',
      output: 'partial\nTIMEOUT: 실행 시간이 초과되었습니다.',
    });
  });

  it('maps 6 Compilation Error to FAIL with the compile output', () => {
    expect(mapJudge0Submission(submission(6, { compile_output: 'Main.java:1: error: x' }))).toEqual({
      final: true,
      status: 'FAIL',
      output: 'Compile Error: Main.java:1: error: x',
    });
  });

  it.each([7, 8, 9, 10, 11, 12])('maps runtime error %i to FAIL joining stdout, stderr and message', (id) => {
    expect(mapJudge0Submission(submission(id, { stdout: 'out', message: 'Exited with error status 1' }))).toEqual({
      final: true,
      status: 'FAIL',
      output: 'out\nExited with error status 1',
    });
  });

  it.each([13, 14])('maps %i to ERROR', (id) => {
    expect(mapJudge0Submission(submission(id, { message: 'internal' }))).toEqual({ final: true, status: 'ERROR', output: 'internal' });
  });

  it('joins stdout, stderr and message in that order and skips empty ones', () => {
    expect(mapJudge0Submission(submission(3, { stdout: 'a', stderr: 'b', message: 'c' }))).toMatchObject({ output: 'a\nb\nc' });
    expect(mapJudge0Submission(submission(3, { stderr: 'only' }))).toMatchObject({ output: 'only' });
    expect(mapJudge0Submission(submission(3))).toMatchObject({ output: '' });
  });

  it('caps the output and marks the cut', () => {
    expect(mapJudge0Submission(submission(3, { stdout: 'x'.repeat(50) }), 10)).toEqual({
      final: true,
      status: 'SUCCESS',
      output: `${'x'.repeat(10)}\n[output truncated]`,
    });
  });
});
