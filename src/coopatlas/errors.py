"""One small exception family. The CLI turns these into one clean line and an exit code."""


class CoopatlasError(Exception):
    """Base class: every error a user may see."""


class ReadError(CoopatlasError):
    """A file could not be read or decoded (empty, binary, corrupt, encrypted, no text layer...)."""


class ReferenceError_(CoopatlasError):
    """The reference tables are inconsistent or an identifier is unknown."""


class FormatError(CoopatlasError):
    """A JSON Lines file does not follow the codebook's exchange format."""


def internal_error_reason(error: Exception) -> str:
    """One line for an unexpected error inside the extractor on one document (a bug, not bad input): the
    batch goes on, and the line says what to report."""
    return f"internal error in the extractor ({type(error).__name__}: {error}); the other files go on — please report it"
