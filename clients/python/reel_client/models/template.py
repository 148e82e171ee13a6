from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.template_composition import TemplateComposition
  from ..models.template_links import TemplateLinks
  from ..models.template_merge_fields import TemplateMergeFields





T = TypeVar("T", bound="Template")



@_attrs_define
class Template:
    """ 
        Attributes:
            id (UUID):
            name (str):
            composition (TemplateComposition):
            merge_fields (TemplateMergeFields):
            description (None | str | Unset):
            created_at (datetime.datetime | Unset):
            updated_at (datetime.datetime | Unset):
            links (TemplateLinks | Unset):
     """

    id: UUID
    name: str
    composition: TemplateComposition
    merge_fields: TemplateMergeFields
    description: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    links: TemplateLinks | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.template_composition import TemplateComposition # noqa: PLC0415
        from ..models.template_links import TemplateLinks # noqa: PLC0415
        from ..models.template_merge_fields import TemplateMergeFields # noqa: PLC0415
        id = str(self.id)

        name = self.name

        composition = self.composition.to_dict()

        merge_fields = self.merge_fields.to_dict()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "composition": composition,
            "merge_fields": merge_fields,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.template_composition import TemplateComposition # noqa: PLC0415
        from ..models.template_links import TemplateLinks # noqa: PLC0415
        from ..models.template_merge_fields import TemplateMergeFields # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        name = d.pop("name")

        composition = TemplateComposition.from_dict(d.pop("composition"))




        merge_fields = TemplateMergeFields.from_dict(d.pop("merge_fields"))




        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at,  Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)




        _links = d.pop("links", UNSET)
        links: TemplateLinks | Unset
        if isinstance(_links,  Unset):
            links = UNSET
        else:
            links = TemplateLinks.from_dict(_links)




        template = cls(
            id=id,
            name=name,
            composition=composition,
            merge_fields=merge_fields,
            description=description,
            created_at=created_at,
            updated_at=updated_at,
            links=links,
        )


        template.additional_properties = d
        return template

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
