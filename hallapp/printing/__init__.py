"""reportlab renderers: bytes in, bytes out (receipts, tickets, notices, forms). Issues 3-5."""
