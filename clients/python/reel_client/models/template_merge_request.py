from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.template_merge_request_priority import TemplateMergeRequestPriority
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.template_merge_request_merge import TemplateMergeRequestMerge





T = TypeVar("T", bound="TemplateMergeRequest")



@_attrs_define
class TemplateMergeRequest:
    """ 
        Attributes:
            merge (TemplateMergeRequestMerge | Unset): a value for each merge field (those with a default may be left out);
                a type mismatch, a missing or an unknown field is 422 naming merge.NAME
            priority (TemplateMergeRequestPriority | Unset):
            webhook_url (str | Unset):
            metadata (Any | Unset): free JSON echoed back
     """

    merge: TemplateMergeRequestMerge | Unset = UNSET
    priority: TemplateMergeRequestPriority | Unset = UNSET
    webhook_url: str | Unset = UNSET
    metadata: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.template_merge_request_merge import TemplateMergeRequestMerge # noqa: PLC0415
        merge: dict[str, Any] | Unset = UNSET
        if not isinstance(self.merge, Unset):
            merge = self.merge.to_dict()

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value


        webhook_url = self.webhook_url

        metadata = self.metadata


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if merge is not UNSET:
            field_dict["merge"] = merge
        if priority is not UNSET:
            field_dict["priority"] = priority
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.template_merge_request_merge import TemplateMergeRequestMerge # noqa: PLC0415
        d = dict(src_dict)
        _merge = d.pop("merge", UNSET)
        merge: TemplateMergeRequestMerge | Unset
        if isinstance(_merge,  Unset):
            merge = UNSET
        else:
            merge = TemplateMergeRequestMerge.from_dict(_merge)




        _priority = d.pop("priority", UNSET)
        priority: TemplateMergeRequestPriority | Unset
        if isinstance(_priority,  Unset):
            priority = UNSET
        else:
            priority = TemplateMergeRequestPriority(_priority)




        webhook_url = d.pop("webhook_url", UNSET)

        metadata = d.pop("metadata", UNSET)

        template_merge_request = cls(
            merge=merge,
            priority=priority,
            webhook_url=webhook_url,
            metadata=metadata,
        )


        template_merge_request.additional_properties = d
        return template_merge_request

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
