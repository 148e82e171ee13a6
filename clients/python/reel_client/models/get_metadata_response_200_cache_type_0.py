from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.get_metadata_response_200_cache_type_0_parts_type_0_item import GetMetadataResponse200CacheType0PartsType0Item





T = TypeVar("T", bound="GetMetadataResponse200CacheType0")



@_attrs_define
class GetMetadataResponse200CacheType0:
    """ what the render cache reused; null when it was not consulted (cache off, or a request with cache false)

        Attributes:
            key (str): the output's content key (SHA-256)
            output_reused (bool):
            segments_reused (int):
            segments_rendered (int):
            audio_reused (bool | None | Unset):
            parts (list[GetMetadataResponse200CacheType0PartsType0Item] | None | Unset): the parts queued for any worker
                when the render was shared (segments in order, then the audio pass at position -1)
     """

    key: str
    output_reused: bool
    segments_reused: int
    segments_rendered: int
    audio_reused: bool | None | Unset = UNSET
    parts: list[GetMetadataResponse200CacheType0PartsType0Item] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.get_metadata_response_200_cache_type_0_parts_type_0_item import GetMetadataResponse200CacheType0PartsType0Item # noqa: PLC0415
        key = self.key

        output_reused = self.output_reused

        segments_reused = self.segments_reused

        segments_rendered = self.segments_rendered

        audio_reused: bool | None | Unset
        if isinstance(self.audio_reused, Unset):
            audio_reused = UNSET
        else:
            audio_reused = self.audio_reused

        parts: list[dict[str, Any]] | None | Unset
        if isinstance(self.parts, Unset):
            parts = UNSET
        elif isinstance(self.parts, list):
            parts = []
            for parts_type_0_item_data in self.parts:
                parts_type_0_item = parts_type_0_item_data.to_dict()
                parts.append(parts_type_0_item)


        else:
            parts = self.parts


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "key": key,
            "output_reused": output_reused,
            "segments_reused": segments_reused,
            "segments_rendered": segments_rendered,
        })
        if audio_reused is not UNSET:
            field_dict["audio_reused"] = audio_reused
        if parts is not UNSET:
            field_dict["parts"] = parts

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_metadata_response_200_cache_type_0_parts_type_0_item import GetMetadataResponse200CacheType0PartsType0Item # noqa: PLC0415
        d = dict(src_dict)
        key = d.pop("key")

        output_reused = d.pop("output_reused")

        segments_reused = d.pop("segments_reused")

        segments_rendered = d.pop("segments_rendered")

        def _parse_audio_reused(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        audio_reused = _parse_audio_reused(d.pop("audio_reused", UNSET))


        def _parse_parts(data: object) -> list[GetMetadataResponse200CacheType0PartsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                parts_type_0 = []
                _parts_type_0 = data
                for parts_type_0_item_data in (_parts_type_0):
                    parts_type_0_item = GetMetadataResponse200CacheType0PartsType0Item.from_dict(parts_type_0_item_data)



                    parts_type_0.append(parts_type_0_item)

                return parts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[GetMetadataResponse200CacheType0PartsType0Item] | None | Unset, data)

        parts = _parse_parts(d.pop("parts", UNSET))


        get_metadata_response_200_cache_type_0 = cls(
            key=key,
            output_reused=output_reused,
            segments_reused=segments_reused,
            segments_rendered=segments_rendered,
            audio_reused=audio_reused,
            parts=parts,
        )


        get_metadata_response_200_cache_type_0.additional_properties = d
        return get_metadata_response_200_cache_type_0

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
