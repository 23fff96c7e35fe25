/**
 * The gateway store's DataSource for the TypeORM CLI (`npm run migration:run`, `…:revert`,
 * `…:generate -- migrations/<Name>`), built from DATABASE_URL exactly as the server builds it.
 */
import { createStoreDataSource } from './src/store/store-data-source';

const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error(
    'DATABASE_URL is not set: the TypeORM CLI needs the gateway store database, ' +
      'e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/privgraph npm run migration:run',
  );
}

export default createStoreDataSource(url);
