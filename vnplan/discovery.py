"""Which files a ``vnplan run`` reads: files and folders expanded, recursively, into a sorted
list; every path that cannot be read is a failed result, never an exception."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

from vnplan.results import FileResult

SKIP_NAMES = {"readme.md", "readme.txt", "readme", ".gitkeep", "run-report.json"}


def _saved_page_asset(root: Path, rel: Path) -> bool:
    """A browser's "save page, complete" puts a page's images, styles and scripts in
    ``<name>_files/`` beside ``<name>.html``: those are the page's parts, not plans."""
    folder = root
    for part in rel.parts[:-1]:
        if part.endswith("_files") and any((folder / (part[:-6] + ext)).is_file() for ext in (".html", ".htm")):
            return True
        folder = folder / part
    return False


def _why(exc: OSError) -> str:
    """A one-line reason for a path that cannot be read."""
    import errno

    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    return exc.strerror or type(exc).__name__


def _walk(root: Path, skip_dir: Optional[Path], files: list[Path], failed: list[FileResult]) -> None:
    """Every file under ``root`` (sorted, hidden parts and saved-page assets left out); a
    folder that cannot be read, a link that points nowhere or back into a folder above it
    becomes a failed result instead of an exception, and the walk goes on."""
    import os
    import stat

    seen_dirs: set[tuple[int, int]] = set()

    def visit(folder: Path) -> None:
        try:
            st = folder.stat()
        except OSError as exc:
            failed.append(FileResult(str(folder), "failed", error=f"{folder}: cannot read folder: {_why(exc)}"))
            return
        ident = (st.st_dev, st.st_ino)
        if ident in seen_dirs:
            failed.append(FileResult(str(folder), "failed",
                                     error=f"{folder}: symbolic link loop (the folder is already being read)"))
            return
        seen_dirs.add(ident)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            failed.append(FileResult(str(folder), "failed", error=f"{folder}: cannot read folder: {_why(exc)}"))
            return
        for entry in entries:
            path = Path(entry.path)
            rel = path.relative_to(root)
            if entry.name.startswith(".") or _saved_page_asset(root, rel):
                continue
            try:
                st = path.stat()  # follows links
            except OSError as exc:
                what = "broken symbolic link" if entry.is_symlink() and not os.path.lexists(os.readlink(path)) \
                    and _why(exc) == "no such file or directory" else _why(exc)
                failed.append(FileResult(str(path), "failed", error=f"{path}: {what}"))
                continue
            if skip_dir is not None:
                try:
                    if path.resolve().is_relative_to(skip_dir):
                        continue
                except (OSError, RuntimeError):
                    pass
            if stat.S_ISDIR(st.st_mode):
                visit(path)
            elif stat.S_ISREG(st.st_mode) and entry.name.lower() not in SKIP_NAMES:
                files.append(path)

    visit(root)


def discover(paths: Iterable[Path | str], exclude: Optional[Path] = None) -> tuple[list[Path], list[FileResult]]:
    """Expand files and folders (recursively) into a sorted list of input files.

    A saved web page's ``<name>_files/`` folder is skipped (see ``_saved_page_asset``).
    Nothing here raises: paths that do not exist, cannot be read, or are links that loop
    or point nowhere come back as failed results (one line each), so a batch with one bad
    path still processes everything else. Files under ``exclude`` (the output folder, when
    it lies inside an input folder) are skipped, so that a second run does not read the
    first run's outputs as plans.
    """
    import stat

    files: list[Path] = []
    failed: list[FileResult] = []
    try:
        skip_dir = exclude.resolve() if exclude is not None else None
    except (OSError, RuntimeError):
        skip_dir = None
    for raw in paths:
        p = Path(raw)
        try:
            st = p.stat()
        except OSError as exc:
            failed.append(FileResult(str(p), "failed", error=f"{p}: {_why(exc)}"))
            continue
        if stat.S_ISDIR(st.st_mode):
            _walk(p, skip_dir, files, failed)
        else:
            files.append(p)
    seen, unique = set(), []
    for f in files:
        try:
            key = f.resolve()
        except (OSError, RuntimeError):
            key = f
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, failed
