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

if TYPE_CHECKING:
  from ..models.audio import Audio
  from ..models.captions import Captions
  from ..models.clip import Clip
  from ..models.composition_links import CompositionLinks
  from ..models.output import Output
  from ..models.overlay import Overlay





T = TypeVar("T", bound="Composition")



@_attrs_define
class Composition:
    """ 
        Attributes:
            id (UUID):
            status (Status):
            overall_progress (float):
            title (str | Unset):
            priority (str | Unset):
            clips (list[Clip] | Unset):
            audio (Audio | Unset):
            overlays (list[Overlay] | Unset):
            output (Output | Unset):
            captions (Captions | Unset): cues from an SRT or WebVTT file (url) or inline (cues), not both; burned into the
                picture and/or stored as a WebVTT sidecar (its link is captions_url in /download); a cue shows on the frames
                from start up to end
            error_message (None | str | Unset):
            created_at (str | Unset):
            updated_at (str | Unset):
            links (CompositionLinks | Unset):
            warnings (list[str] | Unset): only in the answer to a create: fields Reel did not know and ignored
     """

    id: UUID
    status: Status
    overall_progress: float
    title: str | Unset = UNSET
    priority: str | Unset = UNSET
    clips: list[Clip] | Unset = UNSET
    audio: Audio | Unset = UNSET
    overlays: list[Overlay] | Unset = UNSET
    output: Output | Unset = UNSET
    captions: Captions | Unset = UNSET
    error_message: None | str | Unset = UNSET
    created_at: str | Unset = UNSET
    updated_at: str | Unset = UNSET
    links: CompositionLinks | Unset = UNSET
    warnings: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.audio import Audio # noqa: PLC0415
        from ..models.captions import Captions # noqa: PLC0415
        from ..models.clip import Clip # noqa: PLC0415
        from ..models.composition_links import CompositionLinks # noqa: PLC0415
        from ..models.output import Output # noqa: PLC0415
        from ..models.overlay import Overlay # noqa: PLC0415
        id = str(self.id)

        status = self.status.value

        overall_progress = self.overall_progress

        title = self.title

        priority = self.priority

        clips: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.clips, Unset):
            clips = []
            for clips_item_data in self.clips:
                clips_item = clips_item_data.to_dict()
                clips.append(clips_item)



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

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        created_at = self.created_at

        updated_at = self.updated_at

        links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = self.links.to_dict()

        warnings: list[str] | Unset = UNSET
        if not isinstance(self.warnings, Unset):
            warnings = self.warnings




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "status": status,
            "overall_progress": overall_progress,
        })
        if title is not UNSET:
            field_dict["title"] = title
        if priority is not UNSET:
            field_dict["priority"] = priority
        if clips is not UNSET:
            field_dict["clips"] = clips
        if audio is not UNSET:
            field_dict["audio"] = audio
        if overlays is not UNSET:
            field_dict["overlays"] = overlays
        if output is not UNSET:
            field_dict["output"] = output
        if captions is not UNSET:
            field_dict["captions"] = captions
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if links is not UNSET:
            field_dict["links"] = links
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audio import Audio # noqa: PLC0415
        from ..models.captions import Captions # noqa: PLC0415
        from ..models.clip import Clip # noqa: PLC0415
        from ..models.composition_links import CompositionLinks # noqa: PLC0415
        from ..models.output import Output # noqa: PLC0415
        from ..models.overlay import Overlay # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        status = Status(d.pop("status"))




        overall_progress = d.pop("overall_progress")

        title = d.pop("title", UNSET)

        priority = d.pop("priority", UNSET)

        _clips = d.pop("clips", UNSET)
        clips: list[Clip] | Unset = UNSET
        if _clips is not UNSET:
            clips = []
            for clips_item_data in _clips:
                clips_item = Clip.from_dict(clips_item_data)



                clips.append(clips_item)


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




        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("error_message", UNSET))


        created_at = d.pop("created_at", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        _links = d.pop("links", UNSET)
        links: CompositionLinks | Unset
        if isinstance(_links,  Unset):
            links = UNSET
        else:
            links = CompositionLinks.from_dict(_links)




        warnings = cast(list[str], d.pop("warnings", UNSET))


        composition = cls(
            id=id,
            status=status,
            overall_progress=overall_progress,
            title=title,
            priority=priority,
            clips=clips,
            audio=audio,
            overlays=overlays,
            output=output,
            captions=captions,
            error_message=error_message,
            created_at=created_at,
            updated_at=updated_at,
            links=links,
            warnings=warnings,
        )


        composition.additional_properties = d
        return composition

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
