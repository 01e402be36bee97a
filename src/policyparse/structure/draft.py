"""A pillar while it is being built: its title, prose lines and initiatives."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Initiative, Pillar


@dataclass
class PillarDraft:
    title: str
    lines: list[str] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)

    def freeze(self) -> Pillar:
        return Pillar(
            title=self.title, description="\n".join(self.lines), initiatives=tuple(self.initiatives)
        )
