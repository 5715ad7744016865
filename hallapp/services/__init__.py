"""Use cases: each public method is one transaction and checks its own permissions."""
