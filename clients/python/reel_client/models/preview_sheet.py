from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.preview_sheet_tiles_item import PreviewSheetTilesItem





T = TypeVar("T", bound="PreviewSheet")



@_attrs_define
class PreviewSheet:
    """ 
        Attributes:
            columns (int):
            rows (int):
            tile_width (int):
            tile_height (int):
            tiles (list[PreviewSheetTilesItem]):
     """

    columns: int
    rows: int
    tile_width: int
    tile_height: int
    tiles: list[PreviewSheetTilesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.preview_sheet_tiles_item import PreviewSheetTilesItem # noqa: PLC0415
        columns = self.columns

        rows = self.rows

        tile_width = self.tile_width

        tile_height = self.tile_height

        tiles = []
        for tiles_item_data in self.tiles:
            tiles_item = tiles_item_data.to_dict()
            tiles.append(tiles_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "columns": columns,
            "rows": rows,
            "tile_width": tile_width,
            "tile_height": tile_height,
            "tiles": tiles,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preview_sheet_tiles_item import PreviewSheetTilesItem # noqa: PLC0415
        d = dict(src_dict)
        columns = d.pop("columns")

        rows = d.pop("rows")

        tile_width = d.pop("tile_width")

        tile_height = d.pop("tile_height")

        tiles = []
        _tiles = d.pop("tiles")
        for tiles_item_data in (_tiles):
            tiles_item = PreviewSheetTilesItem.from_dict(tiles_item_data)



            tiles.append(tiles_item)


        preview_sheet = cls(
            columns=columns,
            rows=rows,
            tile_width=tile_width,
            tile_height=tile_height,
            tiles=tiles,
        )


        preview_sheet.additional_properties = d
        return preview_sheet

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
