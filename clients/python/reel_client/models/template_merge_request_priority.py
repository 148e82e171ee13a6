from enum import StrEnum

class TemplateMergeRequestPriority(StrEnum):
    DEFAULT = "default"
    HIGH = "high"
    LOW = "low"

    def __str__(self) -> str:
        return str(self.value)
