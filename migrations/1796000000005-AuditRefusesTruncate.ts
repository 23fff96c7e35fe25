/**
 * The audit table refuses TRUNCATE as well as UPDATE and DELETE: a row trigger never fires
 * for TRUNCATE, so a statement trigger does (found by the tamper tests; verification caught
 * it through the checkpoints, but the database should refuse it in the first place).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditRefusesTruncate1796000000005 implements MigrationInterface {
  name = 'AuditRefusesTruncate1796000000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON privgraph.audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION privgraph.audit_events_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_events_no_truncate ON privgraph.audit_events`);
  }
}
