from enum import StrEnum

class ClipFlip(StrEnum):
    BOTH = "both"
    HORIZONTAL = "horizontal"
    VERTICAL = "vertical"

    def __str__(self) -> str:
        return str(self.value)
