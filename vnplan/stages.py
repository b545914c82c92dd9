"""One way to declare a pipeline stage, for every layer (normalize, extract).

Like spaCy's ``@Language.factory``, a stage is a function registered under a name with
its default configuration; a pipeline is a list of names, so a stage can be swapped or
left out by configuration. The registry also runs a stage *isolated*: a stage that
raises does not lose the document, it becomes a :class:`StageFailure` (the stage's name
and a one-line error, numbered like spaCy's errors) that the caller records on the
output while the other stages go on.

This module sits at the bottom with :mod:`vnplan.schema`: ingest, normalize and extract
import it; it imports none of them.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass
class StageFailure:
    stage: str
    error: str
    code: str = "E001"  # E001: a stage raised; the document goes on without its part

    def as_dict(self) -> dict:
        return {"stage": self.stage, "code": self.code, "error": self.error}


def one_line(exc: BaseException) -> str:
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__


@dataclass
class Registry:
    """name -> stage function (or a lazy ``"module:function"`` reference) and its default config."""

    layer: str
    funcs: dict[str, Any] = field(default_factory=dict)
    configs: dict[str, dict] = field(default_factory=dict)

    def stage(self, name: str, default_config: dict | None = None) -> Callable:
        """Decorator: register ``fn`` as stage ``name`` of this layer."""

        def deco(fn):
            self.funcs[name] = fn
            self.configs[name] = dict(default_config or {})
            fn.stage_name = name
            return fn

        return deco

    def lazy(self, name: str, ref: str, default_config: dict | None = None) -> None:
        """Register ``"module:function"``, imported on first use (a module left out of an
        install leaves its stage out instead of breaking the import of the pipeline)."""
        self.funcs[name] = ref
        self.configs[name] = dict(default_config or {})

    def __contains__(self, name: str) -> bool:
        return name in self.funcs

    def __iter__(self):
        return iter(self.funcs)

    def get(self, name: str) -> Callable | None:
        if name not in self.funcs:
            raise ValueError(f"unknown {self.layer} stage {name!r} (known: {', '.join(sorted(self.funcs))})")
        fn = self.funcs[name]
        if isinstance(fn, str):
            mod_name, attr = fn.split(":")
            try:
                module = importlib.import_module(mod_name)
            except ModuleNotFoundError as exc:
                if exc.name == mod_name:
                    return None
                raise
            fn = self.funcs[name] = getattr(module, attr)
        return fn

    def run(self, name: str, *args, failures: list[StageFailure] | None = None, **config):
        """Call stage ``name``; with ``failures`` given, an exception is recorded there and
        ``None`` returned instead of raised."""
        fn = self.get(name)
        if fn is None:
            return None
        kwargs = {**self.configs.get(name, {}), **config}
        if failures is None:
            return fn(*args, **kwargs)
        try:
            return fn(*args, **kwargs)
        except Exception as exc:  # isolate the stage: the rest of the document goes on
            failures.append(StageFailure(f"{self.layer}.{name}", one_line(exc)))
            return None
