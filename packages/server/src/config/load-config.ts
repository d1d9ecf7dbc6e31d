import type { ConfigVar } from './config-spec';
import { SCHEMA } from './schema';

type ValueOf<V> = V extends ConfigVar<infer T> ? T : never;

/** The validated configuration, one typed field per schema entry. */
export type Config = { readonly [K in keyof typeof SCHEMA]: ValueOf<(typeof SCHEMA)[K]> };

/** Thrown when a variable is invalid; the message names the variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates every variable of the schema from `env`. Unset or empty means the default. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, spec] of Object.entries(SCHEMA) as [string, ConfigVar<unknown>][]) {
    const raw = env[spec.env];
    if (raw === undefined || (raw === '' && !spec.emptyIsValue)) {
      out[key] = spec.fallback;
      continue;
    }
    const parsed = spec.parse(raw);
    if ('error' in parsed) problems.push(`${spec.env}: ${parsed.error}`);
    else out[key] = parsed.value;
  }
  if (problems.length) throw new ConfigError(problems);
  return out as Config;
}

/** True when `host` binds only to loopback (the embedded development profile). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
