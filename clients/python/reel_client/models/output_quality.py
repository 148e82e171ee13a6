from enum import StrEnum

class OutputQuality(StrEnum):
    DRAFT = "draft"
    HIGH = "high"
    LOW = "low"
    MEDIUM = "medium"

    def __str__(self) -> str:
        return str(self.value)
