"""Central tables for operators, settings and tariffs (pulled by the PCs of a hall)."""
