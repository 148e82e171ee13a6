from enum import StrEnum

class ClipLook(StrEnum):
    BLUR = "blur"
    BRIGHTEN = "brighten"
    CONTRAST = "contrast"
    DARKEN = "darken"
    GREYSCALE = "greyscale"
    SEPIA = "sepia"
    VIGNETTE = "vignette"
    VIVID = "vivid"

    def __str__(self) -> str:
        return str(self.value)
