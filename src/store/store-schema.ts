/** The PostgreSQL schema that holds everything the gateway itself stores. Its own schema,
 * so the store can share a database with the demo sources (the embedded default) or live
 * in any `DATABASE_URL` without touching `public`. Migrations name it literally. */
export const STORE_SCHEMA = 'privgraph';
