/** Numbered, append-only: a released migration is never edited, a new one is added. */
export const SQLITE_MIGRATIONS: readonly string[] = [
  // 1: sources, the latest state of their entities, and the alarm transition log.
  `CREATE TABLE sources (
     id TEXT PRIMARY KEY,
     type TEXT NOT NULL,
     name TEXT NOT NULL,
     config TEXT NOT NULL,
     sealed_secret TEXT NOT NULL,
     status TEXT NOT NULL,
     created_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE entities (
     source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
     id TEXT NOT NULL,
     label TEXT NOT NULL,
     alarms TEXT NOT NULL,
     PRIMARY KEY (source_id, id)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE alarm_transitions (
     source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
     entity_id TEXT NOT NULL,
     alarm_id TEXT NOT NULL,
     from_state TEXT,
     to_state TEXT NOT NULL,
     at INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX alarm_transitions_entity ON alarm_transitions (source_id, entity_id, at);`,
  // 2: users, server-side sessions, API tokens (hashed), the audit log.
  `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL UNIQUE,
     role TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     password_changed_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE api_tokens (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     scopes TEXT NOT NULL,
     secret_hash TEXT NOT NULL UNIQUE,
     created_at INTEGER NOT NULL,
     last_used_at INTEGER,
     created_by TEXT
   ) STRICT;
   CREATE TABLE sessions (
     id_hash TEXT PRIMARY KEY,
     user_id TEXT REFERENCES users(id) ON DELETE CASCADE,
     token_id TEXT REFERENCES api_tokens(id) ON DELETE CASCADE,
     csrf_token TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL,
     ip TEXT
   ) STRICT;
   CREATE INDEX sessions_user ON sessions (user_id);
   CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     target TEXT,
     ip TEXT,
     details TEXT
   ) STRICT;`,
  // 3: grid snapshots: the latest per grid, and the ids seen (for exactly-once ingestion).
  `CREATE TABLE grid_snapshots (
     grid TEXT PRIMARY KEY,
     snapshot_id TEXT NOT NULL,
     collected_at INTEGER NOT NULL,
     received_at INTEGER NOT NULL,
     body BLOB NOT NULL
   ) STRICT;
   CREATE TABLE grid_snapshot_ids (
     grid TEXT NOT NULL,
     snapshot_id TEXT NOT NULL,
     received_at INTEGER NOT NULL,
     PRIMARY KEY (grid, snapshot_id)
   ) STRICT, WITHOUT ROWID;
   CREATE INDEX grid_snapshot_ids_received ON grid_snapshot_ids (received_at);`,
];
