/** How one configuration variable is read, validated and documented. */
export interface ConfigVar<T> {
  /** Environment variable name. */
  readonly env: string;
  /** Type label for docs (`int`, `bool`, `string`, `url`, `list`, `enum`). */
  readonly type: string;
  /** Default when unset; `undefined` means "unset". */
  readonly fallback: T;
  /** One sentence for docs/configuration.md (units included). */
  readonly doc: string;
  /** Parses the raw string; returns an error message for an invalid value. */
  parse(raw: string): { value: T } | { error: string };
  /** Treat an empty string as a value (e.g. `LIVEKIT_API_KEY=` disables LiveKit) rather than as unset. */
  readonly emptyIsValue?: boolean;
}

/** An integer within [min, max]. */
export function int(env: string, fallback: number, doc: string, min = 0, max = Number.MAX_SAFE_INTEGER): ConfigVar<number> {
  return {
    env, type: 'int', fallback, doc,
    parse(raw) {
      if (!/^-?\d+$/.test(raw.trim())) return { error: 'must be an integer' };
      const n = Number(raw.trim());
      if (!Number.isSafeInteger(n) || n < min || n > max) return { error: `must be between ${min} and ${max}` };
      return { value: n };
    },
  };
}

/** `true`/`false` (also `1`/`0`, `yes`/`no`). */
export function bool(env: string, fallback: boolean, doc: string): ConfigVar<boolean> {
  return {
    env, type: 'bool', fallback, doc,
    parse(raw) {
      const v = raw.trim().toLowerCase();
      if (['true', '1', 'yes'].includes(v)) return { value: true };
      if (['false', '0', 'no'].includes(v)) return { value: false };
      return { error: 'must be true or false' };
    },
  };
}

/** A free string, optionally checked. */
export function str<T extends string | undefined>(env: string, fallback: T, doc: string, check?: (v: string) => string | null, emptyIsValue = false): ConfigVar<string | T> {
  return {
    env, type: 'string', fallback, doc, emptyIsValue,
    parse(raw) {
      const problem = check?.(raw);
      return problem ? { error: problem } : { value: raw };
    },
  };
}

/** An absolute URL with one of the given schemes. */
export function url<T extends string | undefined>(env: string, fallback: T, doc: string, schemes: readonly string[], emptyIsValue = false): ConfigVar<string | T> {
  return {
    env, type: 'url', fallback, doc, emptyIsValue,
    parse(raw) {
      if (raw === '' && emptyIsValue) return { value: '' };
      try {
        const u = new URL(raw);
        if (!schemes.includes(u.protocol.replace(':', ''))) return { error: `must use ${schemes.join(' or ')}` };
        return { value: raw.replace(/\/+$/, '') };
      } catch {
        return { error: 'must be an absolute URL' };
      }
    },
  };
}

/** A comma list, trimmed, empty items dropped, optionally each checked. */
export function list(env: string, fallback: readonly string[], doc: string, allowed?: readonly string[]): ConfigVar<readonly string[]> {
  return {
    env, type: 'list', fallback, doc,
    parse(raw) {
      const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
      const bad = allowed ? items.find((i) => !allowed.includes(i.toLowerCase())) : undefined;
      return bad ? { error: `unknown item "${bad}" (allowed: ${allowed!.join(', ')})` } : { value: allowed ? items.map((i) => i.toLowerCase()) : items };
    },
  };
}

/** One of a fixed set of values (case-insensitive). */
export function oneOf<T extends string, F extends T | undefined>(env: string, values: readonly T[], fallback: F, doc: string): ConfigVar<T | F> {
  return {
    env, type: `enum (${values.join('|')})`, fallback, doc,
    parse(raw) {
      const v = values.find((x) => x.toLowerCase() === raw.trim().toLowerCase());
      return v ? { value: v } : { error: `must be one of ${values.join(', ')}` };
    },
  };
}
