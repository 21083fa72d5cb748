"""One exception hierarchy. Messages are full sentences that say how to fix the problem."""


class TielineError(Exception):
    """Base class of every error tieline raises on purpose."""


class InputError(TielineError):
    """An input path, URL or document cannot be read."""


class ConfigError(TielineError):
    """A dictionary, pattern file or option is invalid."""


class RegistryError(ConfigError):
    """A coder or source name is not registered."""


class StoreError(TielineError):
    """The event store cannot be opened, read or written."""


class ModelError(TielineError):
    """The spaCy language model is missing or cannot be loaded."""


class CodingTimeout(TielineError):
    """Coding one article took longer than the per-article time limit."""
