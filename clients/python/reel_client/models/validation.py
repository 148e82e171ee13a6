from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.validation_problems_item import ValidationProblemsItem





T = TypeVar("T", bound="Validation")



@_attrs_define
class Validation:
    """ 
        Attributes:
            valid (bool):
            problems (list[ValidationProblemsItem]):
            warnings (list[str]):
            duration (float | None): seconds, when valid
     """

    valid: bool
    problems: list[ValidationProblemsItem]
    warnings: list[str]
    duration: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.validation_problems_item import ValidationProblemsItem # noqa: PLC0415
        valid = self.valid

        problems = []
        for problems_item_data in self.problems:
            problems_item = problems_item_data.to_dict()
            problems.append(problems_item)



        warnings = self.warnings



        duration: float | None
        duration = self.duration


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "valid": valid,
            "problems": problems,
            "warnings": warnings,
            "duration": duration,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.validation_problems_item import ValidationProblemsItem # noqa: PLC0415
        d = dict(src_dict)
        valid = d.pop("valid")

        problems = []
        _problems = d.pop("problems")
        for problems_item_data in (_problems):
            problems_item = ValidationProblemsItem.from_dict(problems_item_data)



            problems.append(problems_item)


        warnings = cast(list[str], d.pop("warnings"))


        def _parse_duration(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        duration = _parse_duration(d.pop("duration"))


        validation = cls(
            valid=valid,
            problems=problems,
            warnings=warnings,
            duration=duration,
        )


        validation.additional_properties = d
        return validation

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
