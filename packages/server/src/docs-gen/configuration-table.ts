import type { ConfigVar } from '../config/config-spec';
import { SCHEMA } from '../config/schema';

function show(value: unknown): string {
  if (value === undefined) return 'unset';
  if (Array.isArray(value)) return `\`${value.join(',')}\``;
  return `\`${String(value)}\``;
}

/** The configuration reference as a Markdown table, generated from the schema. */
export function configurationTable(): string {
  const rows = (Object.values(SCHEMA) as ConfigVar<unknown>[]).map((v) => `| \`${v.env}\` | ${v.type} | ${show(v.fallback)} | ${v.doc.replace(/\|/g, '\\|')} |`);
  return ['| Variable | Type | Default | Meaning |', '|---|---|---|---|', ...rows].join('\n');
}
