"""How long each class of record is kept before it may be deleted (issue 7), with their sources."""

from hallapp.domain.settings_def import SettingDef

RETENTION_SETTINGS: tuple[SettingDef, ...] = ()
