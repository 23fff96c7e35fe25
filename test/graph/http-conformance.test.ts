/**
 * The connector conformance suite against the HTTP connector and the demo's own service
 * code (issue #4 item 4): the same cases as PostgreSQL and MariaDB, on the embedded
 * database (`embedded`) and the real server (`integration`).
 */
import { describeConnectorConformance } from '../conformance/connector-conformance';
import { httpFactory } from '../conformance/http-factory';

describeConnectorConformance(httpFactory);
