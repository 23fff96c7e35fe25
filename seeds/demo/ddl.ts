/**
 * DDL of the demo world: one schema per system, primary keys, same-schema foreign keys, and
 * an index for every lookup the traversal makes — identity columns through the connector's
 * own canonical expression (`lower("email")`, the phone_cn normalisation), so a canonical
 * comparison is an index lookup (SPEC §5), and reference columns for child lookups.
 */
import { escapeIdentifier } from 'pg';
import { worldDdl } from '../lib/table-spec';
import { DEMO_SCHEMAS, DEMO_TABLES } from './tables';

/** Schemas and tables, without secondary indexes and foreign keys (built after the load). */
export function demoTableDdl(): string[] {
  return worldDdl(DEMO_TABLES).tables;
}

export function demoAfterLoadDdl(): string[] {
  return worldDdl(DEMO_TABLES).afterLoad;
}

/** Everything, in order: schemas, tables, indexes, foreign keys. */
export function demoDdl(): string[] {
  const { tables, afterLoad } = worldDdl(DEMO_TABLES);
  return [...tables, ...afterLoad];
}

/** Drops every demo schema with its tables; nothing outside them is touched. */
export function demoDropDdl(): string[] {
  return DEMO_SCHEMAS.map((schema) => `DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`);
}
