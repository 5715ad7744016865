"""Where a PC keeps its device token: the OS keyring (never SQLite or a plain file).

``HALLAPP_DEVICE_TOKEN`` overrides it (CI and headless test machines have no keyring).
"""

import os

SERVICE = "hallapp"


def _user(device_id: str) -> str:
    return f"device-token:{device_id}"


def load_token(device_id: str) -> str | None:
    token = os.environ.get("HALLAPP_DEVICE_TOKEN")
    if token:
        return token
    try:
        import keyring

        return keyring.get_password(SERVICE, _user(device_id))
    except Exception:  # no keyring backend here: this PC cannot sync until one is configured
        return None


def store_token(device_id: str, token: str) -> None:
    """Raises when the OS has no secure store: enrolment then stops before changing anything."""
    import keyring

    keyring.set_password(SERVICE, _user(device_id), token)
