from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import Literal, cast






T = TypeVar("T", bound="CancelCompositionResponse200")



@_attrs_define
class CancelCompositionResponse200:
    """ 
        Attributes:
            composition_id (str | Unset):
            status (Literal['cancelled'] | Unset):
            message (str | Unset):
            cancelled_at (str | Unset):
     """

    composition_id: str | Unset = UNSET
    status: Literal['cancelled'] | Unset = UNSET
    message: str | Unset = UNSET
    cancelled_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        composition_id = self.composition_id

        status = self.status

        message = self.message

        cancelled_at = self.cancelled_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if composition_id is not UNSET:
            field_dict["composition_id"] = composition_id
        if status is not UNSET:
            field_dict["status"] = status
        if message is not UNSET:
            field_dict["message"] = message
        if cancelled_at is not UNSET:
            field_dict["cancelled_at"] = cancelled_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        composition_id = d.pop("composition_id", UNSET)

        status = cast(Literal['cancelled'] | Unset , d.pop("status", UNSET))
        if status != 'cancelled'and not isinstance(status, Unset):
            raise ValueError(f"status must match const 'cancelled', got '{status}'")

        message = d.pop("message", UNSET)

        cancelled_at = d.pop("cancelled_at", UNSET)

        cancel_composition_response_200 = cls(
            composition_id=composition_id,
            status=status,
            message=message,
            cancelled_at=cancelled_at,
        )


        cancel_composition_response_200.additional_properties = d
        return cancel_composition_response_200

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
