from enum import StrEnum

class OutputFormat(StrEnum):
    GIF = "gif"
    HLS = "hls"
    M4A = "m4a"
    MOV = "mov"
    MP3 = "mp3"
    MP4 = "mp4"
    WAV = "wav"
    WEBM = "webm"

    def __str__(self) -> str:
        return str(self.value)
