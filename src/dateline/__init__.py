"""Dateline: news reports in any language in, grounded evidence out.

Every extracted fact points to the exact characters of the cleaned text it came from.
"""

from .api import Extractor, extract, extract_many
from .config import Options
from .document import Document, Span
from .errors import ConfigError, DatelineError, InputError

__version__ = "0.1.0"
__all__ = ["ConfigError", "DatelineError", "Document", "Extractor", "InputError", "Options", "Span",
           "__version__", "extract", "extract_many"]
