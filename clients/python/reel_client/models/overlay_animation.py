from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.overlay_animation_in import OverlayAnimationIn
  from ..models.overlay_animation_out import OverlayAnimationOut





T = TypeVar("T", bound="OverlayAnimation")



@_attrs_define
class OverlayAnimation:
    """ text overlays: how the text enters and leaves (typewriter enters only, at most 200 characters); in + out fit in the
    window

        Attributes:
            in_ (OverlayAnimationIn | Unset):
            out (OverlayAnimationOut | Unset):
     """

    in_: OverlayAnimationIn | Unset = UNSET
    out: OverlayAnimationOut | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.overlay_animation_in import OverlayAnimationIn # noqa: PLC0415
        from ..models.overlay_animation_out import OverlayAnimationOut # noqa: PLC0415
        in_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.in_, Unset):
            in_ = self.in_.to_dict()

        out: dict[str, Any] | Unset = UNSET
        if not isinstance(self.out, Unset):
            out = self.out.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if in_ is not UNSET:
            field_dict["in"] = in_
        if out is not UNSET:
            field_dict["out"] = out

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.overlay_animation_in import OverlayAnimationIn # noqa: PLC0415
        from ..models.overlay_animation_out import OverlayAnimationOut # noqa: PLC0415
        d = dict(src_dict)
        _in_ = d.pop("in", UNSET)
        in_: OverlayAnimationIn | Unset
        if isinstance(_in_,  Unset):
            in_ = UNSET
        else:
            in_ = OverlayAnimationIn.from_dict(_in_)




        _out = d.pop("out", UNSET)
        out: OverlayAnimationOut | Unset
        if isinstance(_out,  Unset):
            out = UNSET
        else:
            out = OverlayAnimationOut.from_dict(_out)




        overlay_animation = cls(
            in_=in_,
            out=out,
        )


        overlay_animation.additional_properties = d
        return overlay_animation

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
