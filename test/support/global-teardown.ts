/** Jest globalTeardown: stops the embedded PostgreSQL, or drops the fresh test database,
 * that global-setup.ts opened for this run. */
import { forgetTestDatabase } from './test-database';

export default async function globalTeardown(): Promise<void> {
  await forgetTestDatabase()?.close();
}
