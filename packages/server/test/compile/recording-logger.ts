import type { Logger } from '@sooscode/adapters/system/logger';

/** A logger that keeps every entry (any level), with the bindings of its children merged in. */
export class RecordingLogger implements Logger {
  constructor(
    readonly entries: { level: string; obj: object; msg?: string }[] = [],
    private readonly bindings: Record<string, unknown> = {},
  ) {}

  debug(obj: object, msg?: string): void {
    this.entries.push({ level: 'debug', obj: { ...this.bindings, ...obj }, msg });
  }
  info(obj: object, msg?: string): void {
    this.entries.push({ level: 'info', obj: { ...this.bindings, ...obj }, msg });
  }
  warn(obj: object, msg?: string): void {
    this.entries.push({ level: 'warn', obj: { ...this.bindings, ...obj }, msg });
  }
  error(obj: object, msg?: string): void {
    this.entries.push({ level: 'error', obj: { ...this.bindings, ...obj }, msg });
  }
  child(bindings: Record<string, unknown>): Logger {
    return new RecordingLogger(this.entries, { ...this.bindings, ...bindings });
  }

  /** Everything logged so far as one string. */
  text(): string {
    return this.entries.map((e) => `${e.msg ?? ''} ${JSON.stringify(e.obj, (_k, v: unknown) => (v instanceof Error ? v.message : v))}`).join('\n');
  }
}
