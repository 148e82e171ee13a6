from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.captions_style_position import CaptionsStylePosition
from ..types import UNSET, Unset






T = TypeVar("T", bound="CaptionsStyle")



@_attrs_define
class CaptionsStyle:
    """ 
        Attributes:
            font_size (int | Unset): pixels; default 1/18 of the output height
            font_color (str | Unset):  Default: 'white'.
            outline_color (str | Unset):  Default: 'black'.
            outline (float | Unset):  Default: 2.0.
            background_color (str | Unset): a box behind the text instead of the outline
            position (CaptionsStylePosition | Unset):  Default: CaptionsStylePosition.BOTTOM_CENTER.
            max_width (float | Unset): widest line as a fraction of the width; longer text wraps Default: 0.9.
     """

    font_size: int | Unset = UNSET
    font_color: str | Unset = 'white'
    outline_color: str | Unset = 'black'
    outline: float | Unset = 2.0
    background_color: str | Unset = UNSET
    position: CaptionsStylePosition | Unset = CaptionsStylePosition.BOTTOM_CENTER
    max_width: float | Unset = 0.9
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        font_size = self.font_size

        font_color = self.font_color

        outline_color = self.outline_color

        outline = self.outline

        background_color = self.background_color

        position: str | Unset = UNSET
        if not isinstance(self.position, Unset):
            position = self.position.value


        max_width = self.max_width


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if font_size is not UNSET:
            field_dict["font_size"] = font_size
        if font_color is not UNSET:
            field_dict["font_color"] = font_color
        if outline_color is not UNSET:
            field_dict["outline_color"] = outline_color
        if outline is not UNSET:
            field_dict["outline"] = outline
        if background_color is not UNSET:
            field_dict["background_color"] = background_color
        if position is not UNSET:
            field_dict["position"] = position
        if max_width is not UNSET:
            field_dict["max_width"] = max_width

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        font_size = d.pop("font_size", UNSET)

        font_color = d.pop("font_color", UNSET)

        outline_color = d.pop("outline_color", UNSET)

        outline = d.pop("outline", UNSET)

        background_color = d.pop("background_color", UNSET)

        _position = d.pop("position", UNSET)
        position: CaptionsStylePosition | Unset
        if isinstance(_position,  Unset):
            position = UNSET
        else:
            position = CaptionsStylePosition(_position)




        max_width = d.pop("max_width", UNSET)

        captions_style = cls(
            font_size=font_size,
            font_color=font_color,
            outline_color=outline_color,
            outline=outline,
            background_color=background_color,
            position=position,
            max_width=max_width,
        )


        captions_style.additional_properties = d
        return captions_style

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
