import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { canonicalExpressionPg } from '../../../src/sources/postgres/canonical-sql';
import { demoDdl, demoDropDdl } from '../../../seeds/demo/ddl';
import { DEMO_SCHEMAS, DEMO_TABLES } from '../../../seeds/demo/tables';
import { insertStatement } from '../../../seeds/lib/bulk-load';
import { mapTableMismatches } from './world-checks';

const ddl = demoDdl();
const demoMap = readFileSync(join(__dirname, '../../../seeds/demo/datamap.yaml'), 'utf8');

describe('demo DDL', () => {
  it('creates one schema per system, then its tables with primary keys', () => {
    for (const schema of DEMO_SCHEMAS) expect(ddl).toContain(`CREATE SCHEMA "${schema}"`);
    const users = ddl.find((s) => s.startsWith('CREATE TABLE "accounts"."users"'));
    expect(users).toMatch(/PRIMARY KEY \("id"\)/);
    expect(ddl.find((s) => s.startsWith('CREATE TABLE "security"."user_devices"'))).toMatch(
      /PRIMARY KEY \("user_id", "device_id"\)/,
    );
  });

  it('indexes every identity column by the connector’s own canonical expression', () => {
    expect(ddl).toContain(
      `CREATE INDEX ON "accounts"."users" ((${canonicalExpressionPg('email', '"email"')}))`,
    );
    for (const table of ['"accounts"."users"', '"accounts"."verification_codes"']) {
      expect(ddl).toContain(
        `CREATE INDEX ON ${table} ((${canonicalExpressionPg('phone_cn', '"phone"')}))`,
      );
    }
    expect(ddl).toContain(
      `CREATE INDEX ON "workspace"."employees" ((${canonicalExpressionPg('phone_cn', '"work_phone"')}))`,
    );
    expect(ddl).toContain('CREATE INDEX ON "security"."security_logs" ("device_id")');
  });

  it('indexes reference columns for child lookups and keeps foreign keys inside a schema', () => {
    expect(ddl).toContain('CREATE INDEX ON "workspace"."tasks" ("assignee_id")');
    expect(ddl).toContain('CREATE INDEX ON "analytics"."events" ("user_id")');
    for (const fk of ddl.filter((s) => s.includes('FOREIGN KEY'))) {
      const [, own, target] = /^ALTER TABLE "(\w+)"\..* REFERENCES "(\w+)"\./.exec(fk) ?? [];
      expect(target).toBe(own);
    }
  });

  it('drops only the demo schemas', () => {
    expect(demoDropDdl()).toEqual(DEMO_SCHEMAS.map((s) => `DROP SCHEMA IF EXISTS "${s}" CASCADE`));
  });

  it('loads through unnest with every value bound', () => {
    const users = DEMO_TABLES[0];
    expect(users && insertStatement(users)).toBe(
      'INSERT INTO "accounts"."users" ("id", "phone", "email", "full_name", "english_name", "password_hash", "date_of_birth", "gender", "created_at") ' +
        'SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::timestamptz[])',
    );
  });
});

describe('demo data map', () => {
  it('describes exactly the tables the seeder creates', () => {
    expect(mapTableMismatches(demoMap, DEMO_TABLES)).toEqual([]);
  });

  it('reads every system from its own schema, with the demo database as fallback', () => {
    const map = parse(demoMap) as {
      systems: Record<string, { source?: { kind: string; url: string; schema: string } }>;
    };
    const sources = Object.values(map.systems).flatMap((system) =>
      system.source?.kind === 'postgres' ? [system.source] : [],
    );
    // `support` is an HTTP service keeping its own `support` schema (seeds/demo/consultation-service)
    expect(map.systems.support?.source?.kind).toBe('http');
    expect(sources.map((source) => source.schema).sort()).toEqual(
      DEMO_SCHEMAS.filter((schema) => schema !== 'support').sort(),
    );
    for (const { url, schema } of sources) {
      expect(url).toBe(`\${${schema.toUpperCase()}_DATABASE_URL:-\${PRIVGRAPH_DEMO_DATABASE_URL}}`);
    }
  });
});
