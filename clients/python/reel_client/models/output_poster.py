from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.output_poster_format import OutputPosterFormat
from ..types import UNSET, Unset






T = TypeVar("T", bound="OutputPoster")



@_attrs_define
class OutputPoster:
    """ a still of the video stored beside it; its link is poster_url in /download

        Attributes:
            time (float | Unset): seconds into the video, before its end; the middle when absent
            format_ (OutputPosterFormat | Unset):  Default: OutputPosterFormat.JPG.
     """

    time: float | Unset = UNSET
    format_: OutputPosterFormat | Unset = OutputPosterFormat.JPG
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        time = self.time

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if time is not UNSET:
            field_dict["time"] = time
        if format_ is not UNSET:
            field_dict["format"] = format_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        time = d.pop("time", UNSET)

        _format_ = d.pop("format", UNSET)
        format_: OutputPosterFormat | Unset
        if isinstance(_format_,  Unset):
            format_ = UNSET
        else:
            format_ = OutputPosterFormat(_format_)




        output_poster = cls(
            time=time,
            format_=format_,
        )


        output_poster.additional_properties = d
        return output_poster

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
