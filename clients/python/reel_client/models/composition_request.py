from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.composition_request_priority import CompositionRequestPriority
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.audio import Audio
  from ..models.captions import Captions
  from ..models.clip import Clip
  from ..models.composition_request_merge_type_0 import CompositionRequestMergeType0
  from ..models.composition_request_merge_type_1_item import CompositionRequestMergeType1Item
  from ..models.output import Output
  from ..models.overlay import Overlay





T = TypeVar("T", bound="CompositionRequest")



@_attrs_define
class CompositionRequest:
    """ 
        Attributes:
            title (str):
            clips (list[Clip]):
            description (None | str | Unset):
            priority (CompositionRequestPriority | Unset):  Default: CompositionRequestPriority.DEFAULT.
            metadata (Any | Unset): free JSON echoed back: at most 10 levels deep and 16 KiB
            cache (bool | None | Unset): false renders every part afresh and stores nothing in the render cache; absent or
                true reuses identical outputs and segments
            webhook_url (None | str | Unset):
            audio (Audio | Unset):
            overlays (list[Overlay] | Unset):
            output (Output | Unset):
            captions (Captions | Unset): cues from an SRT or WebVTT file (url) or inline (cues), not both; burned into the
                picture and/or stored as a WebVTT sidecar (its link is captions_url in /download); a cue shows on the frames
                from start up to end
            merge (CompositionRequestMergeType0 | list[CompositionRequestMergeType1Item] | Unset): fills {{NAME}}
                placeholders in the composition's strings before it is read: {"NAME": value} or Shotstack's [{"find": "NAME",
                "replace": value}]; a placeholder without a value, or a value no placeholder uses, is 422
     """

    title: str
    clips: list[Clip]
    description: None | str | Unset = UNSET
    priority: CompositionRequestPriority | Unset = CompositionRequestPriority.DEFAULT
    metadata: Any | Unset = UNSET
    cache: bool | None | Unset = UNSET
    webhook_url: None | str | Unset = UNSET
    audio: Audio | Unset = UNSET
    overlays: list[Overlay] | Unset = UNSET
    output: Output | Unset = UNSET
    captions: Captions | Unset = UNSET
    merge: CompositionRequestMergeType0 | list[CompositionRequestMergeType1Item] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.audio import Audio # noqa: PLC0415
        from ..models.captions import Captions # noqa: PLC0415
        from ..models.clip import Clip # noqa: PLC0415
        from ..models.composition_request_merge_type_0 import CompositionRequestMergeType0 # noqa: PLC0415
        from ..models.composition_request_merge_type_1_item import CompositionRequestMergeType1Item # noqa: PLC0415
        from ..models.output import Output # noqa: PLC0415
        from ..models.overlay import Overlay # noqa: PLC0415
        title = self.title

        clips = []
        for clips_item_data in self.clips:
            clips_item = clips_item_data.to_dict()
            clips.append(clips_item)



        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value


        metadata = self.metadata

        cache: bool | None | Unset
        if isinstance(self.cache, Unset):
            cache = UNSET
        else:
            cache = self.cache

        webhook_url: None | str | Unset
        if isinstance(self.webhook_url, Unset):
            webhook_url = UNSET
        else:
            webhook_url = self.webhook_url

        audio: dict[str, Any] | Unset = UNSET
        if not isinstance(self.audio, Unset):
            audio = self.audio.to_dict()

        overlays: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.overlays, Unset):
            overlays = []
            for overlays_item_data in self.overlays:
                overlays_item = overlays_item_data.to_dict()
                overlays.append(overlays_item)



        output: dict[str, Any] | Unset = UNSET
        if not isinstance(self.output, Unset):
            output = self.output.to_dict()

        captions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.captions, Unset):
            captions = self.captions.to_dict()

        merge: dict[str, Any] | list[dict[str, Any]] | Unset
        if isinstance(self.merge, Unset):
            merge = UNSET
        elif isinstance(self.merge, CompositionRequestMergeType0):
            merge = self.merge.to_dict()
        else:
            merge = []
            for merge_type_1_item_data in self.merge:
                merge_type_1_item = merge_type_1_item_data.to_dict()
                merge.append(merge_type_1_item)





        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "title": title,
            "clips": clips,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if priority is not UNSET:
            field_dict["priority"] = priority
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if cache is not UNSET:
            field_dict["cache"] = cache
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url
        if audio is not UNSET:
            field_dict["audio"] = audio
        if overlays is not UNSET:
            field_dict["overlays"] = overlays
        if output is not UNSET:
            field_dict["output"] = output
        if captions is not UNSET:
            field_dict["captions"] = captions
        if merge is not UNSET:
            field_dict["merge"] = merge

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audio import Audio # noqa: PLC0415
        from ..models.captions import Captions # noqa: PLC0415
        from ..models.clip import Clip # noqa: PLC0415
        from ..models.composition_request_merge_type_0 import CompositionRequestMergeType0 # noqa: PLC0415
        from ..models.composition_request_merge_type_1_item import CompositionRequestMergeType1Item # noqa: PLC0415
        from ..models.output import Output # noqa: PLC0415
        from ..models.overlay import Overlay # noqa: PLC0415
        d = dict(src_dict)
        title = d.pop("title")

        clips = []
        _clips = d.pop("clips")
        for clips_item_data in (_clips):
            clips_item = Clip.from_dict(clips_item_data)



            clips.append(clips_item)


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        _priority = d.pop("priority", UNSET)
        priority: CompositionRequestPriority | Unset
        if isinstance(_priority,  Unset):
            priority = UNSET
        else:
            priority = CompositionRequestPriority(_priority)




        metadata = d.pop("metadata", UNSET)

        def _parse_cache(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        cache = _parse_cache(d.pop("cache", UNSET))


        def _parse_webhook_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        webhook_url = _parse_webhook_url(d.pop("webhook_url", UNSET))


        _audio = d.pop("audio", UNSET)
        audio: Audio | Unset
        if isinstance(_audio,  Unset):
            audio = UNSET
        else:
            audio = Audio.from_dict(_audio)




        _overlays = d.pop("overlays", UNSET)
        overlays: list[Overlay] | Unset = UNSET
        if _overlays is not UNSET:
            overlays = []
            for overlays_item_data in _overlays:
                overlays_item = Overlay.from_dict(overlays_item_data)



                overlays.append(overlays_item)


        _output = d.pop("output", UNSET)
        output: Output | Unset
        if isinstance(_output,  Unset):
            output = UNSET
        else:
            output = Output.from_dict(_output)




        _captions = d.pop("captions", UNSET)
        captions: Captions | Unset
        if isinstance(_captions,  Unset):
            captions = UNSET
        else:
            captions = Captions.from_dict(_captions)




        def _parse_merge(data: object) -> CompositionRequestMergeType0 | list[CompositionRequestMergeType1Item] | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                merge_type_0 = CompositionRequestMergeType0.from_dict(data)



                return merge_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            merge_type_1 = []
            _merge_type_1 = data
            for merge_type_1_item_data in (_merge_type_1):
                merge_type_1_item = CompositionRequestMergeType1Item.from_dict(merge_type_1_item_data)



                merge_type_1.append(merge_type_1_item)

            return merge_type_1

        merge = _parse_merge(d.pop("merge", UNSET))


        composition_request = cls(
            title=title,
            clips=clips,
            description=description,
            priority=priority,
            metadata=metadata,
            cache=cache,
            webhook_url=webhook_url,
            audio=audio,
            overlays=overlays,
            output=output,
            captions=captions,
            merge=merge,
        )


        composition_request.additional_properties = d
        return composition_request

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
