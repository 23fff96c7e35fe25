/**
 * The MySQL connector's SQL text, without a server: type mapping, recognising MariaDB's
 * re-printed generated-column expressions, and the shape of the one lookup statement
 * (padded IN lists, exact comparisons under inexact collations). The behaviour itself is
 * tested on a real MariaDB by the conformance suite (`npm run test:mariadb`).
 */
import type { CollectionDef } from '../../../../src/core/datamap/model';
import type { LookupRequest } from '../../../../src/sources/connector';
import {
  canonicalExpressionMysql,
  sameExpression,
} from '../../../../src/sources/mysql/canonical-sql';
import type { MysqlColumn } from '../../../../src/sources/mysql/mysql-lookup';
import { buildLookupStatement, paddedLength } from '../../../../src/sources/mysql/mysql-lookup';
import { fieldTypeOfMysql } from '../../../../src/sources/mysql/mysql-types';

describe('fieldTypeOfMysql', () => {
  it.each([
    ['tinyint', 'tinyint(1)', 'boolean'],
    ['tinyint', 'tinyint(4)', 'int'],
    ['int', 'int(11)', 'int'],
    ['int', 'int(10) unsigned', 'bigint'],
    ['bigint', 'bigint(20) unsigned', 'bigint'],
    ['decimal', 'decimal(12,2)', 'decimal'],
    ['double', 'double', 'float'],
    ['date', 'date', 'date'],
    ['timestamp', 'timestamp(3)', 'datetime'],
    ['varbinary', 'varbinary(16)', 'bytes'],
    ['longtext', 'longtext', 'string'],
    ['geometry', 'geometry', 'string'],
  ])('%s (%s) is %s', (dataType, columnType, type) => {
    expect(fieldTypeOfMysql(dataType, columnType)).toBe(type);
  });

  it('reads a MariaDB JSON column (longtext with a json_valid check) as json', () => {
    expect(fieldTypeOfMysql('longtext', 'longtext', true)).toBe('json');
  });
});

describe('sameExpression', () => {
  // as MariaDB 10.11 stores them in information_schema.columns.generation_expression
  const stored = {
    email: 'lcase(`email`)',
    phone_cn:
      "case when regexp_replace(`phone`,'[^0-9]','') regexp '^(0086|86)?1[0-9]{10}$' then concat('+86',right(regexp_replace(`phone`,'[^0-9]',''),11)) end",
  };

  it('recognises the connector’s own expressions as MariaDB re-prints them', () => {
    expect(sameExpression(stored.email, canonicalExpressionMysql('email', '`email`'))).toBe(true);
    expect(sameExpression(stored.phone_cn, canonicalExpressionMysql('phone_cn', '`phone`'))).toBe(
      true,
    );
  });

  it('does not take another column or another form for it', () => {
    expect(sameExpression(stored.email, canonicalExpressionMysql('email', '`work_email`'))).toBe(
      false,
    );
    expect(sameExpression(stored.email, canonicalExpressionMysql('digits', '`email`'))).toBe(false);
    expect(sameExpression('ucase(`email`)', canonicalExpressionMysql('email', '`email`'))).toBe(
      false,
    );
  });
});

describe('the lookup statement', () => {
  const collection: CollectionDef = {
    key: 'users',
    address: { system: 's', collection: 'users' },
    table: 'users',
    primaryKey: ['id'],
    purposes: [],
    erasure: 'delete',
    fields: ['id', 'email', 'code'].map((key) => ({
      key,
      address: { system: 's', collection: 'users', field: key },
      column: key === 'email' ? 'mail' : key,
      follow: 'down' as const,
    })),
  };
  const field = (key: string) => collection.fields.find((f) => f.key === key)!;
  const column = (name: string, nativeType: string, extra: Partial<MysqlColumn> = {}) => ({
    column: name,
    nativeType,
    type: fieldTypeOfMysql(nativeType.replace(/\(.*/, ''), nativeType),
    nullable: true,
    ...extra,
  });
  const statement = (request: Partial<LookupRequest>, columns: MysqlColumn[], slots = 4) =>
    buildLookupStatement(
      { collection, field: field('id'), match: 'exact', values: [], fields: ['id'], ...request },
      {
        table: '`db`.`users`',
        column: (f) => columns.find((c) => c.column === f.column),
        columns: () => columns,
      },
      slots,
    );

  it('pads IN lists to the next power of two', () => {
    expect([1, 2, 3, 5, 50, 64, 65].map(paddedLength)).toEqual([1, 2, 4, 8, 64, 64, 128]);
  });

  it('compares an integer key with a plain IN', () => {
    const s = statement({}, [column('id', 'bigint(20)')]);
    expect(s.text).toBe('SELECT `id` AS `id` FROM `db`.`users` WHERE `id` IN (?, ?, ?, ?)');
    expect(s.valuesTwice).toBe(false);
  });

  it('compares a string key under its collation, then byte for byte', () => {
    const s = statement({ field: field('code') }, [
      column('code', 'varchar(64)', { collation: 'utf8mb4_general_ci' }),
    ]);
    expect(s.text).toContain(
      'WHERE `code` IN (?, ?, ?, ?) AND CONVERT(`code` USING utf8mb4) COLLATE utf8mb4_nopad_bin IN (?, ?, ?, ?)',
    );
    expect(s.valuesTwice).toBe(true);
  });

  it('reads a canonical form from a generated column holding the same expression', () => {
    const s = statement({ field: field('email'), match: 'email', fields: ['id', 'born_after.x'] }, [
      column('mail', 'varchar(320)', { collation: 'utf8mb4_general_ci' }),
      column('mail_c', 'varchar(320)', {
        collation: 'utf8mb4_nopad_bin',
        generation: 'lcase(`mail`)',
      }),
    ]);
    expect(s.text).toBe(
      'SELECT `id` AS `id`, NULL AS `born_after.x`, `mail` AS `email` FROM `db`.`users` WHERE `mail_c` IN (?, ?, ?, ?)',
    );
  });

  it('compares the expression itself, exactly, when no column holds it', () => {
    const s = statement({ field: field('email'), match: 'email' }, []);
    expect(s.text).toContain(
      'WHERE CONVERT(lower(`mail`) USING utf8mb4) COLLATE utf8mb4_nopad_bin IN (?, ?, ?, ?)',
    );
  });
});
