"""The central server (issue 6): PostgreSQL, device enrolment and the idempotent push of outbox ops.

Nothing here imports the PC's database models or Qt: the central schema has its own metadata and
its own Alembic migrations (``hallapp/central/migrations``). Protocol: docs/sync_protocol.md.
"""
