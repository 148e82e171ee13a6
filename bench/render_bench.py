#!/usr/bin/env python3
"""Render benchmarks: Reel against the best hand-written ffmpeg command and against MoviePy,
each figure a ratio measured in the same run. Prints a Markdown table."""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


@dataclass
class Run:
    seconds: float
    peak_rss_mb: float


def tree_rss_kb(root: int) -> int:
    """Resident memory of a process and all its descendants, in KiB."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except OSError:
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def measure(argv: list[str], env: dict[str, str] | None = None) -> Run:
    """Wall time and peak resident memory (process tree) of one command."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss_kb(process.pid))
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        sys.exit(f"command failed ({process.returncode}): {' '.join(argv[:6])} …\n{process.stderr.read().decode()[-2000:]}")
    return Run(elapsed, peak / 1024)


def best(runs: int, argv: list[str], env: dict[str, str] | None = None) -> Run:
    results = [measure(argv, env) for _ in range(runs)]
    return Run(min(r.seconds for r in results), max(r.peak_rss_mb for r in results))


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True)


def make_fixtures(folder: Path) -> None:
    """720p sources with a keyframe every second and no B-frames, so the simple payload matches its output."""
    for index in range(10):
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30:duration=10", "-f", "lavfi", "-i",
               f"sine=frequency={300 + 40 * index}:sample_rate=48000:duration=10", "-c:v", "libx264", "-preset",
               "veryfast", "-g", "30", "-bf", "0", "-pix_fmt", "yuv420p", "-c:a", "aac", "-ac", "2", "-shortest",
               str(folder / f"video{index}.mp4"))
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=220:sample_rate=44100:duration=20", str(folder / "music.mp3"))
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=900:sample_rate=44100:duration=12", str(folder / "voice.mp3"))


def seed_spec(name: str, folder: Path) -> dict:
    text = (ROOT / "Tests/Fixtures/seed-payloads" / f"{name}.json").read_text()
    return json.loads(text.replace("https://test-bucket.s3.amazonaws.com/", str(folder) + "/"))


def transitions_spec(folder: Path) -> dict:
    """Ten clips, nine 0.5 s transitions, music, three titles, 1080p."""
    kinds = ["fade", "wipeleft", "slideup", "circleopen", "dissolve", "radial", "smoothleft", "fadeblack", "pixelize"]
    clips, start = [], 0.0
    for index in range(10):
        clip = {"video_url": str(folder / f"video{index}.mp4"), "start_time": start, "end_time": start + 3.5, "trim_start": 0,
                "trim_end": 3.5}
        if index:
            clip["transition"] = {"type": kinds[index - 1], "duration": 0.5}
        clips.append(clip)
        start += 3.0
    spec = seed_spec("complex-10-clip", folder)
    spec["clips"] = clips
    spec["audio"]["voiceover_url"] = None
    spec["overlays"][2]["start_time"], spec["overlays"][2]["end_time"] = 27.5, 30.5
    return spec


def hand_copy(folder: Path, out: Path) -> list[str]:
    """The stream-copy join a person would type for matching sources."""
    listing = out.with_suffix(".ffconcat")
    listing.write_text(f"ffconcat version 1.0\nfile {folder}/video1.mp4\noutpoint 5\nfile {folder}/video2.mp4\noutpoint 5\n")
    return ["ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", str(listing), "-c", "copy", "-movflags",
            "+faststart", str(out)]


def hand_simple(folder: Path, out: Path, fps: int = 25) -> list[str]:
    graph = (f"[0:v]scale=1280:720,setsar=1,fps={fps}[v0];[1:v]scale=1280:720,setsar=1,fps={fps}[v1];"
             "[v0][0:a][v1][1:a]concat=n=2:v=1:a=1[v][a]")
    return ["ffmpeg", "-v", "error", "-y", "-t", "5", "-i", str(folder / "video1.mp4"), "-t", "5", "-i",
            str(folder / "video2.mp4"), "-filter_complex", graph, "-map", "[v]", "-map", "[a]", "-c:v", "libx264",
            "-preset", "veryfast", "-b:v", "2000000", "-maxrate", "3000000", "-bufsize", "4000000", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-ac", "2", "-movflags", "+faststart", str(out)]


def titles(times: list[tuple[str, str, float, float, int, str]]) -> str:
    return ",".join(
        f"drawtext=fontfile={FONT}:text='{text}':fontsize={size}:fontcolor={color}:x=(w-text_w)/2:y={y}:"
        f"enable='between(t,{start:g},{end:g})'" for text, y, start, end, size, color in times)


def hand_complex(folder: Path, out: Path) -> list[str]:
    inputs: list[str] = []
    parts = []
    for index in range(10):
        inputs += ["-t", "3", "-i", str(folder / f"video{index}.mp4")]
        parts.append(f"[{index}:v]scale=1920:1080,setsar=1,fps=30[v{index}];[{index}:a]volume=0.8[a{index}]")
    inputs += ["-stream_loop", "-1", "-i", str(folder / "music.mp3"), "-i", str(folder / "voice.mp3")]
    joined = "".join(f"[v{i}][a{i}]" for i in range(10))
    text = titles([("Opening Title", "h*0.05", 0, 3, 48, "white"), ("Middle", "h-text_h-h*0.05", 15, 18, 36, "yellow"),
                   ("End Credits", "(h-text_h)/2", 27, 30, 40, "white")])
    graph = ";".join(parts) + f";{joined}concat=n=10:v=1:a=1[cv][ca];[cv]{text}[v];" \
        "[10:a]aresample=48000,volume=0.3,atrim=duration=30[m];[11:a]aresample=48000,apad,atrim=duration=30[vo];" \
        "[ca][m][vo]amix=inputs=3:duration=first:normalize=0[a]"
    return ["ffmpeg", "-v", "error", "-y", *inputs, "-filter_complex", graph, "-map", "[v]", "-map", "[a]", "-c:v",
            "libx264", "-preset", "veryfast", "-b:v", "5000000", "-maxrate", "7500000", "-bufsize", "10000000",
            "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-ar", "48000", "-ac", "2", "-t", "30", "-movflags",
            "+faststart", str(out)]


def hand_naive_transitions(folder: Path, out: Path) -> list[str]:
    """The textbook chained xfade: every input scaled, then xfade after xfade."""
    kinds = ["fade", "wipeleft", "slideup", "circleopen", "dissolve", "radial", "smoothleft", "fadeblack", "pixelize"]
    inputs: list[str] = []
    parts = []
    for index in range(10):
        inputs += ["-t", "3.5", "-i", str(folder / f"video{index}.mp4")]
        parts.append(f"[{index}:v]scale=1920:1080,setsar=1,fps=30,format=yuv420p[v{index}]")
    inputs += ["-stream_loop", "-1", "-i", str(folder / "music.mp3")]
    chain, audio, last, last_audio = [], [], "v0", "0:a"
    for index in range(1, 10):
        chain.append(f"[{last}][v{index}]xfade=transition={kinds[index - 1]}:duration=0.5:offset={3 * index}[x{index}]")
        audio.append(f"[{last_audio}][{index}:a]acrossfade=d=0.5[y{index}]")
        last, last_audio = f"x{index}", f"y{index}"
    text = titles([("Opening Title", "h*0.05", 0, 3, 48, "white"), ("Middle", "h-text_h-h*0.05", 15, 18, 36, "yellow"),
                   ("End Credits", "(h-text_h)/2", 27.5, 30.5, 40, "white")])
    graph = ";".join(parts + chain + audio) + f";[{last}]{text}[v];[10:a]aresample=48000,volume=0.3[m];" \
        f"[{last_audio}][m]amix=inputs=2:duration=first:normalize=0[a]"
    return ["ffmpeg", "-v", "error", "-y", *inputs, "-filter_complex", graph, "-map", "[v]", "-map", "[a]", "-c:v",
            "libx264", "-preset", "veryfast", "-b:v", "5000000", "-pix_fmt", "yuv420p", "-c:a", "aac", "-ar", "48000",
            "-t", "30.5", str(out)]


CUES = [(3.0 * i + 0.2, 3.0 * i + 2.8, f"Caption number {i + 1}, long enough to wrap onto a second line at 1080p") for i in range(10)]
KEYED = [(2.0, 12.0, "top_right"), (14.0, 26.0, "bottom_left")]


def make_green_screen(folder: Path) -> None:
    """A red subject on a green screen, for the keyed overlays."""
    ffmpeg("-f", "lavfi", "-i", "color=c=0x00FF00:size=640x360:rate=30:duration=12,drawbox=x=220:y=100:w=200:h=160:c=red:t=fill",
           "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", str(folder / "green.mp4"))


def editing_spec(folder: Path) -> dict:
    """complex-10-clip with burned captions, two chroma-keyed video overlays and sliding titles."""
    spec = seed_spec("complex-10-clip", folder)
    spec["captions"] = {"cues": [{"start": a, "end": b, "text": t} for a, b, t in CUES]}
    for overlay in spec["overlays"]:
        overlay["animation"] = {"in": {"type": "slide_up", "duration": 0.5}, "out": {"type": "fade", "duration": 0.5}}
    for start, end, position in KEYED:
        spec["overlays"].append({"video_url": str(folder / "green.mp4"), "chroma_key": {"color": "#00FF00"}, "position": position,
                                 "start_time": start, "end_time": end, "scale": 0.3, "volume": 0})
    return spec


def hand_editing(folder: Path, out: Path) -> list[str]:
    """The same as one ffmpeg command: hand_complex plus libass captions, keyed overlays and title slides."""
    srt = out.with_suffix(".srt")
    srt.write_text("".join(
        f"{n + 1}\n00:00:{a:06.3f} --> 00:00:{b:06.3f}\n{t}\n\n".replace(".", ",") for n, (a, b, t) in enumerate(CUES)))
    argv = hand_complex(folder, out)
    graph_at = argv.index("-filter_complex") + 1
    inputs_end = argv.index("-filter_complex")
    keyed_inputs: list[str] = []
    chains, last = [], "t"
    for index, (start, end, position) in enumerate(KEYED):
        keyed_inputs += ["-t", str(end - start), "-i", str(folder / "green.mp4")]
        x, y = ("W-w-54", "54") if position == "top_right" else ("54", "H-h-54")
        chains.append(f"[{12 + index}:v]setpts=PTS-STARTPTS+{start:g}/TB,fps=30,scale=576:-2,format=rgba,"
                      f"chromakey=color=0x00FF00:similarity=0.3:blend=0.1[k{index}];"
                      f"[{last}][k{index}]overlay=x={x}:y={y}:enable='between(t,{start:g},{end:g})':eof_action=pass[o{index}]")
        last = f"o{index}"
    slide = ("h*0.05", 0, 3), ("h-text_h-h*0.05", 15, 18), ("(h-text_h)/2", 27, 30)
    texts = [("Opening Title", 48, "white"), ("Middle", 36, "yellow"), ("End Credits", 40, "white")]
    titles_text = ",".join(
        f"drawtext=fontfile={FONT}:text='{text}':fontsize={size}:fontcolor={color}:x=(w-text_w)/2:"
        f"y='({y})+(h-({y}))*(1-(1-pow(1-min(1,max(0,(t-{a})/0.5)),3)))':"
        f"alpha='max(0,min(1,if(gt(t,{b - 0.5}),({b}-t)/0.5,1)))':enable='between(t,{a},{b})'"
        for (text, size, color), (y, a, b) in zip(texts, slide))
    graph = argv[graph_at]
    before, after = graph.split(";[cv]", 1)[0], graph.split("[v];", 1)[1]
    graph = before + f";[cv]{titles_text}[t];" + ";".join(chains) + f";[{last}]subtitles=filename={srt}[v];" + after
    return argv[:inputs_end] + keyed_inputs + ["-filter_complex", graph] + argv[graph_at + 1:]


def moviepy_argv(spec: Path, out: Path) -> list[str]:
    return [sys.executable, str(ROOT / "bench" / "moviepy_render.py"), str(spec), str(out)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reel", default=str(ROOT / ".build/release/reel"))
    parser.add_argument("--runs", type=int, default=2, help="runs per command; the best time counts")
    parser.add_argument("--skip-moviepy", action="store_true")
    parser.add_argument("--editing", action="store_true", help="only the editing row: captions, keyed overlays, animated titles")
    parser.add_argument("--ladder", action="store_true", help="only the ladder row: HLS of 3 renditions vs 3 renders")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="reel-bench-"))
    try:
        fixtures = work / "media"
        fixtures.mkdir()
        make_fixtures(fixtures)
        make_green_screen(fixtures)
        reencoded = seed_spec("simple-2-clip", fixtures)
        reencoded["output"]["fps"] = 25
        specs = {
            "simple-2-clip": seed_spec("simple-2-clip", fixtures),
            "simple-2-clip-25fps": reencoded,
            "complex-10-clip": seed_spec("complex-10-clip", fixtures),
            "transitions-10-clip": transitions_spec(fixtures),
            "editing-10-clip": editing_spec(fixtures),
        }
        for name, resolution in [("hls-ladder", None), ("hls-1080p", None), ("mp4-1080p", "1080p"), ("mp4-720p", "720p"),
                                 ("mp4-360p", "360p")]:
            spec = seed_spec("complex-10-clip", fixtures)
            if resolution:
                spec["output"]["resolution"] = resolution
            else:
                rungs = ["1080p", "720p", "360p"] if name == "hls-ladder" else ["1080p"]
                spec["output"].update({"format": "hls", "renditions": rungs})
            specs[name] = spec
        for name, spec in specs.items():
            (work / f"{name}.json").write_text(json.dumps(spec))
        env = dict(os.environ, REEL_DATA_DIR=str(work / "data"))

        def reel(name: str) -> Run:
            suffix = "m3u8" if name.startswith("hls") else "mp4"
            target = work / name / f"reel-{name}.{suffix}"
            target.parent.mkdir(exist_ok=True)
            return best(args.runs, [args.reel, "render", str(work / f"{name}.json"), "-o", str(target)], env)

        rows: list[tuple[str, str, str, str]] = []
        if args.ladder:
            ladder = reel("hls-ladder")
            singles = [reel(f"mp4-{size}") for size in ["1080p", "720p", "360p"]]
            total = sum(run.seconds for run in singles)
            rows.append(("complex-10-clip as HLS 1080p/720p/360p (one decode) / three single-size renders",
                         f"{ladder.seconds:.2f} s", f"{total:.2f} s (" + " + ".join(f"{r.seconds:.1f}" for r in singles) + ")",
                         f"{ladder.seconds / total:.3f}"))
            # The floor of that ratio: the same HLS render with its 1080p rung alone, as if the
            # lower rungs cost nothing at all.
            top = reel("hls-1080p")
            rows.append(("floor: HLS of the 1080p rung alone / the same three renders", f"{top.seconds:.2f} s", f"{total:.2f} s",
                         f"{top.seconds / total:.3f}"))
            print("| measurement | Reel | baseline | ratio |")
            print("|---|---|---|---|")
            for row in rows:
                print("| " + " | ".join(row) + " |")
            return
        editing_reel, editing_hand = reel("editing-10-clip"), best(args.runs, hand_editing(fixtures, work / "hand-editing.mp4"))
        rows.append(("complex-10-clip + captions + 2 keyed video overlays + sliding titles: Reel / hand-written ffmpeg",
                     f"{editing_reel.seconds:.2f} s", f"{editing_hand.seconds:.2f} s",
                     f"{editing_reel.seconds / editing_hand.seconds:.3f}"))
        if not args.editing:
            fast_reel, fast_hand = reel("simple-2-clip"), best(args.runs, hand_copy(fixtures, work / "hand-copy.mp4"))
            rows.append(("simple-2-clip, matching sources (stream copy): Reel / hand-written ffmpeg", f"{fast_reel.seconds:.2f} s",
                         f"{fast_hand.seconds:.2f} s", f"{fast_reel.seconds / fast_hand.seconds:.3f}"))
            simple_reel = reel("simple-2-clip-25fps")
            simple_hand = best(args.runs, hand_simple(fixtures, work / "hand-simple.mp4"))
            rows.append(("simple-2-clip at 25 fps (re-encoded): Reel / hand-written ffmpeg", f"{simple_reel.seconds:.2f} s",
                         f"{simple_hand.seconds:.2f} s", f"{simple_reel.seconds / simple_hand.seconds:.3f}"))
            complex_reel, complex_hand = reel("complex-10-clip"), best(args.runs, hand_complex(fixtures, work / "hand-complex.mp4"))
            rows.append(("complex-10-clip 1080p: Reel / hand-written ffmpeg (wall time)", f"{complex_reel.seconds:.2f} s",
                         f"{complex_hand.seconds:.2f} s", f"{complex_reel.seconds / complex_hand.seconds:.3f}"))
            trans_reel = reel("transitions-10-clip")
            naive = best(1, hand_naive_transitions(fixtures, work / "naive.mp4"))
            rows.append(("10 clips, 9 transitions, 1080p: peak RSS, Reel + ffmpeg / naive xfade chain",
                         f"{trans_reel.peak_rss_mb:.0f} MiB", f"{naive.peak_rss_mb:.0f} MiB",
                         f"{trans_reel.peak_rss_mb / naive.peak_rss_mb:.3f}"))
            rows.append(("10 clips, 9 transitions, 1080p: wall time, Reel / naive xfade chain", f"{trans_reel.seconds:.2f} s",
                         f"{naive.seconds:.2f} s", f"{trans_reel.seconds / naive.seconds:.3f}"))
            if not args.skip_moviepy:
                for name in ["simple-2-clip-25fps", "complex-10-clip"]:
                    reel_run = simple_reel if name.startswith("simple") else complex_reel
                    movie = measure(moviepy_argv(work / f"{name}.json", work / f"moviepy-{name}.mp4"))
                    rows.append((f"{name}: MoviePy 2 / Reel (speed-up)", f"{reel_run.seconds:.2f} s", f"{movie.seconds:.2f} s",
                                 f"{movie.seconds / reel_run.seconds:.1f}×"))
        print("| measurement | Reel | baseline | ratio |")
        print("|---|---|---|---|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
