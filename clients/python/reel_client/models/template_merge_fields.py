from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.merge_field_type_0 import MergeFieldType0
  from ..models.merge_field_type_1 import MergeFieldType1
  from ..models.merge_field_type_2 import MergeFieldType2
  from ..models.merge_field_type_3 import MergeFieldType3





T = TypeVar("T", bound="TemplateMergeFields")



@_attrs_define
class TemplateMergeFields:
    

    additional_properties: dict[str, MergeFieldType0 | MergeFieldType1 | MergeFieldType2 | MergeFieldType3] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.merge_field_type_0 import MergeFieldType0 # noqa: PLC0415
        from ..models.merge_field_type_1 import MergeFieldType1 # noqa: PLC0415
        from ..models.merge_field_type_2 import MergeFieldType2 # noqa: PLC0415
        from ..models.merge_field_type_3 import MergeFieldType3 # noqa: PLC0415
        
        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            
            if isinstance(prop, MergeFieldType0):
                field_dict[prop_name] = prop.to_dict()
            elif isinstance(prop, MergeFieldType1):
                field_dict[prop_name] = prop.to_dict()
            elif isinstance(prop, MergeFieldType2):
                field_dict[prop_name] = prop.to_dict()
            else:
                field_dict[prop_name] = prop.to_dict()



        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merge_field_type_0 import MergeFieldType0 # noqa: PLC0415
        from ..models.merge_field_type_1 import MergeFieldType1 # noqa: PLC0415
        from ..models.merge_field_type_2 import MergeFieldType2 # noqa: PLC0415
        from ..models.merge_field_type_3 import MergeFieldType3 # noqa: PLC0415
        d = dict(src_dict)
        template_merge_fields = cls(
        )


        additional_properties = {}
        for prop_name, prop_dict in d.items():
            def _parse_additional_property(data: object) -> MergeFieldType0 | MergeFieldType1 | MergeFieldType2 | MergeFieldType3:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_merge_field_type_0 = MergeFieldType0.from_dict(data)



                    return componentsschemas_merge_field_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_merge_field_type_1 = MergeFieldType1.from_dict(data)



                    return componentsschemas_merge_field_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_merge_field_type_2 = MergeFieldType2.from_dict(data)



                    return componentsschemas_merge_field_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_merge_field_type_3 = MergeFieldType3.from_dict(data)



                return componentsschemas_merge_field_type_3

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        template_merge_fields.additional_properties = additional_properties
        return template_merge_fields

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> MergeFieldType0 | MergeFieldType1 | MergeFieldType2 | MergeFieldType3:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: MergeFieldType0 | MergeFieldType1 | MergeFieldType2 | MergeFieldType3) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
