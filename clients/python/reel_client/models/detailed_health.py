from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.detailed_health_status import DetailedHealthStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.detailed_health_components_item import DetailedHealthComponentsItem





T = TypeVar("T", bound="DetailedHealth")



@_attrs_define
class DetailedHealth:
    """ 
        Attributes:
            status (DetailedHealthStatus | Unset):
            version (str | Unset):
            timestamp (str | Unset):
            components (list[DetailedHealthComponentsItem] | Unset):
     """

    status: DetailedHealthStatus | Unset = UNSET
    version: str | Unset = UNSET
    timestamp: str | Unset = UNSET
    components: list[DetailedHealthComponentsItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.detailed_health_components_item import DetailedHealthComponentsItem # noqa: PLC0415
        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        version = self.version

        timestamp = self.timestamp

        components: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.components, Unset):
            components = []
            for components_item_data in self.components:
                components_item = components_item_data.to_dict()
                components.append(components_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if status is not UNSET:
            field_dict["status"] = status
        if version is not UNSET:
            field_dict["version"] = version
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if components is not UNSET:
            field_dict["components"] = components

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.detailed_health_components_item import DetailedHealthComponentsItem # noqa: PLC0415
        d = dict(src_dict)
        _status = d.pop("status", UNSET)
        status: DetailedHealthStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = DetailedHealthStatus(_status)




        version = d.pop("version", UNSET)

        timestamp = d.pop("timestamp", UNSET)

        _components = d.pop("components", UNSET)
        components: list[DetailedHealthComponentsItem] | Unset = UNSET
        if _components is not UNSET:
            components = []
            for components_item_data in _components:
                components_item = DetailedHealthComponentsItem.from_dict(components_item_data)



                components.append(components_item)


        detailed_health = cls(
            status=status,
            version=version,
            timestamp=timestamp,
            components=components,
        )


        detailed_health.additional_properties = d
        return detailed_health

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
