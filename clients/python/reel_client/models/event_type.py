from enum import StrEnum

class EventType(StrEnum):
    COMPOSITION_CANCELLED = "composition.cancelled"
    COMPOSITION_COMPLETED = "composition.completed"
    COMPOSITION_DELETED = "composition.deleted"
    COMPOSITION_FAILED = "composition.failed"
    COMPOSITION_PROCESSING = "composition.processing"
    COMPOSITION_QUEUED = "composition.queued"
    COMPOSITION_RETRYING = "composition.retrying"

    def __str__(self) -> str:
        return str(self.value)
