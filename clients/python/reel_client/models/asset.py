from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Asset")



@_attrs_define
class Asset:
    """ 
        Attributes:
            id (UUID):
            url (str): asset://ID, for compositions
            size_bytes (int):
            content_type (str):
            sha256 (str):
            created_at (datetime.datetime):
            duration (float | None): seconds, as ffprobe read it; null for a still or a file that is not media
            width (int | None):
            height (int | None):
            thumbnail_url (None | str): a signed, expiring link to a JPEG at most 320 px wide of a picture or video
     """

    id: UUID
    url: str
    size_bytes: int
    content_type: str
    sha256: str
    created_at: datetime.datetime
    duration: float | None
    width: int | None
    height: int | None
    thumbnail_url: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        url = self.url

        size_bytes = self.size_bytes

        content_type = self.content_type

        sha256 = self.sha256

        created_at = self.created_at.isoformat()

        duration: float | None
        duration = self.duration

        width: int | None
        width = self.width

        height: int | None
        height = self.height

        thumbnail_url: None | str
        thumbnail_url = self.thumbnail_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "url": url,
            "size_bytes": size_bytes,
            "content_type": content_type,
            "sha256": sha256,
            "created_at": created_at,
            "duration": duration,
            "width": width,
            "height": height,
            "thumbnail_url": thumbnail_url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        url = d.pop("url")

        size_bytes = d.pop("size_bytes")

        content_type = d.pop("content_type")

        sha256 = d.pop("sha256")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_duration(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        duration = _parse_duration(d.pop("duration"))


        def _parse_width(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        width = _parse_width(d.pop("width"))


        def _parse_height(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        height = _parse_height(d.pop("height"))


        def _parse_thumbnail_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        thumbnail_url = _parse_thumbnail_url(d.pop("thumbnail_url"))


        asset = cls(
            id=id,
            url=url,
            size_bytes=size_bytes,
            content_type=content_type,
            sha256=sha256,
            created_at=created_at,
            duration=duration,
            width=width,
            height=height,
            thumbnail_url=thumbnail_url,
        )


        asset.additional_properties = d
        return asset

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
