from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.api_key_scope import APIKeyScope
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="APIKey")



@_attrs_define
class APIKey:
    """ 
        Attributes:
            id (UUID):
            name (str):
            hint (str): the key's first characters
            scope (APIKeyScope):
            tenant (str):
            created_at (datetime.datetime):
            revoked_at (datetime.datetime | None | Unset):
            key (str | Unset): the secret: only in the answer to POST /api/v1/keys
     """

    id: UUID
    name: str
    hint: str
    scope: APIKeyScope
    tenant: str
    created_at: datetime.datetime
    revoked_at: datetime.datetime | None | Unset = UNSET
    key: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        hint = self.hint

        scope = self.scope.value

        tenant = self.tenant

        created_at = self.created_at.isoformat()

        revoked_at: None | str | Unset
        if isinstance(self.revoked_at, Unset):
            revoked_at = UNSET
        elif isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        key = self.key


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "hint": hint,
            "scope": scope,
            "tenant": tenant,
            "created_at": created_at,
        })
        if revoked_at is not UNSET:
            field_dict["revoked_at"] = revoked_at
        if key is not UNSET:
            field_dict["key"] = key

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        name = d.pop("name")

        hint = d.pop("hint")

        scope = APIKeyScope(d.pop("scope"))




        tenant = d.pop("tenant")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_revoked_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)



                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at", UNSET))


        key = d.pop("key", UNSET)

        api_key = cls(
            id=id,
            name=name,
            hint=hint,
            scope=scope,
            tenant=tenant,
            created_at=created_at,
            revoked_at=revoked_at,
            key=key,
        )


        api_key.additional_properties = d
        return api_key

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
