"""Settings of the supervisor's daily log and the monthly scorecard (issue 7), with their sources."""

from hallapp.domain.settings_def import SettingDef

SUPERVISION_SETTINGS: tuple[SettingDef, ...] = ()
