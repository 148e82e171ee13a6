from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.output_format import OutputFormat
from ..models.output_quality import OutputQuality
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.output_poster import OutputPoster
  from ..models.output_storyboard import OutputStoryboard





T = TypeVar("T", bound="Output")



@_attrs_define
class Output:
    """ 
        Attributes:
            resolution (str | Unset): 480p, 720p, 1080p, 4k or WxH Default: '720p'.
            format_ (OutputFormat | Unset): mp4, mov, webm and gif are video; mp3, m4a and wav are the sound alone (nothing
                of the video is rendered); hls is HTTP Live Streaming (fMP4 segments, a playlist per rendition, a master
                playlist as download_url) Default: OutputFormat.MP4.
            renditions (list[str] | Unset): mp4 or hls: sizes encoded from one decode of the timeline (a …p name is the
                short side), none larger than the output; mp4 gives one file each (renditions in /download), hls one variant
                each
            fps (float | Unset):  Default: 30.0.
            bitrate (int | str | Unset): bits per second (100000 to 100000000), or a string like 2000k or 5M
            thumbnail (bool | Unset):  Default: False.
            poster (OutputPoster | Unset): a still of the video stored beside it; its link is poster_url in /download
            storyboard (OutputStoryboard | Unset): a sprite sheet of a frame every interval seconds (storyboard_url) and a
                WebVTT track naming each tile as storyboard.jpg#xywh=x,y,w,h (storyboard_vtt_url), for scrubbing previews
            aspect_ratio (None | str | Unset): W:H such as 16:9, 9:16, 1:1, 4:5; the …p resolution is then the short side
            quality (OutputQuality | Unset): used when no bitrate is given; draft is a fast proxy of the whole composition
                (at most 640 px on the long side, at most 15 fps, the fastest encoder settings, text scaled with the frame; no
                renditions, bitrate ignored) for checking timing and sound, marked draft in /download Default:
                OutputQuality.MEDIUM.
     """

    resolution: str | Unset = '720p'
    format_: OutputFormat | Unset = OutputFormat.MP4
    renditions: list[str] | Unset = UNSET
    fps: float | Unset = 30.0
    bitrate: int | str | Unset = UNSET
    thumbnail: bool | Unset = False
    poster: OutputPoster | Unset = UNSET
    storyboard: OutputStoryboard | Unset = UNSET
    aspect_ratio: None | str | Unset = UNSET
    quality: OutputQuality | Unset = OutputQuality.MEDIUM
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.output_poster import OutputPoster # noqa: PLC0415
        from ..models.output_storyboard import OutputStoryboard # noqa: PLC0415
        resolution = self.resolution

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value


        renditions: list[str] | Unset = UNSET
        if not isinstance(self.renditions, Unset):
            renditions = self.renditions



        fps = self.fps

        bitrate: int | str | Unset
        if isinstance(self.bitrate, Unset):
            bitrate = UNSET
        else:
            bitrate = self.bitrate

        thumbnail = self.thumbnail

        poster: dict[str, Any] | Unset = UNSET
        if not isinstance(self.poster, Unset):
            poster = self.poster.to_dict()

        storyboard: dict[str, Any] | Unset = UNSET
        if not isinstance(self.storyboard, Unset):
            storyboard = self.storyboard.to_dict()

        aspect_ratio: None | str | Unset
        if isinstance(self.aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = self.aspect_ratio

        quality: str | Unset = UNSET
        if not isinstance(self.quality, Unset):
            quality = self.quality.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if format_ is not UNSET:
            field_dict["format"] = format_
        if renditions is not UNSET:
            field_dict["renditions"] = renditions
        if fps is not UNSET:
            field_dict["fps"] = fps
        if bitrate is not UNSET:
            field_dict["bitrate"] = bitrate
        if thumbnail is not UNSET:
            field_dict["thumbnail"] = thumbnail
        if poster is not UNSET:
            field_dict["poster"] = poster
        if storyboard is not UNSET:
            field_dict["storyboard"] = storyboard
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if quality is not UNSET:
            field_dict["quality"] = quality

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.output_poster import OutputPoster # noqa: PLC0415
        from ..models.output_storyboard import OutputStoryboard # noqa: PLC0415
        d = dict(src_dict)
        resolution = d.pop("resolution", UNSET)

        _format_ = d.pop("format", UNSET)
        format_: OutputFormat | Unset
        if isinstance(_format_,  Unset):
            format_ = UNSET
        else:
            format_ = OutputFormat(_format_)




        renditions = cast(list[str], d.pop("renditions", UNSET))


        fps = d.pop("fps", UNSET)

        def _parse_bitrate(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        bitrate = _parse_bitrate(d.pop("bitrate", UNSET))


        thumbnail = d.pop("thumbnail", UNSET)

        _poster = d.pop("poster", UNSET)
        poster: OutputPoster | Unset
        if isinstance(_poster,  Unset):
            poster = UNSET
        else:
            poster = OutputPoster.from_dict(_poster)




        _storyboard = d.pop("storyboard", UNSET)
        storyboard: OutputStoryboard | Unset
        if isinstance(_storyboard,  Unset):
            storyboard = UNSET
        else:
            storyboard = OutputStoryboard.from_dict(_storyboard)




        def _parse_aspect_ratio(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        aspect_ratio = _parse_aspect_ratio(d.pop("aspect_ratio", UNSET))


        _quality = d.pop("quality", UNSET)
        quality: OutputQuality | Unset
        if isinstance(_quality,  Unset):
            quality = UNSET
        else:
            quality = OutputQuality(_quality)




        output = cls(
            resolution=resolution,
            format_=format_,
            renditions=renditions,
            fps=fps,
            bitrate=bitrate,
            thumbnail=thumbnail,
            poster=poster,
            storyboard=storyboard,
            aspect_ratio=aspect_ratio,
            quality=quality,
        )


        output.additional_properties = d
        return output

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
