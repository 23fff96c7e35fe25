/**
 * An access request's export package (SPEC §6): stored encrypted, with its content hash
 * (the hash of the plaintext, also recorded on the request), purged when it expires.
 */
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { STORE_SCHEMA } from '../store-schema';
import { RightsRequest } from './rights-request.entity';

@Entity({ schema: STORE_SCHEMA, name: 'export_packages' })
export class ExportPackage {
  @PrimaryColumn({
    name: 'request_id',
    type: 'uuid',
    primaryKeyConstraintName: 'export_packages_pkey',
  })
  requestId!: string;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'package_enc', type: 'bytea', nullable: true })
  packageEnc!: Buffer | null;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true })
  purgedAt!: Date | null;

  @OneToOne(() => RightsRequest, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'export_packages_request_fkey' })
  request?: RightsRequest;
}
