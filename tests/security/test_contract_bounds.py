"""The contract and the validator cannot drift: every bound, enum and required field that
openapi.json states for a composition is read from the document and tried on both sides of its
edge against a live Reel's validator (POST /api/v1/compositions/validate) and against the
document itself (jsonschema, Draft 2020-12). A value on the inside passes both; one on the outside
is refused by both, and Reel's refusal names the field's path. Query parameters' bounds are held
the same way against the list endpoints."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest

from reel_support import ReelProcess, free_port

DOCUMENT: dict[str, Any] = json.loads((Path(__file__).parents[2] / "openapi.json").read_text())
SCHEMAS: dict[str, Any] = DOCUMENT["components"]["schemas"]
URL = "https://example.com/media/a.mp4"

#: Compositions that between them hold every object the schema describes; each passes both the
#: validator and the document.
BASES: list[dict[str, Any]] = [
    {
        "title": "Bounds", "description": "every object once", "priority": "default",
        "webhook_url": "https://example.com/hook",
        "clips": [
            {
                "video_url": URL, "start_time": 0, "end_time": 130, "trim_start": 0, "trim_end": 130, "volume": 1,
                "fit": "cover", "transition": {"type": "fade", "duration": 0.5}, "zoom": "none", "speed": 1,
                "crop": {"x": 0, "y": 0, "width": 1, "height": 1}, "flip": "horizontal", "rotate": 0,
                "look": "sepia", "fade_in": 0, "fade_out": 0,
            },
            {"image_url": "https://example.com/media/b.png", "start_time": 130, "end_time": 135},
        ],
        "audio": {
            "music_url": URL, "voiceover_url": URL, "music_volume": 0.5, "voiceover_volume": 1,
            "original_audio_volume": 1, "music_fade_in": 0, "music_fade_out": 0, "loudness_target": -14,
        },
        "overlays": [
            {
                "text": "Hello", "start_time": 0, "end_time": 2, "font_size": 24, "position": "center", "opacity": 1,
                "fade_in": 0, "fade_out": 0, "stroke": {"width": 1}, "shadow": {"x": 1, "y": 1},
                "animation": {"in": {"type": "fade", "duration": 0.5}, "out": {"type": "fade", "duration": 0.5}},
            },
            {
                "image_url": "https://example.com/media/logo.png", "start_time": 0, "end_time": 2, "scale": 0.5,
                "chroma_key": {"similarity": 0.3, "blend": 0.1},
            },
            {"video_url": URL, "start_time": 0, "end_time": 2, "trim_start": 0, "volume": 1},
        ],
        "output": {
            "resolution": "720p", "format": "mp4", "fps": 30, "bitrate": 2_000_000, "quality": "medium",
            "aspect_ratio": "16:9", "poster": {"time": 1, "format": "jpg"},
        },
        "captions": {
            "cues": [{"start": 0, "end": 1, "text": "hello"}],
            "style": {"font_size": 24, "outline": 2, "position": "bottom_center", "max_width": 0.8},
        },
    },
    {
        "title": "Ladder {{NAME}}", "merge": [{"find": "NAME", "replace": "one"}],
        "clips": [{"video_url": URL, "start_time": 0, "end_time": 5}],
        "output": {
            "format": "hls", "renditions": ["360p", "720p"], "storyboard": {"interval": 1, "columns": 5, "width": 160},
        },
        "captions": {"url": "https://example.com/media/c.vtt"},
    },
]

#: Where a value just inside the document's bound meets a relation JSON Schema cannot state, the
#: value tried inside instead, and why.
RELATIONS: dict[tuple[str, str], tuple[Any, str]] = {
    ("clips[0].end_time", "exclusiveMinimum"): (0.05, "a clip ends at least one frame after its start_time"),
    ("clips[0].trim_end", "exclusiveMinimum"): (0.05, "a clip's trim_end is at least one frame after its trim_start"),
    ("overlays[0].end_time", "exclusiveMinimum"): (0.05, "an overlay ends at least one frame after its start_time"),
    ("captions.cues[0].end", "exclusiveMinimum"): (0.05, "a cue ends after its start"),
}

#: Arrays whose items must differ (`uniqueItems`): items to build them from.
DISTINCT: dict[str, list[Any]] = {"output.renditions": ["160x90", "320x180", "360p", "480p", "720p"]}

BOUND_KEYS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "enum")


@dataclass
class Rule:
    """One edge the document states: `path` as Reel names fields (`clips[0].end_time`)."""

    path: str
    keyword: str
    value: Any
    schema: dict[str, Any]


def rules(schema: dict[str, Any], path: str = "", seen: frozenset[str] = frozenset()) -> Iterator[Rule]:
    """Every bound, enum and required field under `schema`, following $ref, items and branches."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name not in seen:
            yield from rules(SCHEMAS[name], path, seen | {name})
        return
    if "dependentSchemas" in schema and "then" in schema:
        # "Exactly one of": each field's presence excludes the others, and without the others the last is required.
        yield Rule(path, "exactlyOne", list(schema["dependentSchemas"]), schema)
    for branch in ("anyOf", "oneOf", "allOf"):
        for part in schema.get(branch, []):
            yield from rules(part, path, seen)
    for keyword in BOUND_KEYS:
        if keyword in schema:
            yield Rule(path, keyword, schema[keyword], schema)
    for name in schema.get("required", []):
        yield Rule(join(path, name), "required", name, schema)
    for name, child in schema.get("properties", {}).items():
        yield from rules(child, join(path, name), seen)
    if isinstance(schema.get("items"), dict):
        yield from rules(schema["items"], path + "[0]", seen)


def join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def steps(path: str) -> list[str | int]:
    """`clips[0].end_time` as keys and indices."""
    out: list[str | int] = []
    for part in path.split("."):
        name, _, rest = part.partition("[")
        out.append(name)
        if rest:
            out.append(int(rest.rstrip("]")))
    return out


def container(document: Any, path: str) -> tuple[Any, str | int] | None:
    """The object or array holding `path`'s last step, if the document has it."""
    keys = steps(path)
    node = document
    for key in keys[:-1]:
        if isinstance(key, int):
            if not isinstance(node, list) or key >= len(node):
                return None
        elif not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node, keys[-1]


def concrete(document: Any, path: str, *, holding: bool, done: str = "") -> str | None:
    """`path` with each `[0]` turned into the first index whose item holds the rest (or, with
    `holding` false, only its container): overlays[0].chroma_key may be overlays[1].chroma_key."""
    head, marker, rest = path.partition("[0]")
    head = done + head
    if not marker:
        path = head
        found = container(document, path)
        if found is None:
            return None
        node, key = found
        if not holding:
            return path if isinstance(node, dict) or isinstance(key, int) and key < len(node) else None
        present = key in node if isinstance(node, dict) else isinstance(key, int) and key < len(node)
        return path if present else None
    items = current_in(document, head)
    for index in range(len(items) if isinstance(items, list) else 0):
        found_path = concrete(document, rest, holding=holding, done=f"{head}[{index}]")
        if found_path is not None:
            return found_path
    return None


def locate(path: str, *, holding: bool = False) -> tuple[dict[str, Any], str]:
    """A copy of the first base that holds `path` itself (an overlay with image_url for
    `overlays[0].image_url`), else, unless `holding`, the first that holds its container."""
    for need in (True,) if holding else (True, False):
        for base in BASES:
            found = concrete(base, path, holding=need)
            if found is not None:
                return copy.deepcopy(base), found
    raise AssertionError(f"no base composition holds {path}: add one to BASES")


def with_value(path: str, value: Any, *, remove: bool = False) -> tuple[dict[str, Any], str]:
    """The first base that holds `path`'s container, with `value` at `path` (or the key removed)."""
    document, where = locate(path, holding=remove)
    found = container(document, where)
    assert found is not None
    node, key = found
    if remove:
        del node[key]
    else:
        node[key] = value
    return document, where


def current(path: str) -> Any:
    document, where = locate(path, holding=True)
    return current_in(document, where)


def sized(schema: dict[str, Any], length: int) -> Any:
    """A string of `length` characters that meets the field's pattern (a URL when it asks for one)."""
    if "://" in schema.get("pattern", "") or "https?" in schema.get("pattern", ""):
        prefix = "https://example.com/" if length >= 20 else "s3://"
        return prefix + "a" * max(length - len(prefix), 0)
    return "a" * length


def edges(rule: Rule) -> list[tuple[Any, bool]]:
    """Values at the edge: (value, inside)."""
    schema = rule.schema
    if (rule.path, rule.keyword) in RELATIONS:
        return [(RELATIONS[(rule.path, rule.keyword)][0], True), (rule.value, False)]
    step = 1 if schema.get("type") == "integer" else 0.001
    if rule.keyword == "minimum":
        return [(rule.value, True), (rule.value - step, False)]
    if rule.keyword == "maximum":
        return [(rule.value, True), (rule.value + step, False)]
    if rule.keyword == "exclusiveMinimum":
        return [(rule.value + step, True), (rule.value, False)]
    if rule.keyword == "exclusiveMaximum":
        return [(rule.value - step, True), (rule.value, False)]
    if rule.keyword == "enum":
        outside = 45 if all(isinstance(v, int) for v in rule.value) else "not_a_member"
        return [(member, True) for member in rule.value] + [(outside, False)]
    if rule.keyword in ("minLength", "maxLength"):
        inside = rule.value
        outside = rule.value - 1 if rule.keyword == "minLength" else rule.value + 1
        return [(sized(schema, inside), True)] + ([(sized(schema, outside), False)] if outside >= 0 else [])
    if rule.keyword in ("minItems", "maxItems"):
        return []  # arrays: see items_edges
    raise AssertionError(rule.keyword)


def items_edges(rule: Rule) -> list[tuple[Any, bool]]:
    """Arrays at their length's edge, made of the base's first item."""
    first = (current(rule.path) or [None])[0]
    items = DISTINCT.get(rule.path.replace("[0]", ""), [first] * (rule.value + 1))
    inside = rule.value
    outside = rule.value - 1 if rule.keyword == "minItems" else rule.value + 1
    return [(items[:inside], True)] + ([(items[:outside], False)] if outside >= 0 else [])


COMPOSITION_RULES = list(rules(SCHEMAS["CompositionRequest"]))


@pytest.fixture(scope="module")
def reel() -> Iterator[ReelProcess]:
    process = ReelProcess(["serve", "--workers", "0"], {"REEL_AUTH": "off"}, "contract-bounds", port=free_port()).start()
    try:
        yield process
    finally:
        assert process.stop() == 0
        process.remove_folder()


def validator() -> jsonschema.Draft202012Validator:
    root = dict(DOCUMENT)
    root["$ref"] = "#/components/schemas/CompositionRequest"
    return jsonschema.Draft202012Validator(root)


def problems(client: httpx.Client, body: dict[str, Any]) -> list[dict[str, Any]]:
    answer = client.post("/api/v1/compositions/validate", json=body)
    assert answer.status_code == 200, answer.text
    found: list[dict[str, Any]] = answer.json()["problems"]
    return found


def test_the_bases_pass_both_sides(reel: ReelProcess) -> None:
    schema = validator()
    with httpx.Client(base_url=reel.base_url, timeout=30) as client:
        for base in BASES:
            assert list(schema.iter_errors(base)) == [], base["title"]
            assert problems(client, base) == [], base["title"]


def test_the_rules_cover_the_whole_request() -> None:
    kinds = {rule.keyword for rule in COMPOSITION_RULES}
    assert kinds >= {"minimum", "maximum", "exclusiveMinimum", "enum", "maxLength", "maxItems", "required"}
    assert len(COMPOSITION_RULES) >= 130, len(COMPOSITION_RULES)


def test_every_bound_enum_and_required_field_holds_on_both_sides(reel: ReelProcess) -> None:
    schema = validator()
    mismatches: list[str] = []
    with httpx.Client(base_url=reel.base_url, timeout=30) as client:
        for rule in COMPOSITION_RULES:
            if rule.keyword == "exactlyOne":
                continue
            if rule.keyword == "required":
                cases = [(*with_value(rule.path, None, remove=True), False)]
            else:
                values = items_edges(rule) if rule.keyword in ("minItems", "maxItems") else edges(rule)
                cases = [(*with_value(rule.path, value), inside) for value, inside in values]
            for body, where, inside in cases:
                shown = json.dumps(current_in(body, where))[:60]
                document_accepts = not list(schema.iter_errors(body))
                named = [p for p in problems(client, body) if p["field"] == where]
                if document_accepts != inside:
                    mismatches.append(f"document {'refuses' if inside else 'admits'} {where}={shown} ({rule.keyword})")
                if inside and named:
                    mismatches.append(f"Reel refuses {where}={shown} ({rule.keyword}): {named[0]['message']}")
                if not inside and not named:
                    mismatches.append(f"Reel does not name {where} for {shown} ({rule.keyword} {json.dumps(rule.value)[:40]})")
    assert mismatches == [], "\n".join(mismatches)


def current_in(document: Any, path: str) -> Any:
    found = container(document, path)
    if found is None:
        return None
    node, key = found
    try:
        return node[key]
    except (KeyError, IndexError):
        return "(absent)"


def query_rules() -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Bounded integer query parameters of GET operations whose path has no parameter."""
    for path, item in DOCUMENT["paths"].items():
        operation = item.get("get")
        if operation is None or "{" in path:
            continue
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "query" and parameter.get("schema", {}).get("type") == "integer":
                yield path, parameter["name"], parameter["schema"]


def exclusive_cases(rule: Rule) -> Iterator[tuple[dict[str, Any], list[str]]]:
    """For "exactly one of" `rule.value`: an object holding none of them, and one holding two;
    with the fields Reel may name for each."""
    names: list[str] = rule.value
    document, where = locate(join(rule.path, names[0]), holding=True)
    found = container(document, where)
    assert found is not None
    node, _ = found
    object_path = where.rsplit(".", 1)[0]
    for name in names:
        node.pop(name, None)
    yield copy.deepcopy(document), [join(object_path, name) for name in names]
    node[names[0]] = current(join(rule.path, names[0]))
    node[names[1]] = current(join(rule.path, names[1]))
    yield document, [join(object_path, name) for name in names]


def test_each_exactly_one_of_holds_on_both_sides(reel: ReelProcess) -> None:
    schema = validator()
    groups = [rule for rule in COMPOSITION_RULES if rule.keyword == "exactlyOne"]
    assert {rule.path for rule in groups} >= {"clips[0]", "overlays[0]", "captions"}
    with httpx.Client(base_url=reel.base_url, timeout=30) as client:
        for rule in groups:
            for body, fields in exclusive_cases(rule):
                assert list(schema.iter_errors(body)), f"the document admits {rule.path} without exactly one of {rule.value}"
                named = [p["field"] for p in problems(client, body)]
                assert set(named) & set(fields), f"{rule.path}: Reel names {named}, not one of {fields}"


def test_query_bounds_hold(reel: ReelProcess) -> None:
    checked = 0
    with httpx.Client(base_url=reel.base_url, timeout=30) as client:
        for path, name, schema in query_rules():
            for keyword, inside, outside in (("minimum", 0, -1), ("maximum", 0, 1)):
                if keyword not in schema:
                    continue
                edge = schema[keyword]
                ok = client.get(path, params={name: edge + inside})
                assert ok.status_code == 200, f"{path}?{name}={edge + inside}: {ok.text}"
                refused = client.get(path, params={name: edge + outside})
                assert refused.status_code == 422, f"{path}?{name}={edge + outside}: {refused.status_code}"
                assert refused.json()["details"][0]["field"] == name
                checked += 1
    assert checked >= 6, checked
