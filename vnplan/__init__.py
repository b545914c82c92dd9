"""vnplan: Vietnamese provincial plans → structured, versioned JSON.

``vnplan.extract(path)`` reads one document into the pydantic model of ``vnplan.schema``;
``vnplan.run(paths, out)`` processes a batch as the command line does (``vnplan/api.py``).
The names are loaded on first use, so that a process that needs none of them (the parent
of ``vnplan run -j N``, whose workers do the reading) does not hold the schema and the
extractors in memory.
"""

import importlib

__version__ = "0.1.0"
__all__ = ["SCHEMA_VERSION", "Extraction", "__version__", "extract", "frames", "rows", "run"]
_WHERE = {"extract": "vnplan.api", "frames": "vnplan.api", "rows": "vnplan.api", "run": "vnplan.api",
          "SCHEMA_VERSION": "vnplan.schema", "Extraction": "vnplan.schema"}


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'vnplan' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__))
