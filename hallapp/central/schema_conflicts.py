"""Central tables for conflicts: contact-field history, conflict notices, applications under review."""
