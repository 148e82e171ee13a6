from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.clip_fit import ClipFit
from ..models.clip_flip import ClipFlip
from ..models.clip_look import ClipLook
from ..models.clip_rotate import ClipRotate
from ..models.clip_zoom import ClipZoom
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.clip_crop import ClipCrop
  from ..models.clip_transition import ClipTransition





T = TypeVar("T", bound="Clip")



@_attrs_define
class Clip:
    """ a clip has video_url or image_url, not both

        Attributes:
            start_time (float):
            end_time (float): at most REEL_MAX_DURATION (180 s by default)
            video_url (str | Unset): http(s)://, s3:// or asset://ID of an upload
            image_url (str | Unset): a still image: http(s)://, s3:// or asset://ID
            trim_start (float | Unset):  Default: 0.0.
            trim_end (float | Unset):
            volume (float | Unset):  Default: 1.0.
            fit (ClipFit | Unset):  Default: ClipFit.CONTAIN.
            transition (ClipTransition | Unset): plays over [start_time, start_time + duration) of this clip; the slots
                overlap by duration, or the clip before is held under it
            zoom (ClipZoom | Unset): slow zoom (Ken Burns) Default: ClipZoom.NONE.
            speed (float | Unset): playback rate of a video clip; the audio tempo follows with its pitch kept; without
                trim_end the clip plays slot × speed seconds of source Default: 1.0.
            reverse (bool | Unset): play the source range backwards, video and audio (at most 60 s of source) Default:
                False.
            crop (ClipCrop | Unset): the part of the source kept before fitting, in fractions of its size; an absent width
                or height reaches the right or bottom edge
            flip (ClipFlip | Unset):
            rotate (ClipRotate | Unset): degrees clockwise Default: ClipRotate.VALUE_0.
            look (ClipLook | Unset): a colour or focus preset
            fade_in (float | Unset): seconds from black and silence at the clip's start Default: 0.0.
            fade_out (float | Unset): seconds to black and silence at the clip's end; fade_in + fade_out fit in the slot
                Default: 0.0.
     """

    start_time: float
    end_time: float
    video_url: str | Unset = UNSET
    image_url: str | Unset = UNSET
    trim_start: float | Unset = 0.0
    trim_end: float | Unset = UNSET
    volume: float | Unset = 1.0
    fit: ClipFit | Unset = ClipFit.CONTAIN
    transition: ClipTransition | Unset = UNSET
    zoom: ClipZoom | Unset = ClipZoom.NONE
    speed: float | Unset = 1.0
    reverse: bool | Unset = False
    crop: ClipCrop | Unset = UNSET
    flip: ClipFlip | Unset = UNSET
    rotate: ClipRotate | Unset = ClipRotate.VALUE_0
    look: ClipLook | Unset = UNSET
    fade_in: float | Unset = 0.0
    fade_out: float | Unset = 0.0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.clip_crop import ClipCrop # noqa: PLC0415
        from ..models.clip_transition import ClipTransition # noqa: PLC0415
        start_time = self.start_time

        end_time = self.end_time

        video_url = self.video_url

        image_url = self.image_url

        trim_start = self.trim_start

        trim_end = self.trim_end

        volume = self.volume

        fit: str | Unset = UNSET
        if not isinstance(self.fit, Unset):
            fit = self.fit.value


        transition: dict[str, Any] | Unset = UNSET
        if not isinstance(self.transition, Unset):
            transition = self.transition.to_dict()

        zoom: str | Unset = UNSET
        if not isinstance(self.zoom, Unset):
            zoom = self.zoom.value


        speed = self.speed

        reverse = self.reverse

        crop: dict[str, Any] | Unset = UNSET
        if not isinstance(self.crop, Unset):
            crop = self.crop.to_dict()

        flip: str | Unset = UNSET
        if not isinstance(self.flip, Unset):
            flip = self.flip.value


        rotate: int | Unset = UNSET
        if not isinstance(self.rotate, Unset):
            rotate = self.rotate.value


        look: str | Unset = UNSET
        if not isinstance(self.look, Unset):
            look = self.look.value


        fade_in = self.fade_in

        fade_out = self.fade_out


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "start_time": start_time,
            "end_time": end_time,
        })
        if video_url is not UNSET:
            field_dict["video_url"] = video_url
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if trim_start is not UNSET:
            field_dict["trim_start"] = trim_start
        if trim_end is not UNSET:
            field_dict["trim_end"] = trim_end
        if volume is not UNSET:
            field_dict["volume"] = volume
        if fit is not UNSET:
            field_dict["fit"] = fit
        if transition is not UNSET:
            field_dict["transition"] = transition
        if zoom is not UNSET:
            field_dict["zoom"] = zoom
        if speed is not UNSET:
            field_dict["speed"] = speed
        if reverse is not UNSET:
            field_dict["reverse"] = reverse
        if crop is not UNSET:
            field_dict["crop"] = crop
        if flip is not UNSET:
            field_dict["flip"] = flip
        if rotate is not UNSET:
            field_dict["rotate"] = rotate
        if look is not UNSET:
            field_dict["look"] = look
        if fade_in is not UNSET:
            field_dict["fade_in"] = fade_in
        if fade_out is not UNSET:
            field_dict["fade_out"] = fade_out

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clip_crop import ClipCrop # noqa: PLC0415
        from ..models.clip_transition import ClipTransition # noqa: PLC0415
        d = dict(src_dict)
        start_time = d.pop("start_time")

        end_time = d.pop("end_time")

        video_url = d.pop("video_url", UNSET)

        image_url = d.pop("image_url", UNSET)

        trim_start = d.pop("trim_start", UNSET)

        trim_end = d.pop("trim_end", UNSET)

        volume = d.pop("volume", UNSET)

        _fit = d.pop("fit", UNSET)
        fit: ClipFit | Unset
        if isinstance(_fit,  Unset):
            fit = UNSET
        else:
            fit = ClipFit(_fit)




        _transition = d.pop("transition", UNSET)
        transition: ClipTransition | Unset
        if isinstance(_transition,  Unset):
            transition = UNSET
        else:
            transition = ClipTransition.from_dict(_transition)




        _zoom = d.pop("zoom", UNSET)
        zoom: ClipZoom | Unset
        if isinstance(_zoom,  Unset):
            zoom = UNSET
        else:
            zoom = ClipZoom(_zoom)




        speed = d.pop("speed", UNSET)

        reverse = d.pop("reverse", UNSET)

        _crop = d.pop("crop", UNSET)
        crop: ClipCrop | Unset
        if isinstance(_crop,  Unset):
            crop = UNSET
        else:
            crop = ClipCrop.from_dict(_crop)




        _flip = d.pop("flip", UNSET)
        flip: ClipFlip | Unset
        if isinstance(_flip,  Unset):
            flip = UNSET
        else:
            flip = ClipFlip(_flip)




        _rotate = d.pop("rotate", UNSET)
        rotate: ClipRotate | Unset
        if isinstance(_rotate,  Unset):
            rotate = UNSET
        else:
            rotate = ClipRotate(_rotate)




        _look = d.pop("look", UNSET)
        look: ClipLook | Unset
        if isinstance(_look,  Unset):
            look = UNSET
        else:
            look = ClipLook(_look)




        fade_in = d.pop("fade_in", UNSET)

        fade_out = d.pop("fade_out", UNSET)

        clip = cls(
            start_time=start_time,
            end_time=end_time,
            video_url=video_url,
            image_url=image_url,
            trim_start=trim_start,
            trim_end=trim_end,
            volume=volume,
            fit=fit,
            transition=transition,
            zoom=zoom,
            speed=speed,
            reverse=reverse,
            crop=crop,
            flip=flip,
            rotate=rotate,
            look=look,
            fade_in=fade_in,
            fade_out=fade_out,
        )


        clip.additional_properties = d
        return clip

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
