import GRDB

/// The state database's schema as named migrations
/// (<https://swiftpackageindex.com/groue/grdb.swift/documentation/grdb/migrations>).
///
/// Migrations are append-only: a released migration is never edited; a change
/// is a new migration with a new name.
enum StateSchema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-runs-people-pairs") { db in
      try db.execute(sql: """
        CREATE TABLE run (
          id TEXT PRIMARY KEY NOT NULL,
          as_of TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('committed')),
          config_sha256 TEXT NOT NULL,
          inputs_sha256 TEXT NOT NULL,
          sequence INTEGER NOT NULL UNIQUE
        );
        CREATE TABLE person (
          id TEXT PRIMARY KEY NOT NULL,
          cohort TEXT NOT NULL,
          role TEXT NOT NULL,
          email_sha256 TEXT,
          first_seen_run TEXT NOT NULL REFERENCES run(id),
          last_seen_run TEXT NOT NULL REFERENCES run(id)
        );
        CREATE INDEX person_email ON person(email_sha256);
        CREATE TABLE pair (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          mentee_id TEXT NOT NULL REFERENCES person(id),
          mentor_id TEXT NOT NULL REFERENCES person(id),
          cohort TEXT NOT NULL,
          run_id TEXT NOT NULL REFERENCES run(id),
          score INTEGER NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('active', 'ended')),
          ended_reason TEXT,
          ended_as_of TEXT,
          CHECK ((status = 'active') = (ended_as_of IS NULL))
        );
        -- one active pair per mentee and mentor; ended ones stay for no-repeat
        CREATE UNIQUE INDEX pair_active ON pair(mentee_id, mentor_id) WHERE status = 'active';
        CREATE INDEX pair_mentor ON pair(mentor_id);
        """)
    }
    migrator.registerMigration("v2-notifications-salt") { db in
      try db.execute(sql: """
        CREATE TABLE notification (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          run_id TEXT NOT NULL REFERENCES run(id),
          recipient_id TEXT NOT NULL,
          kind TEXT NOT NULL,
          file_name TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('owed', 'published')),
          UNIQUE (run_id, file_name)
        );
        CREATE INDEX notification_owed ON notification(status) WHERE status = 'owed';
        CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        -- the salt for email digests, random per database
        INSERT INTO meta (key, value) VALUES ('email_salt', lower(hex(randomblob(16))));
        """)
    }
    return migrator
  }
}
