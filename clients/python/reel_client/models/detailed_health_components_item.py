from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.detailed_health_components_item_details import DetailedHealthComponentsItemDetails





T = TypeVar("T", bound="DetailedHealthComponentsItem")



@_attrs_define
class DetailedHealthComponentsItem:
    """ 
        Attributes:
            name (str | Unset):
            status (str | Unset):
            response_time_ms (float | Unset):
            details (DetailedHealthComponentsItemDetails | Unset):
            error (None | str | Unset):
     """

    name: str | Unset = UNSET
    status: str | Unset = UNSET
    response_time_ms: float | Unset = UNSET
    details: DetailedHealthComponentsItemDetails | Unset = UNSET
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.detailed_health_components_item_details import DetailedHealthComponentsItemDetails # noqa: PLC0415
        name = self.name

        status = self.status

        response_time_ms = self.response_time_ms

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status
        if response_time_ms is not UNSET:
            field_dict["response_time_ms"] = response_time_ms
        if details is not UNSET:
            field_dict["details"] = details
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.detailed_health_components_item_details import DetailedHealthComponentsItemDetails # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        status = d.pop("status", UNSET)

        response_time_ms = d.pop("response_time_ms", UNSET)

        _details = d.pop("details", UNSET)
        details: DetailedHealthComponentsItemDetails | Unset
        if isinstance(_details,  Unset):
            details = UNSET
        else:
            details = DetailedHealthComponentsItemDetails.from_dict(_details)




        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        detailed_health_components_item = cls(
            name=name,
            status=status,
            response_time_ms=response_time_ms,
            details=details,
            error=error,
        )


        detailed_health_components_item.additional_properties = d
        return detailed_health_components_item

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
