import { failuresOf } from '@sooscode/adapters/http/openapi/build-openapi';
import { ROUTE_CATALOGUE } from '@sooscode/adapters/http/openapi/route-catalogue';
import { STATUS_CODES } from '@sooscode/adapters/http/status-codes';

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** Every REST route of the OpenAPI catalogue as a Markdown table, grouped by tag. */
export function routeTable(): string {
  const rows = Object.entries(ROUTE_CATALOGUE)
    .sort(([a, x], [b, y]) => x.tag.localeCompare(y.tag) || a.split(' ')[1]!.localeCompare(b.split(' ')[1]!) || a.localeCompare(b))
    .map(([route, d]) => {
      const success = d.raw !== undefined ? `200 RAW: ${cell(d.raw)}` : d.success ? `200 \`${d.success}\`` : '200 (see http.md)';
      const errors = failuresOf(d).map((c) => `${STATUS_CODES[c].status} \`${c}\``).join(', ') || '—';
      return `| ${d.tag} | \`${route}\`${d.only ? ` (only with \`${d.only}\`)` : ''} | ${cell(d.who)} | ${success} | ${errors} |`;
    });
  return ['| group | route | who | success | failures |', '|---|---|---|---|---|', ...rows].join('\n');
}
