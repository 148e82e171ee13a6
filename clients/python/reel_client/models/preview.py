from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.preview_format import PreviewFormat
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.preview_frames_item import PreviewFramesItem





T = TypeVar("T", bound="Preview")



@_attrs_define
class Preview:
    """ 
        Attributes:
            frames (list[PreviewFramesItem]):
            width (int):
            height (int):
            format_ (PreviewFormat):
            cached (bool):
            warnings (list[str] | Unset):
     """

    frames: list[PreviewFramesItem]
    width: int
    height: int
    format_: PreviewFormat
    cached: bool
    warnings: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.preview_frames_item import PreviewFramesItem # noqa: PLC0415
        frames = []
        for frames_item_data in self.frames:
            frames_item = frames_item_data.to_dict()
            frames.append(frames_item)



        width = self.width

        height = self.height

        format_ = self.format_.value

        cached = self.cached

        warnings: list[str] | Unset = UNSET
        if not isinstance(self.warnings, Unset):
            warnings = self.warnings




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "frames": frames,
            "width": width,
            "height": height,
            "format": format_,
            "cached": cached,
        })
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preview_frames_item import PreviewFramesItem # noqa: PLC0415
        d = dict(src_dict)
        frames = []
        _frames = d.pop("frames")
        for frames_item_data in (_frames):
            frames_item = PreviewFramesItem.from_dict(frames_item_data)



            frames.append(frames_item)


        width = d.pop("width")

        height = d.pop("height")

        format_ = PreviewFormat(d.pop("format"))




        cached = d.pop("cached")

        warnings = cast(list[str], d.pop("warnings", UNSET))


        preview = cls(
            frames=frames,
            width=width,
            height=height,
            format_=format_,
            cached=cached,
            warnings=warnings,
        )


        preview.additional_properties = d
        return preview

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
