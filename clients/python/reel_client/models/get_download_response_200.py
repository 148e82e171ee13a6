from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.get_download_response_200_renditions_item import GetDownloadResponse200RenditionsItem





T = TypeVar("T", bound="GetDownloadResponse200")



@_attrs_define
class GetDownloadResponse200:
    """ 
        Attributes:
            composition_id (str | Unset):
            download_url (str | Unset):
            expires_at (str | Unset):
            file_size_bytes (int | Unset): for HLS, every file the master playlist leads to, together
            format_ (str | Unset):
            filename (str | Unset):
            draft (bool | Unset): present and true when the output is a draft (output.quality draft)
            thumbnail_url (None | str | Unset):
            captions_url (str | Unset): the WebVTT sidecar, when captions.sidecar was true
            poster_url (str | Unset):
            storyboard_url (str | Unset):
            storyboard_vtt_url (str | Unset):
            renditions (list[GetDownloadResponse200RenditionsItem] | Unset): mp4 with renditions: every size's link, largest
                first
     """

    composition_id: str | Unset = UNSET
    download_url: str | Unset = UNSET
    expires_at: str | Unset = UNSET
    file_size_bytes: int | Unset = UNSET
    format_: str | Unset = UNSET
    filename: str | Unset = UNSET
    draft: bool | Unset = UNSET
    thumbnail_url: None | str | Unset = UNSET
    captions_url: str | Unset = UNSET
    poster_url: str | Unset = UNSET
    storyboard_url: str | Unset = UNSET
    storyboard_vtt_url: str | Unset = UNSET
    renditions: list[GetDownloadResponse200RenditionsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.get_download_response_200_renditions_item import GetDownloadResponse200RenditionsItem # noqa: PLC0415
        composition_id = self.composition_id

        download_url = self.download_url

        expires_at = self.expires_at

        file_size_bytes = self.file_size_bytes

        format_ = self.format_

        filename = self.filename

        draft = self.draft

        thumbnail_url: None | str | Unset
        if isinstance(self.thumbnail_url, Unset):
            thumbnail_url = UNSET
        else:
            thumbnail_url = self.thumbnail_url

        captions_url = self.captions_url

        poster_url = self.poster_url

        storyboard_url = self.storyboard_url

        storyboard_vtt_url = self.storyboard_vtt_url

        renditions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.renditions, Unset):
            renditions = []
            for renditions_item_data in self.renditions:
                renditions_item = renditions_item_data.to_dict()
                renditions.append(renditions_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if composition_id is not UNSET:
            field_dict["composition_id"] = composition_id
        if download_url is not UNSET:
            field_dict["download_url"] = download_url
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if file_size_bytes is not UNSET:
            field_dict["file_size_bytes"] = file_size_bytes
        if format_ is not UNSET:
            field_dict["format"] = format_
        if filename is not UNSET:
            field_dict["filename"] = filename
        if draft is not UNSET:
            field_dict["draft"] = draft
        if thumbnail_url is not UNSET:
            field_dict["thumbnail_url"] = thumbnail_url
        if captions_url is not UNSET:
            field_dict["captions_url"] = captions_url
        if poster_url is not UNSET:
            field_dict["poster_url"] = poster_url
        if storyboard_url is not UNSET:
            field_dict["storyboard_url"] = storyboard_url
        if storyboard_vtt_url is not UNSET:
            field_dict["storyboard_vtt_url"] = storyboard_vtt_url
        if renditions is not UNSET:
            field_dict["renditions"] = renditions

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_download_response_200_renditions_item import GetDownloadResponse200RenditionsItem # noqa: PLC0415
        d = dict(src_dict)
        composition_id = d.pop("composition_id", UNSET)

        download_url = d.pop("download_url", UNSET)

        expires_at = d.pop("expires_at", UNSET)

        file_size_bytes = d.pop("file_size_bytes", UNSET)

        format_ = d.pop("format", UNSET)

        filename = d.pop("filename", UNSET)

        draft = d.pop("draft", UNSET)

        def _parse_thumbnail_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        thumbnail_url = _parse_thumbnail_url(d.pop("thumbnail_url", UNSET))


        captions_url = d.pop("captions_url", UNSET)

        poster_url = d.pop("poster_url", UNSET)

        storyboard_url = d.pop("storyboard_url", UNSET)

        storyboard_vtt_url = d.pop("storyboard_vtt_url", UNSET)

        _renditions = d.pop("renditions", UNSET)
        renditions: list[GetDownloadResponse200RenditionsItem] | Unset = UNSET
        if _renditions is not UNSET:
            renditions = []
            for renditions_item_data in _renditions:
                renditions_item = GetDownloadResponse200RenditionsItem.from_dict(renditions_item_data)



                renditions.append(renditions_item)


        get_download_response_200 = cls(
            composition_id=composition_id,
            download_url=download_url,
            expires_at=expires_at,
            file_size_bytes=file_size_bytes,
            format_=format_,
            filename=filename,
            draft=draft,
            thumbnail_url=thumbnail_url,
            captions_url=captions_url,
            poster_url=poster_url,
            storyboard_url=storyboard_url,
            storyboard_vtt_url=storyboard_vtt_url,
            renditions=renditions,
        )


        get_download_response_200.additional_properties = d
        return get_download_response_200

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
