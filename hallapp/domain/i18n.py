"""Marks core strings for Qt Linguist without importing Qt.

``pyside6-lupdate`` finds ``QT_TRANSLATE_NOOP("Context", "text")`` calls by their text; the UI
translates the returned source string with ``QCoreApplication.translate(context, text)``.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    del context
    return text
