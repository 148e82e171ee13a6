from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="WebhookDeliveryAttemptsItem")



@_attrs_define
class WebhookDeliveryAttemptsItem:
    """ 
        Attributes:
            number (int):
            at (datetime.datetime):
            duration_ms (int):
            status_code (int | Unset):
            error (str | Unset):
     """

    number: int
    at: datetime.datetime
    duration_ms: int
    status_code: int | Unset = UNSET
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        number = self.number

        at = self.at.isoformat()

        duration_ms = self.duration_ms

        status_code = self.status_code

        error = self.error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "number": number,
            "at": at,
            "duration_ms": duration_ms,
        })
        if status_code is not UNSET:
            field_dict["status_code"] = status_code
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        duration_ms = d.pop("duration_ms")

        status_code = d.pop("status_code", UNSET)

        error = d.pop("error", UNSET)

        webhook_delivery_attempts_item = cls(
            number=number,
            at=at,
            duration_ms=duration_ms,
            status_code=status_code,
            error=error,
        )


        webhook_delivery_attempts_item.additional_properties = d
        return webhook_delivery_attempts_item

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
