/**
 * The demo's consultation service (system `support`, when the demo map makes it an HTTP
 * source) as a process of its own: a source, like PostgreSQL, shared by both targets and
 * part of neither. Its statements to PostgreSQL are counted like a target's, so the check
 * before measuring can see that both targets cause the same work there. It takes the
 * database from `BENCH_DATABASE_URL` and the authorization it requires from
 * `SUPPORT_SERVICE_TOKEN`.
 */
import path from 'node:path';
import { countStatements, reportFailure, serveOrchestrator } from './target-ipc';

interface ConsultationServiceModule {
  startConsultationService(options: {
    databaseUrl: string;
    port?: number;
    authorization?: string;
  }): Promise<{ url: string; stop(): Promise<void> }>;
}

async function main(): Promise<void> {
  countStatements();
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is not set');
  // Loaded by path: the service belongs to the demo world, which may not have one.
  const modulePath = path.resolve(
    __dirname,
    '../seeds/demo/consultation-service/consultation-service',
  );
  const { startConsultationService } = (await import(modulePath)) as ConsultationServiceModule;
  const authorization = process.env.SUPPORT_SERVICE_TOKEN;
  const service = await startConsultationService({
    databaseUrl,
    port: 0,
    ...(authorization ? { authorization } : {}),
  });
  serveOrchestrator(service.url, () => service.stop());
}

main().catch(reportFailure);
