from enum import StrEnum

class OverlayAnimationOutType(StrEnum):
    FADE = "fade"
    SLIDE_DOWN = "slide_down"
    SLIDE_LEFT = "slide_left"
    SLIDE_RIGHT = "slide_right"
    SLIDE_UP = "slide_up"
    ZOOM = "zoom"

    def __str__(self) -> str:
        return str(self.value)
