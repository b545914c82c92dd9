"""RawTask: a task as the readers find it, before names and dates are resolved.

Every task reader (blocks, per-agency sections, task tables, duty sentences) returns
RawTasks: the task words, the owner and deadline phrases as written, and where each came
from; ``extract.tasks`` turns them into schema Tasks. The "phối hợp (với) …" reading of a
task sentence is here too, because every reader that takes its lead from a heading or a
sentence reads the support from the task words the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

ELLIPSIS = re.compile(r"\.{2,}|…")
# "phối hợp (với|cùng) X", "chủ trì cùng (với) X": X supports
_PHOI_HOP = re.compile(r"(?:phối hợp(?:\s+(?:với|cùng))?|chủ trì,?\s+cùng(?:\s+với)?)\s+(?P<who>[^.]+)", re.I)


@dataclass
class RawTask:
    text: str
    start: int
    end: int
    lead: str = ""
    support: str = ""
    deadline: str = ""
    lead_from: str = ""  # label | heading | table | text | role (a role named before "có trách nhiệm", kept as written)
    support_from: str = ""
    layout: str = "block"
    group: Optional[str] = None

    def support_from_words(self, *words: str) -> "RawTask":
        """Take the support from "… phối hợp với X …" in the task words, if they say so, else
        in the next words given (the owner heading: "Bộ Tài chính chủ trì, phối hợp với …:")."""
        for w in words:
            m = _PHOI_HOP.search(ELLIPSIS.sub(" ", w or ""))
            if m:
                self.support, self.support_from = m.group("who"), "text"
                break
        return self
