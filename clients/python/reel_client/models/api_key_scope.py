from enum import StrEnum

class APIKeyScope(StrEnum):
    ADMIN = "admin"
    METRICS = "metrics"
    READ = "read"
    WRITE = "write"

    def __str__(self) -> str:
        return str(self.value)
