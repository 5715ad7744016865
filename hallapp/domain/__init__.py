"""Pure rules and values: no database, no Qt, no I/O."""
