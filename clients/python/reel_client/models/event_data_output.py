from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="EventDataOutput")



@_attrs_define
class EventDataOutput:
    """ 
        Attributes:
            format_ (str | Unset):
            duration (float | Unset):
            size_bytes (int | Unset):
            width (int | Unset):
            height (int | Unset):
     """

    format_: str | Unset = UNSET
    duration: float | Unset = UNSET
    size_bytes: int | Unset = UNSET
    width: int | Unset = UNSET
    height: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        format_ = self.format_

        duration = self.duration

        size_bytes = self.size_bytes

        width = self.width

        height = self.height


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if format_ is not UNSET:
            field_dict["format"] = format_
        if duration is not UNSET:
            field_dict["duration"] = duration
        if size_bytes is not UNSET:
            field_dict["size_bytes"] = size_bytes
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        format_ = d.pop("format", UNSET)

        duration = d.pop("duration", UNSET)

        size_bytes = d.pop("size_bytes", UNSET)

        width = d.pop("width", UNSET)

        height = d.pop("height", UNSET)

        event_data_output = cls(
            format_=format_,
            duration=duration,
            size_bytes=size_bytes,
            width=width,
            height=height,
        )


        event_data_output.additional_properties = d
        return event_data_output

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
