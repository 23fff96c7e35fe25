/**
 * Tasks carry the data map version of the request they belong to (`queue`): a worker runs
 * only tasks made with the map it serves. During a rolling deployment with a changed map, a
 * plan made with the old map (its collection names, its row keys) is never executed by a
 * replica that reads the new one — and several worlds sharing one store stay apart.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTaskQueue1796000000003 implements MigrationInterface {
  name = 'AddTaskQueue1796000000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE privgraph.request_tasks ADD COLUMN queue text NOT NULL DEFAULT ''`,
    );
    await queryRunner.query(`DROP INDEX privgraph.request_tasks_runnable_idx`);
    await queryRunner.query(
      `CREATE INDEX request_tasks_runnable_idx ON privgraph.request_tasks (queue, status, not_before, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX privgraph.request_tasks_runnable_idx`);
    await queryRunner.query(
      `CREATE INDEX request_tasks_runnable_idx ON privgraph.request_tasks (status, not_before, created_at)`,
    );
    await queryRunner.query(`ALTER TABLE privgraph.request_tasks DROP COLUMN queue`);
  }
}
