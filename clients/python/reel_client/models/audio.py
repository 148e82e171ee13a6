from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Audio")



@_attrs_define
class Audio:
    """ 
        Attributes:
            music_url (None | str | Unset):
            voiceover_url (None | str | Unset):
            music_volume (float | Unset):  Default: 0.5.
            voiceover_volume (float | Unset):  Default: 1.0.
            original_audio_volume (float | Unset):  Default: 1.0.
            music_fade_in (float | Unset):  Default: 0.0.
            music_fade_out (float | Unset):  Default: 0.0.
            music_loop (bool | Unset):  Default: True.
            ducking (bool | Unset): lower the music under the voice-over Default: False.
            loudness_target (float | None | Unset): integrated loudness in LUFS (EBU R128)
     """

    music_url: None | str | Unset = UNSET
    voiceover_url: None | str | Unset = UNSET
    music_volume: float | Unset = 0.5
    voiceover_volume: float | Unset = 1.0
    original_audio_volume: float | Unset = 1.0
    music_fade_in: float | Unset = 0.0
    music_fade_out: float | Unset = 0.0
    music_loop: bool | Unset = True
    ducking: bool | Unset = False
    loudness_target: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        music_url: None | str | Unset
        if isinstance(self.music_url, Unset):
            music_url = UNSET
        else:
            music_url = self.music_url

        voiceover_url: None | str | Unset
        if isinstance(self.voiceover_url, Unset):
            voiceover_url = UNSET
        else:
            voiceover_url = self.voiceover_url

        music_volume = self.music_volume

        voiceover_volume = self.voiceover_volume

        original_audio_volume = self.original_audio_volume

        music_fade_in = self.music_fade_in

        music_fade_out = self.music_fade_out

        music_loop = self.music_loop

        ducking = self.ducking

        loudness_target: float | None | Unset
        if isinstance(self.loudness_target, Unset):
            loudness_target = UNSET
        else:
            loudness_target = self.loudness_target


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if music_url is not UNSET:
            field_dict["music_url"] = music_url
        if voiceover_url is not UNSET:
            field_dict["voiceover_url"] = voiceover_url
        if music_volume is not UNSET:
            field_dict["music_volume"] = music_volume
        if voiceover_volume is not UNSET:
            field_dict["voiceover_volume"] = voiceover_volume
        if original_audio_volume is not UNSET:
            field_dict["original_audio_volume"] = original_audio_volume
        if music_fade_in is not UNSET:
            field_dict["music_fade_in"] = music_fade_in
        if music_fade_out is not UNSET:
            field_dict["music_fade_out"] = music_fade_out
        if music_loop is not UNSET:
            field_dict["music_loop"] = music_loop
        if ducking is not UNSET:
            field_dict["ducking"] = ducking
        if loudness_target is not UNSET:
            field_dict["loudness_target"] = loudness_target

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_music_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        music_url = _parse_music_url(d.pop("music_url", UNSET))


        def _parse_voiceover_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        voiceover_url = _parse_voiceover_url(d.pop("voiceover_url", UNSET))


        music_volume = d.pop("music_volume", UNSET)

        voiceover_volume = d.pop("voiceover_volume", UNSET)

        original_audio_volume = d.pop("original_audio_volume", UNSET)

        music_fade_in = d.pop("music_fade_in", UNSET)

        music_fade_out = d.pop("music_fade_out", UNSET)

        music_loop = d.pop("music_loop", UNSET)

        ducking = d.pop("ducking", UNSET)

        def _parse_loudness_target(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        loudness_target = _parse_loudness_target(d.pop("loudness_target", UNSET))


        audio = cls(
            music_url=music_url,
            voiceover_url=voiceover_url,
            music_volume=music_volume,
            voiceover_volume=voiceover_volume,
            original_audio_volume=original_audio_volume,
            music_fade_in=music_fade_in,
            music_fade_out=music_fade_out,
            music_loop=music_loop,
            ducking=ducking,
            loudness_target=loudness_target,
        )


        audio.additional_properties = d
        return audio

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
