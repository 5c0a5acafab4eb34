"""The store's errors: part of the CoopatlasError family, so the CLI reports them in one line."""
from coopatlas.errors import CoopatlasError


class StoreError(CoopatlasError):
    """The database cannot be opened, upgraded or written."""
