/**
 * Subject-rights requests (SPEC §6, issue #5): requests with their lifecycle and due date,
 * per-source tasks claimed by workers (`FOR UPDATE SKIP LOCKED`, see src/requests/jobs),
 * legal holds, encrypted export packages, and the request's event history.
 *
 * Personal data in these tables is encrypted (`*_enc`, AES-256-GCM under a key kept outside
 * the store); subjects are named by keyed hashes of their canonical identities, like consent.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRightsRequests1796000000002 implements MigrationInterface {
  name = 'CreateRightsRequests1796000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE privgraph.rights_requests (
        id                    uuid        NOT NULL DEFAULT gen_random_uuid(),
        kind                  text        NOT NULL,
        status                text        NOT NULL,
        subject_keys          text[]      NOT NULL,
        payload_enc           bytea       NOT NULL,
        details               jsonb       NOT NULL,
        identity_verification text        NOT NULL,
        requested_by          text        NOT NULL,
        requested_role        text        NOT NULL,
        received_at           timestamptz NOT NULL,
        due_date              date        NOT NULL,
        plan_enc              bytea,
        plan_summary          jsonb,
        decided_by            text,
        decided_at            timestamptz,
        decision_note         text,
        result                jsonb,
        reply                 text,
        package_hash          text,
        completed_at          timestamptz,
        updated_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT rights_requests_pkey PRIMARY KEY (id),
        CONSTRAINT rights_requests_kind_check CHECK (kind IN
          ('access', 'erasure', 'correction', 'consent_withdrawal', 'consent_grant', 'account_closure')),
        CONSTRAINT rights_requests_status_check CHECK (status IN
          ('received', 'awaiting_approval', 'approved', 'rejected', 'in_progress', 'partial', 'completed', 'failed'))
      )`);
    await queryRunner.query(
      `CREATE INDEX rights_requests_status_due_idx ON privgraph.rights_requests (status, due_date)`,
    );
    await queryRunner.query(
      `CREATE INDEX rights_requests_subject_idx ON privgraph.rights_requests USING gin (subject_keys)`,
    );

    await queryRunner.query(`
      CREATE TABLE privgraph.request_tasks (
        id          uuid        NOT NULL DEFAULT gen_random_uuid(),
        request_id  uuid        NOT NULL,
        kind        text        NOT NULL,
        system      text        NOT NULL DEFAULT '',
        status      text        NOT NULL DEFAULT 'pending',
        attempts    integer     NOT NULL DEFAULT 0,
        claimed_by  text,
        lease_until timestamptz,
        not_before  timestamptz NOT NULL DEFAULT now(),
        last_error  text,
        result      jsonb,
        created_at  timestamptz NOT NULL DEFAULT now(),
        started_at  timestamptz,
        finished_at timestamptz,
        CONSTRAINT request_tasks_pkey PRIMARY KEY (id),
        CONSTRAINT request_tasks_request_fkey FOREIGN KEY (request_id)
          REFERENCES privgraph.rights_requests (id) ON DELETE CASCADE,
        CONSTRAINT request_tasks_once UNIQUE (request_id, kind, system),
        CONSTRAINT request_tasks_status_check CHECK (status IN ('pending', 'running', 'done', 'failed'))
      )`);
    await queryRunner.query(
      `CREATE INDEX request_tasks_runnable_idx ON privgraph.request_tasks (status, not_before, created_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE privgraph.request_events (
        seq        bigserial   NOT NULL,
        request_id uuid        NOT NULL,
        task_id    uuid,
        event      text        NOT NULL,
        actor      text        NOT NULL,
        detail     jsonb       NOT NULL,
        at         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT request_events_pkey PRIMARY KEY (seq),
        CONSTRAINT request_events_request_fkey FOREIGN KEY (request_id)
          REFERENCES privgraph.rights_requests (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX request_events_request_idx ON privgraph.request_events (request_id, seq)`,
    );

    await queryRunner.query(`
      CREATE TABLE privgraph.legal_holds (
        id           uuid        NOT NULL DEFAULT gen_random_uuid(),
        reason       text        NOT NULL,
        note         text,
        subject_keys text[],
        collection   text,
        retain_days  integer,
        date_field   text,
        expires_at   timestamptz,
        placed_by    text        NOT NULL,
        placed_at    timestamptz NOT NULL DEFAULT now(),
        released_by  text,
        released_at  timestamptz,
        release_note text,
        CONSTRAINT legal_holds_pkey PRIMARY KEY (id),
        CONSTRAINT legal_holds_scope_check CHECK (subject_keys IS NOT NULL OR collection IS NOT NULL),
        CONSTRAINT legal_holds_retention_check CHECK ((retain_days IS NULL) = (date_field IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX legal_holds_subject_idx ON privgraph.legal_holds USING gin (subject_keys)`,
    );

    await queryRunner.query(`
      CREATE TABLE privgraph.export_packages (
        request_id   uuid        NOT NULL,
        content_hash text        NOT NULL,
        package_enc  bytea,
        size_bytes   integer     NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz NOT NULL,
        purged_at    timestamptz,
        CONSTRAINT export_packages_pkey PRIMARY KEY (request_id),
        CONSTRAINT export_packages_request_fkey FOREIGN KEY (request_id)
          REFERENCES privgraph.rights_requests (id) ON DELETE CASCADE
      )`);

    await queryRunner.query(`ALTER TABLE privgraph.consent_events ADD COLUMN request_id uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE privgraph.consent_events DROP COLUMN request_id`);
    await queryRunner.query(`DROP TABLE privgraph.export_packages`);
    await queryRunner.query(`DROP TABLE privgraph.legal_holds`);
    await queryRunner.query(`DROP TABLE privgraph.request_events`);
    await queryRunner.query(`DROP TABLE privgraph.request_tasks`);
    await queryRunner.query(`DROP TABLE privgraph.rights_requests`);
  }
}
