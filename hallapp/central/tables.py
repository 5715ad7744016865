"""Every table of the central schema on one metadata: the models live in topic modules that share
``CentralBase``; importing this module registers them all (migrations, schema checks)."""

from hallapp.central import schema_admin, schema_conflicts, schema_staff  # noqa: F401  (registers their tables)
from hallapp.central.schema import CentralBase

metadata = CentralBase.metadata
