"""Password hashing with Argon2id (argon2-cffi defaults, RFC 9106 low-memory profile)."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


_dummy_hash: str | None = None


def burn_verification(password: str) -> None:
    """Spend the time of a real check, so an unknown staff number cannot be told apart by timing."""
    global _dummy_hash  # noqa: PLW0603 - computed once per process
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("not a real password")
    verify_password(_dummy_hash, password)
