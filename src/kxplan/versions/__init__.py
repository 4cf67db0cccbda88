"""Versions of a plan: snapshots beside it, git revisions, and comparing two of them.

:mod:`~kxplan.versions.snapshots` keeps copies in ``PLAN.versions/`` (its names are
re-exported here, so ``from kxplan.versions import save_version`` keeps working);
:mod:`~kxplan.versions.git` reads ``REV:path``; :mod:`~kxplan.versions.comparison`
compares two plans into a typed list of changes (:mod:`~kxplan.versions.changes`),
whose rank moves :mod:`~kxplan.versions.moves` finds; :mod:`~kxplan.versions.textconv`
writes one plan one fact per line for ``git diff``. Importing this package reads
only the snapshots module, so ``kxplan snapshot`` does not load the scoring.
"""

from kxplan.versions.snapshots import (
    LABEL_COMMENT,
    VERSIONS_SUFFIX,
    WHEN_FORMAT,
    Version,
    list_versions,
    load_version,
    save_version,
    versions_dir,
)

__all__ = [
    "LABEL_COMMENT",
    "VERSIONS_SUFFIX",
    "WHEN_FORMAT",
    "Version",
    "list_versions",
    "load_version",
    "save_version",
    "versions_dir",
]
