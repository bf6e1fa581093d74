"""Union-find over mention indices, with the rule that joined each mention."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Clusters:
    parent: dict[int, int] = field(default_factory=dict)
    why: dict[int, str] = field(default_factory=dict)

    unions: int = 0  # effective unions so far: a cache of roots is stale once it changes

    def find(self, i: int) -> int:
        """The root of ``i``'s cluster; the path is halved on the way (roots unchanged):
        without it a document with thousands of mentions of one name walks chains as long
        as the name is frequent, on every look-up."""
        parent = self.parent
        while (p := parent.get(i, i)) != i:
            grand = parent.get(p, p)
            if grand != p:
                parent[i] = grand
            i = p
        return i

    def union(self, child: int, root: int, rule: str) -> None:
        a, b = self.find(child), self.find(root)
        if a != b:
            self.parent[a] = b
            self.why.setdefault(child, rule)
            self.unions += 1
