from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.template_request_composition import TemplateRequestComposition
  from ..models.template_request_merge_fields import TemplateRequestMergeFields





T = TypeVar("T", bound="TemplateRequest")



@_attrs_define
class TemplateRequest:
    """ 
        Attributes:
            name (str):
            composition (TemplateRequestComposition): a composition (as POSTed to /api/v1/compositions) whose strings may
                hold {{NAME}} placeholders; every NAME must be a merge field
            description (None | str | Unset):
            merge_fields (TemplateRequestMergeFields | Unset):
     """

    name: str
    composition: TemplateRequestComposition
    description: None | str | Unset = UNSET
    merge_fields: TemplateRequestMergeFields | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.template_request_composition import TemplateRequestComposition # noqa: PLC0415
        from ..models.template_request_merge_fields import TemplateRequestMergeFields # noqa: PLC0415
        name = self.name

        composition = self.composition.to_dict()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        merge_fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.merge_fields, Unset):
            merge_fields = self.merge_fields.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "composition": composition,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if merge_fields is not UNSET:
            field_dict["merge_fields"] = merge_fields

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.template_request_composition import TemplateRequestComposition # noqa: PLC0415
        from ..models.template_request_merge_fields import TemplateRequestMergeFields # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        composition = TemplateRequestComposition.from_dict(d.pop("composition"))




        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        _merge_fields = d.pop("merge_fields", UNSET)
        merge_fields: TemplateRequestMergeFields | Unset
        if isinstance(_merge_fields,  Unset):
            merge_fields = UNSET
        else:
            merge_fields = TemplateRequestMergeFields.from_dict(_merge_fields)




        template_request = cls(
            name=name,
            composition=composition,
            description=description,
            merge_fields=merge_fields,
        )


        template_request.additional_properties = d
        return template_request

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
