/**
 * Consent history (SPEC §4.3, §6): the gateway's store is the system of record for consent
 * given or withdrawn, including a guardian's consent for a minor (PIPL art. 31). Append-only:
 * the current state of a (subject, purpose) is its latest event; history is never rewritten.
 * Subjects are named by keyed hashes of their canonical identities (see subject-key.ts).
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConsentEvents1796000000000 implements MigrationInterface {
  name = 'CreateConsentEvents1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE privgraph.consent_events (
        seq          bigserial   NOT NULL,
        subject_key  text        NOT NULL,
        purpose      text        NOT NULL,
        action       text        NOT NULL,
        guardian     boolean     NOT NULL DEFAULT false,
        recorded_by  text        NOT NULL,
        recorded_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT consent_events_pkey PRIMARY KEY (seq),
        CONSTRAINT consent_events_action_check CHECK (action IN ('grant', 'withdraw'))
      )`);
    await queryRunner.query(
      `CREATE INDEX consent_events_subject_idx ON privgraph.consent_events (subject_key, purpose, seq)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE privgraph.consent_events`);
  }
}
