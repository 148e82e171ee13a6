from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="GetMetadataResponse200ResourceMetrics")



@_attrs_define
class GetMetadataResponse200ResourceMetrics:
    """ 
        Attributes:
            processing_time_seconds (float | None | Unset):
            queue_wait_time_seconds (float | None | Unset):
            total_time_seconds (float | None | Unset):
            attempts (int | Unset):
     """

    processing_time_seconds: float | None | Unset = UNSET
    queue_wait_time_seconds: float | None | Unset = UNSET
    total_time_seconds: float | None | Unset = UNSET
    attempts: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        processing_time_seconds: float | None | Unset
        if isinstance(self.processing_time_seconds, Unset):
            processing_time_seconds = UNSET
        else:
            processing_time_seconds = self.processing_time_seconds

        queue_wait_time_seconds: float | None | Unset
        if isinstance(self.queue_wait_time_seconds, Unset):
            queue_wait_time_seconds = UNSET
        else:
            queue_wait_time_seconds = self.queue_wait_time_seconds

        total_time_seconds: float | None | Unset
        if isinstance(self.total_time_seconds, Unset):
            total_time_seconds = UNSET
        else:
            total_time_seconds = self.total_time_seconds

        attempts = self.attempts


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if processing_time_seconds is not UNSET:
            field_dict["processing_time_seconds"] = processing_time_seconds
        if queue_wait_time_seconds is not UNSET:
            field_dict["queue_wait_time_seconds"] = queue_wait_time_seconds
        if total_time_seconds is not UNSET:
            field_dict["total_time_seconds"] = total_time_seconds
        if attempts is not UNSET:
            field_dict["attempts"] = attempts

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_processing_time_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        processing_time_seconds = _parse_processing_time_seconds(d.pop("processing_time_seconds", UNSET))


        def _parse_queue_wait_time_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        queue_wait_time_seconds = _parse_queue_wait_time_seconds(d.pop("queue_wait_time_seconds", UNSET))


        def _parse_total_time_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        total_time_seconds = _parse_total_time_seconds(d.pop("total_time_seconds", UNSET))


        attempts = d.pop("attempts", UNSET)

        get_metadata_response_200_resource_metrics = cls(
            processing_time_seconds=processing_time_seconds,
            queue_wait_time_seconds=queue_wait_time_seconds,
            total_time_seconds=total_time_seconds,
            attempts=attempts,
        )


        get_metadata_response_200_resource_metrics.additional_properties = d
        return get_metadata_response_200_resource_metrics

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
