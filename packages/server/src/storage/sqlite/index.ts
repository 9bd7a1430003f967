// The SQLite adapter of the Store.
export {
  backupSqlite,
  openSqliteDatabase,
  openSqliteKysely,
  openSqliteStore,
  SqliteStore,
} from './open-sqlite.js';
