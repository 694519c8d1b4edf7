"""Errors that services raise and interfaces translate for the user."""


class ApplicationError(Exception):
    """A rule of the domain refused the request; ``message`` is already translated.

    ``extra`` carries structured details (e.g. per-row import errors) for the API.
    """

    def __init__(self, message: str, *, extra: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra or {}
