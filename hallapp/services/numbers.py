"""Gap-free number series, consumed inside the transaction of the fact that takes the number."""

from sqlalchemy import update
from sqlalchemy.orm import Session

from hallapp.db.models import NumberSeries


def take(session: Session, series: str, prefix: str) -> int:
    """The next value of ``series`` (1, 2, …); the caller's rollback gives it back."""
    value = session.scalar(
        update(NumberSeries)
        .where(NumberSeries.series == series)
        .values(next_value=NumberSeries.next_value + 1)
        .returning(NumberSeries.next_value - 1)
    )
    if value is None:  # a series this database has not used yet
        session.add(NumberSeries(series=series, prefix=prefix, next_value=2))
        session.flush()
        value = 1
    return value
