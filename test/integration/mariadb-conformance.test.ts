/**
 * The connector conformance suite on a real MySQL/MariaDB (`npm run test:mariadb`; CI runs
 * it against the MariaDB on 127.0.0.1:3306): the same cases the PostgreSQL connector passes.
 */
import { describeConnectorConformance } from '../conformance/connector-conformance';
import { mysqlFactory } from '../conformance/mysql-factory';

describeConnectorConformance(mysqlFactory);
