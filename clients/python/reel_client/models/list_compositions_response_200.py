from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.composition import Composition





T = TypeVar("T", bound="ListCompositionsResponse200")



@_attrs_define
class ListCompositionsResponse200:
    """ 
        Attributes:
            compositions (list[Composition]):
            total (int):
            offset (int):
            limit (int):
     """

    compositions: list[Composition]
    total: int
    offset: int
    limit: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.composition import Composition # noqa: PLC0415
        compositions = []
        for compositions_item_data in self.compositions:
            compositions_item = compositions_item_data.to_dict()
            compositions.append(compositions_item)



        total = self.total

        offset = self.offset

        limit = self.limit


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "compositions": compositions,
            "total": total,
            "offset": offset,
            "limit": limit,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.composition import Composition # noqa: PLC0415
        d = dict(src_dict)
        compositions = []
        _compositions = d.pop("compositions")
        for compositions_item_data in (_compositions):
            compositions_item = Composition.from_dict(compositions_item_data)



            compositions.append(compositions_item)


        total = d.pop("total")

        offset = d.pop("offset")

        limit = d.pop("limit")

        list_compositions_response_200 = cls(
            compositions=compositions,
            total=total,
            offset=offset,
            limit=limit,
        )


        list_compositions_response_200.additional_properties = d
        return list_compositions_response_200

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
