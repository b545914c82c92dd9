"""vnplan: Vietnamese provincial plans → structured, versioned JSON.

``vnplan.extract(path)`` reads one document into the pydantic model of ``vnplan.schema``;
``vnplan.run(paths, out)`` processes a batch as the command line does (``vnplan/api.py``).
"""

from vnplan.api import extract, frames, rows, run
from vnplan.schema import SCHEMA_VERSION, Extraction

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "Extraction", "__version__", "extract", "frames", "rows", "run"]
