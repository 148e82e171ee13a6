from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="OverlayChromaKey")



@_attrs_define
class OverlayChromaKey:
    """ image and video overlays: pixels near color become transparent (green screen)

        Attributes:
            color (str | Unset):  Default: '#00FF00'.
            similarity (float | Unset):  Default: 0.3.
            blend (float | Unset):  Default: 0.1.
     """

    color: str | Unset = '#00FF00'
    similarity: float | Unset = 0.3
    blend: float | Unset = 0.1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        color = self.color

        similarity = self.similarity

        blend = self.blend


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if color is not UNSET:
            field_dict["color"] = color
        if similarity is not UNSET:
            field_dict["similarity"] = similarity
        if blend is not UNSET:
            field_dict["blend"] = blend

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        color = d.pop("color", UNSET)

        similarity = d.pop("similarity", UNSET)

        blend = d.pop("blend", UNSET)

        overlay_chroma_key = cls(
            color=color,
            similarity=similarity,
            blend=blend,
        )


        overlay_chroma_key.additional_properties = d
        return overlay_chroma_key

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
