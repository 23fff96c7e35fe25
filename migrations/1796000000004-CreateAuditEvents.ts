/**
 * The audit trail (SPEC §7, issue #6): one hash chain of events, by position. `content` is
 * the canonical JSON the link's MAC covers, byte for byte; the other columns repeat what the
 * audit queries filter on. Append-only: a trigger refuses UPDATE and DELETE, so tampering
 * needs a superuser who disables it — and then the chain (keyed outside the store) shows it.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditEvents1796000000004 implements MigrationInterface {
  name = 'CreateAuditEvents1796000000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE privgraph.audit_events (
        position     bigint      NOT NULL,
        at           timestamptz NOT NULL,
        kind         text        NOT NULL,
        actor        text        NOT NULL,
        role         text,
        purpose      text,
        subject_keys text[]      NOT NULL,
        request_id   text,
        content      text        NOT NULL,
        prev_hash    text        NOT NULL,
        hash         text        NOT NULL,
        CONSTRAINT audit_events_pkey PRIMARY KEY (position)
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_events_subject_idx ON privgraph.audit_events USING gin (subject_keys)`,
    );
    await queryRunner.query(
      `CREATE INDEX audit_events_actor_idx ON privgraph.audit_events (actor, at)`,
    );
    await queryRunner.query(`CREATE INDEX audit_events_at_idx ON privgraph.audit_events (at)`);
    await queryRunner.query(`
      CREATE FUNCTION privgraph.audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'privgraph.audit_events is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON privgraph.audit_events
      FOR EACH ROW EXECUTE FUNCTION privgraph.audit_events_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE privgraph.audit_events`);
    await queryRunner.query(`DROP FUNCTION privgraph.audit_events_append_only()`);
  }
}
