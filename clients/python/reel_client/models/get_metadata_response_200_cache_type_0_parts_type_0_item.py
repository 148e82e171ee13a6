from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.get_metadata_response_200_cache_type_0_parts_type_0_item_status import GetMetadataResponse200CacheType0PartsType0ItemStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="GetMetadataResponse200CacheType0PartsType0Item")



@_attrs_define
class GetMetadataResponse200CacheType0PartsType0Item:
    """ 
        Attributes:
            position (int | Unset):
            key (str | Unset):
            status (GetMetadataResponse200CacheType0PartsType0ItemStatus | Unset):
            attempt (int | Unset):
            progress (float | Unset):
            worker (None | str | Unset):
            duration (float | Unset): seconds of output
            seconds (float | None | Unset): seconds its worker spent
            reused (bool | Unset):
            error_message (None | str | Unset):
     """

    position: int | Unset = UNSET
    key: str | Unset = UNSET
    status: GetMetadataResponse200CacheType0PartsType0ItemStatus | Unset = UNSET
    attempt: int | Unset = UNSET
    progress: float | Unset = UNSET
    worker: None | str | Unset = UNSET
    duration: float | Unset = UNSET
    seconds: float | None | Unset = UNSET
    reused: bool | Unset = UNSET
    error_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        position = self.position

        key = self.key

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        attempt = self.attempt

        progress = self.progress

        worker: None | str | Unset
        if isinstance(self.worker, Unset):
            worker = UNSET
        else:
            worker = self.worker

        duration = self.duration

        seconds: float | None | Unset
        if isinstance(self.seconds, Unset):
            seconds = UNSET
        else:
            seconds = self.seconds

        reused = self.reused

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if position is not UNSET:
            field_dict["position"] = position
        if key is not UNSET:
            field_dict["key"] = key
        if status is not UNSET:
            field_dict["status"] = status
        if attempt is not UNSET:
            field_dict["attempt"] = attempt
        if progress is not UNSET:
            field_dict["progress"] = progress
        if worker is not UNSET:
            field_dict["worker"] = worker
        if duration is not UNSET:
            field_dict["duration"] = duration
        if seconds is not UNSET:
            field_dict["seconds"] = seconds
        if reused is not UNSET:
            field_dict["reused"] = reused
        if error_message is not UNSET:
            field_dict["error_message"] = error_message

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        position = d.pop("position", UNSET)

        key = d.pop("key", UNSET)

        _status = d.pop("status", UNSET)
        status: GetMetadataResponse200CacheType0PartsType0ItemStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = GetMetadataResponse200CacheType0PartsType0ItemStatus(_status)




        attempt = d.pop("attempt", UNSET)

        progress = d.pop("progress", UNSET)

        def _parse_worker(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        worker = _parse_worker(d.pop("worker", UNSET))


        duration = d.pop("duration", UNSET)

        def _parse_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        seconds = _parse_seconds(d.pop("seconds", UNSET))


        reused = d.pop("reused", UNSET)

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("error_message", UNSET))


        get_metadata_response_200_cache_type_0_parts_type_0_item = cls(
            position=position,
            key=key,
            status=status,
            attempt=attempt,
            progress=progress,
            worker=worker,
            duration=duration,
            seconds=seconds,
            reused=reused,
            error_message=error_message,
        )


        get_metadata_response_200_cache_type_0_parts_type_0_item.additional_properties = d
        return get_metadata_response_200_cache_type_0_parts_type_0_item

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
