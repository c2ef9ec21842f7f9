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
];
