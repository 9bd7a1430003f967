// The two database engines the Store runs on.

/** SQLite (embedded, the default) or PostgreSQL (for several app nodes). */
export type Engine = 'sqlite' | 'postgres';
