/**
 * Which of the demo's systems are services rather than schemas of the demo database. The
 * customer-service desk (`support`) may be an HTTP service (issue #4): a source like
 * PostgreSQL, so the benchmark runs it in a process of its own, outside both targets, and
 * both reach it the same way.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const DEMO_MAP = path.resolve(__dirname, '../seeds/demo/datamap.yaml');

/** The demo map's source kind for `support`: `postgres` or `http`. */
export function supportSourceKind(): string {
  const map = parse(readFileSync(DEMO_MAP, 'utf8')) as {
    systems?: { support?: { source?: { kind?: string } } };
  };
  return map.systems?.support?.source?.kind ?? 'postgres';
}
