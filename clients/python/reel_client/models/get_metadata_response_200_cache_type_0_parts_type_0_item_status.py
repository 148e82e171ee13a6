from enum import StrEnum

class GetMetadataResponse200CacheType0PartsType0ItemStatus(StrEnum):
    DONE = "done"
    FAILED = "failed"
    QUEUED = "queued"
    RUNNING = "running"

    def __str__(self) -> str:
        return str(self.value)
