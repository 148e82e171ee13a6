from enum import StrEnum

class ClipZoom(StrEnum):
    IN = "in"
    NONE = "none"
    OUT = "out"

    def __str__(self) -> str:
        return str(self.value)
