/**
 * The connector conformance suite on PostgreSQL: embedded PGlite in the `embedded` project,
 * the real server in `integration` (both run test/graph/**). The reference every kind
 * must agree with.
 */
import { describeConnectorConformance } from '../conformance/connector-conformance';
import { postgresFactory } from '../conformance/postgres-factory';

describeConnectorConformance(postgresFactory);
