"""FastAPI apps: the hall hub API (issue 3) and the central sync API (issue 6)."""
