from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CancelAllResponse200")



@_attrs_define
class CancelAllResponse200:
    """ 
        Attributes:
            cancelled_count (int | Unset):
            failed_count (int | Unset):
            cancelled_ids (list[str] | Unset):
            failed_ids (list[str] | Unset):
            message (str | Unset):
     """

    cancelled_count: int | Unset = UNSET
    failed_count: int | Unset = UNSET
    cancelled_ids: list[str] | Unset = UNSET
    failed_ids: list[str] | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cancelled_count = self.cancelled_count

        failed_count = self.failed_count

        cancelled_ids: list[str] | Unset = UNSET
        if not isinstance(self.cancelled_ids, Unset):
            cancelled_ids = self.cancelled_ids



        failed_ids: list[str] | Unset = UNSET
        if not isinstance(self.failed_ids, Unset):
            failed_ids = self.failed_ids



        message = self.message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if cancelled_count is not UNSET:
            field_dict["cancelled_count"] = cancelled_count
        if failed_count is not UNSET:
            field_dict["failed_count"] = failed_count
        if cancelled_ids is not UNSET:
            field_dict["cancelled_ids"] = cancelled_ids
        if failed_ids is not UNSET:
            field_dict["failed_ids"] = failed_ids
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cancelled_count = d.pop("cancelled_count", UNSET)

        failed_count = d.pop("failed_count", UNSET)

        cancelled_ids = cast(list[str], d.pop("cancelled_ids", UNSET))


        failed_ids = cast(list[str], d.pop("failed_ids", UNSET))


        message = d.pop("message", UNSET)

        cancel_all_response_200 = cls(
            cancelled_count=cancelled_count,
            failed_count=failed_count,
            cancelled_ids=cancelled_ids,
            failed_ids=failed_ids,
            message=message,
        )


        cancel_all_response_200.additional_properties = d
        return cancel_all_response_200

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
