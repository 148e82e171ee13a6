from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.status import Status
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.composition_request import CompositionRequest
  from ..models.file_type_0 import FileType0
  from ..models.get_metadata_response_200_cache_type_0 import GetMetadataResponse200CacheType0
  from ..models.get_metadata_response_200_resource_metrics import GetMetadataResponse200ResourceMetrics





T = TypeVar("T", bound="GetMetadataResponse200")



@_attrs_define
class GetMetadataResponse200:
    """ 
        Attributes:
            id (str | Unset):
            title (str | Unset):
            status (Status | Unset):
            request_config (CompositionRequest | Unset):
            created_at (str | Unset):
            started_processing_at (None | str | Unset):
            completed_at (None | str | Unset):
            resource_metrics (GetMetadataResponse200ResourceMetrics | Unset):
            input_files (list[FileType0 | None] | Unset):
            output_file (FileType0 | None | Unset):
            applied_effects (list[str] | Unset):
            warnings (list[str] | Unset):
            cache (GetMetadataResponse200CacheType0 | None | Unset): what the render cache reused; null when it was not
                consulted (cache off, or a request with cache false)
     """

    id: str | Unset = UNSET
    title: str | Unset = UNSET
    status: Status | Unset = UNSET
    request_config: CompositionRequest | Unset = UNSET
    created_at: str | Unset = UNSET
    started_processing_at: None | str | Unset = UNSET
    completed_at: None | str | Unset = UNSET
    resource_metrics: GetMetadataResponse200ResourceMetrics | Unset = UNSET
    input_files: list[FileType0 | None] | Unset = UNSET
    output_file: FileType0 | None | Unset = UNSET
    applied_effects: list[str] | Unset = UNSET
    warnings: list[str] | Unset = UNSET
    cache: GetMetadataResponse200CacheType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.composition_request import CompositionRequest # noqa: PLC0415
        from ..models.file_type_0 import FileType0 # noqa: PLC0415
        from ..models.get_metadata_response_200_cache_type_0 import GetMetadataResponse200CacheType0 # noqa: PLC0415
        from ..models.get_metadata_response_200_resource_metrics import GetMetadataResponse200ResourceMetrics # noqa: PLC0415
        id = self.id

        title = self.title

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        request_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.request_config, Unset):
            request_config = self.request_config.to_dict()

        created_at = self.created_at

        started_processing_at: None | str | Unset
        if isinstance(self.started_processing_at, Unset):
            started_processing_at = UNSET
        else:
            started_processing_at = self.started_processing_at

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        resource_metrics: dict[str, Any] | Unset = UNSET
        if not isinstance(self.resource_metrics, Unset):
            resource_metrics = self.resource_metrics.to_dict()

        input_files: list[dict[str, Any] | None] | Unset = UNSET
        if not isinstance(self.input_files, Unset):
            input_files = []
            for input_files_item_data in self.input_files:
                input_files_item: dict[str, Any] | None
                if isinstance(input_files_item_data, FileType0):
                    input_files_item = input_files_item_data.to_dict()
                else:
                    input_files_item = input_files_item_data
                input_files.append(input_files_item)



        output_file: dict[str, Any] | None | Unset
        if isinstance(self.output_file, Unset):
            output_file = UNSET
        elif isinstance(self.output_file, FileType0):
            output_file = self.output_file.to_dict()
        else:
            output_file = self.output_file

        applied_effects: list[str] | Unset = UNSET
        if not isinstance(self.applied_effects, Unset):
            applied_effects = self.applied_effects



        warnings: list[str] | Unset = UNSET
        if not isinstance(self.warnings, Unset):
            warnings = self.warnings



        cache: dict[str, Any] | None | Unset
        if isinstance(self.cache, Unset):
            cache = UNSET
        elif isinstance(self.cache, GetMetadataResponse200CacheType0):
            cache = self.cache.to_dict()
        else:
            cache = self.cache


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if title is not UNSET:
            field_dict["title"] = title
        if status is not UNSET:
            field_dict["status"] = status
        if request_config is not UNSET:
            field_dict["request_config"] = request_config
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if started_processing_at is not UNSET:
            field_dict["started_processing_at"] = started_processing_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if resource_metrics is not UNSET:
            field_dict["resource_metrics"] = resource_metrics
        if input_files is not UNSET:
            field_dict["input_files"] = input_files
        if output_file is not UNSET:
            field_dict["output_file"] = output_file
        if applied_effects is not UNSET:
            field_dict["applied_effects"] = applied_effects
        if warnings is not UNSET:
            field_dict["warnings"] = warnings
        if cache is not UNSET:
            field_dict["cache"] = cache

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.composition_request import CompositionRequest # noqa: PLC0415
        from ..models.file_type_0 import FileType0 # noqa: PLC0415
        from ..models.get_metadata_response_200_cache_type_0 import GetMetadataResponse200CacheType0 # noqa: PLC0415
        from ..models.get_metadata_response_200_resource_metrics import GetMetadataResponse200ResourceMetrics # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        title = d.pop("title", UNSET)

        _status = d.pop("status", UNSET)
        status: Status | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = Status(_status)




        _request_config = d.pop("request_config", UNSET)
        request_config: CompositionRequest | Unset
        if isinstance(_request_config,  Unset):
            request_config = UNSET
        else:
            request_config = CompositionRequest.from_dict(_request_config)




        created_at = d.pop("created_at", UNSET)

        def _parse_started_processing_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        started_processing_at = _parse_started_processing_at(d.pop("started_processing_at", UNSET))


        def _parse_completed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))


        _resource_metrics = d.pop("resource_metrics", UNSET)
        resource_metrics: GetMetadataResponse200ResourceMetrics | Unset
        if isinstance(_resource_metrics,  Unset):
            resource_metrics = UNSET
        else:
            resource_metrics = GetMetadataResponse200ResourceMetrics.from_dict(_resource_metrics)




        _input_files = d.pop("input_files", UNSET)
        input_files: list[FileType0 | None] | Unset = UNSET
        if _input_files is not UNSET:
            input_files = []
            for input_files_item_data in _input_files:
                def _parse_input_files_item(data: object) -> FileType0 | None:
                    if data is None:
                        return data
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_file_type_0 = FileType0.from_dict(data)



                        return componentsschemas_file_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(FileType0 | None, data)

                input_files_item = _parse_input_files_item(input_files_item_data)

                input_files.append(input_files_item)


        def _parse_output_file(data: object) -> FileType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_file_type_0 = FileType0.from_dict(data)



                return componentsschemas_file_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FileType0 | None | Unset, data)

        output_file = _parse_output_file(d.pop("output_file", UNSET))


        applied_effects = cast(list[str], d.pop("applied_effects", UNSET))


        warnings = cast(list[str], d.pop("warnings", UNSET))


        def _parse_cache(data: object) -> GetMetadataResponse200CacheType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                cache_type_0 = GetMetadataResponse200CacheType0.from_dict(data)



                return cache_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GetMetadataResponse200CacheType0 | None | Unset, data)

        cache = _parse_cache(d.pop("cache", UNSET))


        get_metadata_response_200 = cls(
            id=id,
            title=title,
            status=status,
            request_config=request_config,
            created_at=created_at,
            started_processing_at=started_processing_at,
            completed_at=completed_at,
            resource_metrics=resource_metrics,
            input_files=input_files,
            output_file=output_file,
            applied_effects=applied_effects,
            warnings=warnings,
            cache=cache,
        )


        get_metadata_response_200.additional_properties = d
        return get_metadata_response_200

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
