// The server package's public face, for the admin CLI: configuration, the store, and the adapters behind the ports.
export { Argon2Passwords, CryptoSecrets, SystemClock, UlidIds } from './adapters/index.js';
export { loadSecretKey, openConfiguredStore } from './compose.js';
export { type Config, loadConfig } from './config/index.js';
export { openFanout } from './fanout/index.js';
export {
  importPostcodes,
  type PostcodeImportProgress,
  type PostcodeImportResult,
} from './geocoding/index.js';
export { createImageProcessor, DiskMediaStore } from './media/index.js';
export { backupSqlite, migrateToLatest, openStore, SqlStore } from './storage/index.js';
export { type PostcodeDirectory, SqlPostcodeDirectory } from './storage/sql/postcodes.js';
export { createEventPublisher } from './transport/ws/events-publisher.js';
