"""Offline-first sync: the outbox (here) and, later, the push/pull client and protocol."""
