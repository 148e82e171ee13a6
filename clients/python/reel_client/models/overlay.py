from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.overlay_position import OverlayPosition
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.overlay_animation import OverlayAnimation
  from ..models.overlay_chroma_key import OverlayChromaKey
  from ..models.overlay_shadow import OverlayShadow
  from ..models.overlay_stroke import OverlayStroke





T = TypeVar("T", bound="Overlay")



@_attrs_define
class Overlay:
    """ an overlay has one of text, image_url or video_url

        Attributes:
            text (str | Unset):
            image_url (str | Unset):
            video_url (str | Unset): picture-in-picture: a video placed like an image, playing from trim_start through its
                window; its sound is mixed in at volume
            trim_start (float | Unset):  Default: 0.0.
            volume (float | Unset):  Default: 1.0.
            animation (OverlayAnimation | Unset): text overlays: how the text enters and leaves (typewriter enters only, at
                most 200 characters); in + out fit in the window
            stroke (OverlayStroke | Unset): text outline
            shadow (OverlayShadow | Unset): text drop shadow
            chroma_key (OverlayChromaKey | Unset): image and video overlays: pixels near color become transparent (green
                screen)
            position (OverlayPosition | Unset):  Default: OverlayPosition.CENTER.
            start_time (float | Unset):  Default: 0.0.
            end_time (float | Unset):
            font_size (int | Unset):  Default: 48.
            font_color (str | Unset):  Default: 'white'.
            scale (float | Unset):  Default: 0.2.
            opacity (float | Unset):  Default: 1.0.
            background_color (None | str | Unset): box behind the text
            fade_in (float | Unset):  Default: 0.0.
            fade_out (float | Unset):  Default: 0.0.
     """

    text: str | Unset = UNSET
    image_url: str | Unset = UNSET
    video_url: str | Unset = UNSET
    trim_start: float | Unset = 0.0
    volume: float | Unset = 1.0
    animation: OverlayAnimation | Unset = UNSET
    stroke: OverlayStroke | Unset = UNSET
    shadow: OverlayShadow | Unset = UNSET
    chroma_key: OverlayChromaKey | Unset = UNSET
    position: OverlayPosition | Unset = OverlayPosition.CENTER
    start_time: float | Unset = 0.0
    end_time: float | Unset = UNSET
    font_size: int | Unset = 48
    font_color: str | Unset = 'white'
    scale: float | Unset = 0.2
    opacity: float | Unset = 1.0
    background_color: None | str | Unset = UNSET
    fade_in: float | Unset = 0.0
    fade_out: float | Unset = 0.0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.overlay_animation import OverlayAnimation # noqa: PLC0415
        from ..models.overlay_chroma_key import OverlayChromaKey # noqa: PLC0415
        from ..models.overlay_shadow import OverlayShadow # noqa: PLC0415
        from ..models.overlay_stroke import OverlayStroke # noqa: PLC0415
        text = self.text

        image_url = self.image_url

        video_url = self.video_url

        trim_start = self.trim_start

        volume = self.volume

        animation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.animation, Unset):
            animation = self.animation.to_dict()

        stroke: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stroke, Unset):
            stroke = self.stroke.to_dict()

        shadow: dict[str, Any] | Unset = UNSET
        if not isinstance(self.shadow, Unset):
            shadow = self.shadow.to_dict()

        chroma_key: dict[str, Any] | Unset = UNSET
        if not isinstance(self.chroma_key, Unset):
            chroma_key = self.chroma_key.to_dict()

        position: str | Unset = UNSET
        if not isinstance(self.position, Unset):
            position = self.position.value


        start_time = self.start_time

        end_time = self.end_time

        font_size = self.font_size

        font_color = self.font_color

        scale = self.scale

        opacity = self.opacity

        background_color: None | str | Unset
        if isinstance(self.background_color, Unset):
            background_color = UNSET
        else:
            background_color = self.background_color

        fade_in = self.fade_in

        fade_out = self.fade_out


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if text is not UNSET:
            field_dict["text"] = text
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if video_url is not UNSET:
            field_dict["video_url"] = video_url
        if trim_start is not UNSET:
            field_dict["trim_start"] = trim_start
        if volume is not UNSET:
            field_dict["volume"] = volume
        if animation is not UNSET:
            field_dict["animation"] = animation
        if stroke is not UNSET:
            field_dict["stroke"] = stroke
        if shadow is not UNSET:
            field_dict["shadow"] = shadow
        if chroma_key is not UNSET:
            field_dict["chroma_key"] = chroma_key
        if position is not UNSET:
            field_dict["position"] = position
        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if font_size is not UNSET:
            field_dict["font_size"] = font_size
        if font_color is not UNSET:
            field_dict["font_color"] = font_color
        if scale is not UNSET:
            field_dict["scale"] = scale
        if opacity is not UNSET:
            field_dict["opacity"] = opacity
        if background_color is not UNSET:
            field_dict["background_color"] = background_color
        if fade_in is not UNSET:
            field_dict["fade_in"] = fade_in
        if fade_out is not UNSET:
            field_dict["fade_out"] = fade_out

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.overlay_animation import OverlayAnimation # noqa: PLC0415
        from ..models.overlay_chroma_key import OverlayChromaKey # noqa: PLC0415
        from ..models.overlay_shadow import OverlayShadow # noqa: PLC0415
        from ..models.overlay_stroke import OverlayStroke # noqa: PLC0415
        d = dict(src_dict)
        text = d.pop("text", UNSET)

        image_url = d.pop("image_url", UNSET)

        video_url = d.pop("video_url", UNSET)

        trim_start = d.pop("trim_start", UNSET)

        volume = d.pop("volume", UNSET)

        _animation = d.pop("animation", UNSET)
        animation: OverlayAnimation | Unset
        if isinstance(_animation,  Unset):
            animation = UNSET
        else:
            animation = OverlayAnimation.from_dict(_animation)




        _stroke = d.pop("stroke", UNSET)
        stroke: OverlayStroke | Unset
        if isinstance(_stroke,  Unset):
            stroke = UNSET
        else:
            stroke = OverlayStroke.from_dict(_stroke)




        _shadow = d.pop("shadow", UNSET)
        shadow: OverlayShadow | Unset
        if isinstance(_shadow,  Unset):
            shadow = UNSET
        else:
            shadow = OverlayShadow.from_dict(_shadow)




        _chroma_key = d.pop("chroma_key", UNSET)
        chroma_key: OverlayChromaKey | Unset
        if isinstance(_chroma_key,  Unset):
            chroma_key = UNSET
        else:
            chroma_key = OverlayChromaKey.from_dict(_chroma_key)




        _position = d.pop("position", UNSET)
        position: OverlayPosition | Unset
        if isinstance(_position,  Unset):
            position = UNSET
        else:
            position = OverlayPosition(_position)




        start_time = d.pop("start_time", UNSET)

        end_time = d.pop("end_time", UNSET)

        font_size = d.pop("font_size", UNSET)

        font_color = d.pop("font_color", UNSET)

        scale = d.pop("scale", UNSET)

        opacity = d.pop("opacity", UNSET)

        def _parse_background_color(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        background_color = _parse_background_color(d.pop("background_color", UNSET))


        fade_in = d.pop("fade_in", UNSET)

        fade_out = d.pop("fade_out", UNSET)

        overlay = cls(
            text=text,
            image_url=image_url,
            video_url=video_url,
            trim_start=trim_start,
            volume=volume,
            animation=animation,
            stroke=stroke,
            shadow=shadow,
            chroma_key=chroma_key,
            position=position,
            start_time=start_time,
            end_time=end_time,
            font_size=font_size,
            font_color=font_color,
            scale=scale,
            opacity=opacity,
            background_color=background_color,
            fade_in=fade_in,
            fade_out=fade_out,
        )


        overlay.additional_properties = d
        return overlay

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
