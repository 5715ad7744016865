"""Realistic demo data for one hall: reference data, operators and N accounts with history."""
