"""SQLite (and, for the central server later, PostgreSQL) storage: models, engine, migrations."""
