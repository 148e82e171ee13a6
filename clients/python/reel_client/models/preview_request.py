from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.preview_request_format import PreviewRequestFormat
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.composition_request import CompositionRequest
  from ..models.preview_request_merge import PreviewRequestMerge





T = TypeVar("T", bound="PreviewRequest")



@_attrs_define
class PreviewRequest:
    """ exactly one of composition, composition_id, template_id (with merge); time or times

        Attributes:
            composition (CompositionRequest | Unset):
            composition_id (UUID | Unset):
            template_id (UUID | Unset):
            merge (PreviewRequestMerge | Unset): with template_id: values for its merge fields
            time (float | Unset): seconds into the timeline, before its end
            times (list[float] | Unset):
            width (int | Unset): pixels, at most the output's width; default 640 for one frame, 320 for a sheet's tiles
            format_ (PreviewRequestFormat | Unset):  Default: PreviewRequestFormat.JPG.
     """

    composition: CompositionRequest | Unset = UNSET
    composition_id: UUID | Unset = UNSET
    template_id: UUID | Unset = UNSET
    merge: PreviewRequestMerge | Unset = UNSET
    time: float | Unset = UNSET
    times: list[float] | Unset = UNSET
    width: int | Unset = UNSET
    format_: PreviewRequestFormat | Unset = PreviewRequestFormat.JPG
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.composition_request import CompositionRequest # noqa: PLC0415
        from ..models.preview_request_merge import PreviewRequestMerge # noqa: PLC0415
        composition: dict[str, Any] | Unset = UNSET
        if not isinstance(self.composition, Unset):
            composition = self.composition.to_dict()

        composition_id: str | Unset = UNSET
        if not isinstance(self.composition_id, Unset):
            composition_id = str(self.composition_id)

        template_id: str | Unset = UNSET
        if not isinstance(self.template_id, Unset):
            template_id = str(self.template_id)

        merge: dict[str, Any] | Unset = UNSET
        if not isinstance(self.merge, Unset):
            merge = self.merge.to_dict()

        time = self.time

        times: list[float] | Unset = UNSET
        if not isinstance(self.times, Unset):
            times = self.times



        width = self.width

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if composition is not UNSET:
            field_dict["composition"] = composition
        if composition_id is not UNSET:
            field_dict["composition_id"] = composition_id
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if merge is not UNSET:
            field_dict["merge"] = merge
        if time is not UNSET:
            field_dict["time"] = time
        if times is not UNSET:
            field_dict["times"] = times
        if width is not UNSET:
            field_dict["width"] = width
        if format_ is not UNSET:
            field_dict["format"] = format_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.composition_request import CompositionRequest # noqa: PLC0415
        from ..models.preview_request_merge import PreviewRequestMerge # noqa: PLC0415
        d = dict(src_dict)
        _composition = d.pop("composition", UNSET)
        composition: CompositionRequest | Unset
        if isinstance(_composition,  Unset):
            composition = UNSET
        else:
            composition = CompositionRequest.from_dict(_composition)




        _composition_id = d.pop("composition_id", UNSET)
        composition_id: UUID | Unset
        if isinstance(_composition_id,  Unset):
            composition_id = UNSET
        else:
            composition_id = UUID(_composition_id)




        _template_id = d.pop("template_id", UNSET)
        template_id: UUID | Unset
        if isinstance(_template_id,  Unset):
            template_id = UNSET
        else:
            template_id = UUID(_template_id)




        _merge = d.pop("merge", UNSET)
        merge: PreviewRequestMerge | Unset
        if isinstance(_merge,  Unset):
            merge = UNSET
        else:
            merge = PreviewRequestMerge.from_dict(_merge)




        time = d.pop("time", UNSET)

        times = cast(list[float], d.pop("times", UNSET))


        width = d.pop("width", UNSET)

        _format_ = d.pop("format", UNSET)
        format_: PreviewRequestFormat | Unset
        if isinstance(_format_,  Unset):
            format_ = UNSET
        else:
            format_ = PreviewRequestFormat(_format_)




        preview_request = cls(
            composition=composition,
            composition_id=composition_id,
            template_id=template_id,
            merge=merge,
            time=time,
            times=times,
            width=width,
            format_=format_,
        )


        preview_request.additional_properties = d
        return preview_request

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
