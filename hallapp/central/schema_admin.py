"""Central tables for the server's administrators: the bearer tokens of the admin API
(``hallapp.central.admin_auth``).

A token is shown once when it is made (``hallapp central admin-token --name NAME``); only its
SHA-256 is kept, as for device tokens. Revoking keeps the row with ``revoked_at`` set, so the
name of whoever held a token stays readable after it stops working.
"""

from datetime import datetime

from sqlalchemy import String, func
from sqlalchemy.orm import Mapped, mapped_column

from hallapp.central.schema import CentralBase, Hash, Timestamp


class AdminToken(CentralBase):
    """One administrator's token, by a name people recognise (a person or a team)."""

    __tablename__ = "admin_token"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    token_hash: Mapped[str] = mapped_column(Hash, unique=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp, server_default=func.now())
    revoked_at: Mapped[datetime | None] = mapped_column(Timestamp)
