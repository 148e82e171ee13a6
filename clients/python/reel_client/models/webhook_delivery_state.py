from enum import StrEnum

class WebhookDeliveryState(StrEnum):
    DELIVERED = "delivered"
    EXPIRED = "expired"
    GONE = "gone"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
