from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.event_data_output import EventDataOutput





T = TypeVar("T", bound="EventData")



@_attrs_define
class EventData:
    """ 
        Attributes:
            composition_id (UUID):
            status (str): the composition's status after the change (deleted for composition.deleted)
            progress (float):
            attempt (int):
            error_message (str | Unset):
            download_path (str | Unset): composition.completed: GET it for a signed download URL
            output (EventDataOutput | Unset):
     """

    composition_id: UUID
    status: str
    progress: float
    attempt: int
    error_message: str | Unset = UNSET
    download_path: str | Unset = UNSET
    output: EventDataOutput | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.event_data_output import EventDataOutput # noqa: PLC0415
        composition_id = str(self.composition_id)

        status = self.status

        progress = self.progress

        attempt = self.attempt

        error_message = self.error_message

        download_path = self.download_path

        output: dict[str, Any] | Unset = UNSET
        if not isinstance(self.output, Unset):
            output = self.output.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "composition_id": composition_id,
            "status": status,
            "progress": progress,
            "attempt": attempt,
        })
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
        if download_path is not UNSET:
            field_dict["download_path"] = download_path
        if output is not UNSET:
            field_dict["output"] = output

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_data_output import EventDataOutput # noqa: PLC0415
        d = dict(src_dict)
        composition_id = UUID(d.pop("composition_id"))




        status = d.pop("status")

        progress = d.pop("progress")

        attempt = d.pop("attempt")

        error_message = d.pop("error_message", UNSET)

        download_path = d.pop("download_path", UNSET)

        _output = d.pop("output", UNSET)
        output: EventDataOutput | Unset
        if isinstance(_output,  Unset):
            output = UNSET
        else:
            output = EventDataOutput.from_dict(_output)




        event_data = cls(
            composition_id=composition_id,
            status=status,
            progress=progress,
            attempt=attempt,
            error_message=error_message,
            download_path=download_path,
            output=output,
        )


        event_data.additional_properties = d
        return event_data

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
