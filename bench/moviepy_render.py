#!/usr/bin/env python3
"""Renders a Reel composition (local file sources) with MoviePy 2, the peer Reel is measured against."""
from __future__ import annotations

import json
import sys

from moviepy import AudioFileClip, CompositeAudioClip, CompositeVideoClip, TextClip, VideoFileClip, afx, concatenate_videoclips

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SIZES = {"480p": (854, 480), "720p": (1280, 720), "1080p": (1920, 1080)}
POSITIONS = {"top_center": ("center", "top"), "bottom_center": ("center", "bottom"), "center": ("center", "center")}


def render(spec: dict, out: str) -> None:
    output = spec["output"]
    size = SIZES[output["resolution"]]
    audio = spec.get("audio") or {}
    original = audio.get("original_audio_volume", 1.0)
    parts = []
    for clip in spec["clips"]:
        source = VideoFileClip(clip["video_url"])
        end = clip.get("trim_end", clip["trim_start"] + clip["end_time"] - clip["start_time"])
        parts.append(source.subclipped(clip.get("trim_start", 0), end).resized(size).with_volume_scaled(original))
    video = concatenate_videoclips(parts)
    layers = [video]
    for overlay in spec.get("overlays", []):
        text = TextClip(font=FONT, text=overlay["text"], font_size=overlay["font_size"], color=overlay["font_color"])
        layers.append(text.with_position(POSITIONS.get(overlay["position"], "center"))
                      .with_start(overlay["start_time"]).with_duration(overlay["end_time"] - overlay["start_time"]))
    composite = CompositeVideoClip(layers, size=size)
    tracks = [video.audio]
    if audio.get("music_url"):
        music = AudioFileClip(audio["music_url"]).with_effects([afx.AudioLoop(duration=video.duration)])
        tracks.append(music.with_volume_scaled(audio.get("music_volume", 0.5)))
    if audio.get("voiceover_url"):
        voice = AudioFileClip(audio["voiceover_url"])
        tracks.append(voice.with_duration(min(voice.duration, video.duration)).with_volume_scaled(audio.get("voiceover_volume", 1.0)))
    composite = composite.with_audio(CompositeAudioClip(tracks).with_duration(video.duration))
    composite.write_videofile(out, fps=output.get("fps", 30), codec="libx264", audio_codec="aac",
                              bitrate=str(output.get("bitrate", 2000000)), preset="veryfast", threads=2, logger=None)


if __name__ == "__main__":
    with open(sys.argv[1]) as handle:
        render(json.load(handle), sys.argv[2])
