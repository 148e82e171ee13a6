from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.error_details_item import ErrorDetailsItem





T = TypeVar("T", bound="Error")



@_attrs_define
class Error:
    """ 
        Attributes:
            error_code (str):
            message (str):
            details (list[ErrorDetailsItem]):
            request_id (str): the X-Request-Id of the request
            timestamp (datetime.datetime):
     """

    error_code: str
    message: str
    details: list[ErrorDetailsItem]
    request_id: str
    timestamp: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.error_details_item import ErrorDetailsItem # noqa: PLC0415
        error_code = self.error_code

        message = self.message

        details = []
        for details_item_data in self.details:
            details_item = details_item_data.to_dict()
            details.append(details_item)



        request_id = self.request_id

        timestamp = self.timestamp.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "error_code": error_code,
            "message": message,
            "details": details,
            "request_id": request_id,
            "timestamp": timestamp,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_details_item import ErrorDetailsItem # noqa: PLC0415
        d = dict(src_dict)
        error_code = d.pop("error_code")

        message = d.pop("message")

        details = []
        _details = d.pop("details")
        for details_item_data in (_details):
            details_item = ErrorDetailsItem.from_dict(details_item_data)



            details.append(details_item)


        request_id = d.pop("request_id")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))




        error = cls(
            error_code=error_code,
            message=message,
            details=details,
            request_id=request_id,
            timestamp=timestamp,
        )


        error.additional_properties = d
        return error

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
