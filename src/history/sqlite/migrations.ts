/** Numbered, append-only: a released migration is never edited, a new one is added. */
export const HISTORY_MIGRATIONS: readonly string[] = [
  // 1: series, chunks of every tier (0 raw, 1 5-min, 2 1-hour), and retention horizons.
  `CREATE TABLE series (
     id INTEGER PRIMARY KEY,
     key TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL,
     labels TEXT NOT NULL
   ) STRICT;
   CREATE TABLE chunks (
     series_id INTEGER NOT NULL REFERENCES series(id),
     tier INTEGER NOT NULL,
     start_ts INTEGER NOT NULL,
     end_ts INTEGER NOT NULL,
     count INTEGER NOT NULL,
     data BLOB NOT NULL
   ) STRICT;
   CREATE UNIQUE INDEX chunks_key ON chunks (series_id, tier, start_ts);
   CREATE INDEX chunks_end ON chunks (tier, end_ts);
   CREATE TABLE floors (tier INTEGER PRIMARY KEY, ts INTEGER NOT NULL) STRICT;`,
  // 2: the write-ahead log of samples appended since the last checkpoint of the open chunks.
  // AUTOINCREMENT: ids never come back once the log was emptied, so a checkpoint that began
  // before can trim only rows it saw.
  `CREATE TABLE wal (id INTEGER PRIMARY KEY AUTOINCREMENT, data BLOB NOT NULL) STRICT;`,
];
