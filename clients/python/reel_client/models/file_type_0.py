from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FileType0")



@_attrs_define
class FileType0:
    """ 
        Attributes:
            url (str | Unset):
            format_ (str | Unset):
            size_bytes (int | Unset):
            duration_seconds (float | Unset):
            resolution (None | str | Unset):
            bitrate (int | None | Unset):
            fps (float | None | Unset):
            codec (None | str | Unset):
            audio_codec (None | str | Unset):
            has_audio (bool | Unset):
     """

    url: str | Unset = UNSET
    format_: str | Unset = UNSET
    size_bytes: int | Unset = UNSET
    duration_seconds: float | Unset = UNSET
    resolution: None | str | Unset = UNSET
    bitrate: int | None | Unset = UNSET
    fps: float | None | Unset = UNSET
    codec: None | str | Unset = UNSET
    audio_codec: None | str | Unset = UNSET
    has_audio: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        url = self.url

        format_ = self.format_

        size_bytes = self.size_bytes

        duration_seconds = self.duration_seconds

        resolution: None | str | Unset
        if isinstance(self.resolution, Unset):
            resolution = UNSET
        else:
            resolution = self.resolution

        bitrate: int | None | Unset
        if isinstance(self.bitrate, Unset):
            bitrate = UNSET
        else:
            bitrate = self.bitrate

        fps: float | None | Unset
        if isinstance(self.fps, Unset):
            fps = UNSET
        else:
            fps = self.fps

        codec: None | str | Unset
        if isinstance(self.codec, Unset):
            codec = UNSET
        else:
            codec = self.codec

        audio_codec: None | str | Unset
        if isinstance(self.audio_codec, Unset):
            audio_codec = UNSET
        else:
            audio_codec = self.audio_codec

        has_audio = self.has_audio


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if url is not UNSET:
            field_dict["url"] = url
        if format_ is not UNSET:
            field_dict["format"] = format_
        if size_bytes is not UNSET:
            field_dict["size_bytes"] = size_bytes
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if bitrate is not UNSET:
            field_dict["bitrate"] = bitrate
        if fps is not UNSET:
            field_dict["fps"] = fps
        if codec is not UNSET:
            field_dict["codec"] = codec
        if audio_codec is not UNSET:
            field_dict["audio_codec"] = audio_codec
        if has_audio is not UNSET:
            field_dict["has_audio"] = has_audio

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url", UNSET)

        format_ = d.pop("format", UNSET)

        size_bytes = d.pop("size_bytes", UNSET)

        duration_seconds = d.pop("duration_seconds", UNSET)

        def _parse_resolution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))


        def _parse_bitrate(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bitrate = _parse_bitrate(d.pop("bitrate", UNSET))


        def _parse_fps(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        fps = _parse_fps(d.pop("fps", UNSET))


        def _parse_codec(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        codec = _parse_codec(d.pop("codec", UNSET))


        def _parse_audio_codec(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        audio_codec = _parse_audio_codec(d.pop("audio_codec", UNSET))


        has_audio = d.pop("has_audio", UNSET)

        file_type_0 = cls(
            url=url,
            format_=format_,
            size_bytes=size_bytes,
            duration_seconds=duration_seconds,
            resolution=resolution,
            bitrate=bitrate,
            fps=fps,
            codec=codec,
            audio_codec=audio_codec,
            has_audio=has_audio,
        )


        file_type_0.additional_properties = d
        return file_type_0

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
