from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="OutputStoryboard")



@_attrs_define
class OutputStoryboard:
    """ a sprite sheet of a frame every interval seconds (storyboard_url) and a WebVTT track naming each tile as
    storyboard.jpg#xywh=x,y,w,h (storyboard_vtt_url), for scrubbing previews

        Attributes:
            interval (float | Unset): seconds between tiles; default gives at most 100 tiles, at least 1 s apart; at most
                1000 tiles
            columns (int | Unset):  Default: 10.
            width (int | Unset): tile width in pixels; the height keeps the output's aspect Default: 160.
     """

    interval: float | Unset = UNSET
    columns: int | Unset = 10
    width: int | Unset = 160
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        interval = self.interval

        columns = self.columns

        width = self.width


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if interval is not UNSET:
            field_dict["interval"] = interval
        if columns is not UNSET:
            field_dict["columns"] = columns
        if width is not UNSET:
            field_dict["width"] = width

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        interval = d.pop("interval", UNSET)

        columns = d.pop("columns", UNSET)

        width = d.pop("width", UNSET)

        output_storyboard = cls(
            interval=interval,
            columns=columns,
            width=width,
        )


        output_storyboard.additional_properties = d
        return output_storyboard

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
