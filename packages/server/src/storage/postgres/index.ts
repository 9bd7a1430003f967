// The PostgreSQL adapter of the Store.
export { openPostgresKysely, openPostgresStore, type PostgresOptions } from './open-postgres.js';
