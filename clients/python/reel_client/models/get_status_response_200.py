from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.status import Status
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.get_status_response_200_stages_item import GetStatusResponse200StagesItem





T = TypeVar("T", bound="GetStatusResponse200")



@_attrs_define
class GetStatusResponse200:
    """ 
        Attributes:
            id (UUID):
            status (Status):
            overall_progress (float):
            current_stage (str | Unset):
            stages (list[GetStatusResponse200StagesItem] | Unset):
            created_at (datetime.datetime | Unset):
            updated_at (datetime.datetime | Unset):
            completed_at (datetime.datetime | None | Unset):
            error_message (None | str | Unset):
            attempt (int | Unset):
     """

    id: UUID
    status: Status
    overall_progress: float
    current_stage: str | Unset = UNSET
    stages: list[GetStatusResponse200StagesItem] | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    error_message: None | str | Unset = UNSET
    attempt: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.get_status_response_200_stages_item import GetStatusResponse200StagesItem # noqa: PLC0415
        id = str(self.id)

        status = self.status.value

        overall_progress = self.overall_progress

        current_stage = self.current_stage

        stages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.stages, Unset):
            stages = []
            for stages_item_data in self.stages:
                stages_item = stages_item_data.to_dict()
                stages.append(stages_item)



        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        attempt = self.attempt


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "status": status,
            "overall_progress": overall_progress,
        })
        if current_stage is not UNSET:
            field_dict["current_stage"] = current_stage
        if stages is not UNSET:
            field_dict["stages"] = stages
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
        if attempt is not UNSET:
            field_dict["attempt"] = attempt

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.get_status_response_200_stages_item import GetStatusResponse200StagesItem # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        status = Status(d.pop("status"))




        overall_progress = d.pop("overall_progress")

        current_stage = d.pop("current_stage", UNSET)

        _stages = d.pop("stages", UNSET)
        stages: list[GetStatusResponse200StagesItem] | Unset = UNSET
        if _stages is not UNSET:
            stages = []
            for stages_item_data in _stages:
                stages_item = GetStatusResponse200StagesItem.from_dict(stages_item_data)



                stages.append(stages_item)


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




        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)



                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))


        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("error_message", UNSET))


        attempt = d.pop("attempt", UNSET)

        get_status_response_200 = cls(
            id=id,
            status=status,
            overall_progress=overall_progress,
            current_stage=current_stage,
            stages=stages,
            created_at=created_at,
            updated_at=updated_at,
            completed_at=completed_at,
            error_message=error_message,
            attempt=attempt,
        )


        get_status_response_200.additional_properties = d
        return get_status_response_200

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
