from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import Literal, cast






T = TypeVar("T", bound="MergeFieldType3")



@_attrs_define
class MergeFieldType3:
    """ 
        Attributes:
            type_ (Literal['color']):
            default (str | Unset): used when a merge leaves the field out; without one the field is required
            description (str | Unset):
     """

    type_: Literal['color']
    default: str | Unset = UNSET
    description: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        default = self.default

        description = self.description


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "type": type_,
        })
        if default is not UNSET:
            field_dict["default"] = default
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal['color'] , d.pop("type"))
        if type_ != 'color':
            raise ValueError(f"type must match const 'color', got '{type_}'")

        default = d.pop("default", UNSET)

        description = d.pop("description", UNSET)

        merge_field_type_3 = cls(
            type_=type_,
            default=default,
            description=description,
        )

        return merge_field_type_3

