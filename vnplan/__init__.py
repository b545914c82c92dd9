"""vnplan: Vietnamese provincial plans → structured, versioned JSON."""

from vnplan.schema import SCHEMA_VERSION

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "__version__"]
