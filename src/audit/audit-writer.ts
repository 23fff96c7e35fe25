/**
 * Writes audit events (SPEC §7) with group commit: every caller awaits its events' durability
 * — a response that carried personal data leaves only after its events are committed — but
 * the events of all requests that arrive while a write is in flight go to the store together
 * in the next one, so the cost per request stays small under load. After each write the
 * chain's head is signed and appended to the checkpoint file, outside the database.
 */
import type { DataSource } from 'typeorm';
import type { AuditEventContent } from '../core/audit/audit-event';
import { appendAuditEvents } from '../store';
import type { CheckpointSink } from './checkpoint-file';

export interface AuditWriter {
  /** Resolves once `events` are committed; rejects when they could not be. */
  record(events: readonly AuditEventContent[]): Promise<void>;
  /** Waits for what is in flight, then signs a last checkpoint. */
  close(): Promise<void>;
}

interface Waiting {
  readonly events: readonly AuditEventContent[];
  resolve(): void;
  reject(error: unknown): void;
}

export function createAuditWriter(
  store: DataSource,
  chainKey: Buffer,
  checkpoints?: CheckpointSink,
): AuditWriter {
  let waiting: Waiting[] = [];
  let flushing: Promise<void> | null = null;

  async function flush(): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        const head = await appendAuditEvents(
          store,
          chainKey,
          batch.flatMap((w) => w.events),
        );
        await checkpoints?.write(head).catch(() => undefined);
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    flushing = null;
  }

  return {
    record(events) {
      if (events.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        waiting.push({ events, resolve, reject });
        flushing ??= flush();
      });
    },
    async close() {
      await flushing;
    },
  };
}
