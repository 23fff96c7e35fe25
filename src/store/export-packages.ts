/**
 * Export packages of access requests (SPEC §6): stored sealed (encrypted), with the hash of
 * their plaintext; readable until they expire; purged (ciphertext dropped, hash kept as
 * evidence of what was sent) afterwards.
 */
import type { DataSource } from 'typeorm';
import { STORE_SCHEMA } from './store-schema';

const T = `${STORE_SCHEMA}.export_packages`;

export interface StoredPackage {
  readonly requestId: string;
  readonly contentHash: string;
  readonly sealed: Buffer | null;
  readonly sizeBytes: number;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly purgedAt: Date | null;
}

/** Saves (or replaces, when the export ran again after a crash) the request's package. */
export async function saveExportPackage(
  ds: DataSource,
  pkg: {
    requestId: string;
    contentHash: string;
    sealed: Buffer;
    sizeBytes: number;
    expiresAt: Date;
  },
): Promise<void> {
  await ds.query(
    `INSERT INTO ${T} (request_id, content_hash, package_enc, size_bytes, expires_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (request_id) DO UPDATE SET content_hash = EXCLUDED.content_hash,
       package_enc = EXCLUDED.package_enc, size_bytes = EXCLUDED.size_bytes,
       expires_at = EXCLUDED.expires_at, created_at = now(), purged_at = NULL`,
    [pkg.requestId, pkg.contentHash, pkg.sealed, pkg.sizeBytes, pkg.expiresAt.toISOString()],
  );
}

export async function loadExportPackage(
  ds: DataSource,
  requestId: string,
): Promise<StoredPackage | null> {
  const rows: {
    request_id: string;
    content_hash: string;
    package_enc: Buffer | null;
    size_bytes: number;
    created_at: Date;
    expires_at: Date;
    purged_at: Date | null;
  }[] = await ds.query(`SELECT * FROM ${T} WHERE request_id = $1`, [requestId]);
  const r = rows[0];
  if (!r) return null;
  return {
    requestId: r.request_id,
    contentHash: r.content_hash,
    sealed: r.package_enc,
    sizeBytes: r.size_bytes,
    createdAt: new Date(r.created_at),
    expiresAt: new Date(r.expires_at),
    purgedAt: r.purged_at ? new Date(r.purged_at) : null,
  };
}

/** Drops the ciphertext of every package past its expiry; returns how many. */
export async function purgeExpiredPackages(ds: DataSource, now: Date): Promise<number> {
  const [, count]: [unknown, number] = await ds.query(
    `UPDATE ${T} SET package_enc = NULL, purged_at = now()
      WHERE purged_at IS NULL AND expires_at <= $1`,
    [now.toISOString()],
  );
  return count;
}
