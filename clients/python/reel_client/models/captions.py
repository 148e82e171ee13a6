from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.captions_cues_item import CaptionsCuesItem
  from ..models.captions_style import CaptionsStyle





T = TypeVar("T", bound="Captions")



@_attrs_define
class Captions:
    """ cues from an SRT or WebVTT file (url) or inline (cues), not both; burned into the picture and/or stored as a WebVTT
    sidecar (its link is captions_url in /download); a cue shows on the frames from start up to end

        Attributes:
            url (str | Unset): an SRT or WebVTT file; an uploaded one that cannot be read is 422 naming the cue and line
            cues (list[CaptionsCuesItem] | Unset):
            burn (bool | Unset):  Default: True.
            sidecar (bool | Unset):  Default: False.
            style (CaptionsStyle | Unset):
     """

    url: str | Unset = UNSET
    cues: list[CaptionsCuesItem] | Unset = UNSET
    burn: bool | Unset = True
    sidecar: bool | Unset = False
    style: CaptionsStyle | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.captions_cues_item import CaptionsCuesItem # noqa: PLC0415
        from ..models.captions_style import CaptionsStyle # noqa: PLC0415
        url = self.url

        cues: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.cues, Unset):
            cues = []
            for cues_item_data in self.cues:
                cues_item = cues_item_data.to_dict()
                cues.append(cues_item)



        burn = self.burn

        sidecar = self.sidecar

        style: dict[str, Any] | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if url is not UNSET:
            field_dict["url"] = url
        if cues is not UNSET:
            field_dict["cues"] = cues
        if burn is not UNSET:
            field_dict["burn"] = burn
        if sidecar is not UNSET:
            field_dict["sidecar"] = sidecar
        if style is not UNSET:
            field_dict["style"] = style

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.captions_cues_item import CaptionsCuesItem # noqa: PLC0415
        from ..models.captions_style import CaptionsStyle # noqa: PLC0415
        d = dict(src_dict)
        url = d.pop("url", UNSET)

        _cues = d.pop("cues", UNSET)
        cues: list[CaptionsCuesItem] | Unset = UNSET
        if _cues is not UNSET:
            cues = []
            for cues_item_data in _cues:
                cues_item = CaptionsCuesItem.from_dict(cues_item_data)



                cues.append(cues_item)


        burn = d.pop("burn", UNSET)

        sidecar = d.pop("sidecar", UNSET)

        _style = d.pop("style", UNSET)
        style: CaptionsStyle | Unset
        if isinstance(_style,  Unset):
            style = UNSET
        else:
            style = CaptionsStyle.from_dict(_style)




        captions = cls(
            url=url,
            cues=cues,
            burn=burn,
            sidecar=sidecar,
            style=style,
        )


        captions.additional_properties = d
        return captions

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
