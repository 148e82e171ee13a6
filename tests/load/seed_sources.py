"""Uploads the seed payloads' sources (video0-9.mp4, music.mp3, voice.mp3) to `test-bucket` of
the S3 endpoint in AWS_ENDPOINT_URL, generating them with ffmpeg first:

    eval "$(scripts/services env)" && python3 tests/load/seed_sources.py
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from reel_support import seed_sources  # noqa: E402

if __name__ == "__main__":
    seed_sources(sys.argv[1] if len(sys.argv) > 1 else "test-bucket")
    print("sources uploaded")
