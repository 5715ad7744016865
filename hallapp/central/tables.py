"""Every table of the central schema on one metadata: the models live in topic modules that share
``CentralBase``; importing this module registers them all (migrations, schema checks)."""

from hallapp.central import (  # noqa: F401  (registers their tables)
    schema_admin,
    schema_conflicts,
    schema_hall_facts,
    schema_staff,
)
from hallapp.central.schema import CentralBase

metadata = CentralBase.metadata
