import type { Logger } from '../../../src/system/logger';

/** One log call. */
export interface LogEntry {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly obj: Record<string, unknown>;
  readonly msg: string | undefined;
}

/** A `Logger` that keeps every entry (children share the list and add their bindings). */
export class RecordingLogger implements Logger {
  constructor(
    readonly entries: LogEntry[] = [],
    private readonly bindings: Record<string, unknown> = {},
  ) {}

  debug(obj: object, msg?: string): void {
    this.#push('debug', obj, msg);
  }

  info(obj: object, msg?: string): void {
    this.#push('info', obj, msg);
  }

  warn(obj: object, msg?: string): void {
    this.#push('warn', obj, msg);
  }

  error(obj: object, msg?: string): void {
    this.#push('error', obj, msg);
  }

  child(bindings: Record<string, unknown>): Logger {
    return new RecordingLogger(this.entries, { ...this.bindings, ...bindings });
  }

  /** Everything logged, serialised, for "never logs X" checks. */
  text(): string {
    return JSON.stringify(this.entries);
  }

  #push(level: LogEntry['level'], obj: object, msg: string | undefined): void {
    this.entries.push({ level, obj: { ...this.bindings, ...obj }, msg });
  }
}
