from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.overlay_animation_in_type import OverlayAnimationInType
from ..types import UNSET, Unset






T = TypeVar("T", bound="OverlayAnimationIn")



@_attrs_define
class OverlayAnimationIn:
    """ 
        Attributes:
            type_ (OverlayAnimationInType):
            duration (float | Unset):  Default: 0.5.
     """

    type_: OverlayAnimationInType
    duration: float | Unset = 0.5
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        duration = self.duration


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
        })
        if duration is not UNSET:
            field_dict["duration"] = duration

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = OverlayAnimationInType(d.pop("type"))




        duration = d.pop("duration", UNSET)

        overlay_animation_in = cls(
            type_=type_,
            duration=duration,
        )


        overlay_animation_in.additional_properties = d
        return overlay_animation_in

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
