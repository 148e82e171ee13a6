/// The OpenAPI 3.1 description served at `/openapi.json`; a test keeps its paths equal to the router's.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {"title": "Reel", "version": "0.1.0", "description": "Video composition API: describe a video in JSON, Reel renders it with FFmpeg."},
          "paths": {
            "/api/v1/compositions": {
              "post": {"summary": "Create a composition (also at /api/v1/compositions/)", "operationId": "createComposition",
                "parameters": [{"name": "Prefer", "in": "header", "schema": {"type": "string", "examples": ["handling=strict"]}, "description": "handling=strict (RFC 7240) refuses unknown fields with 422 instead of listing them in warnings"}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CompositionRequest"}}}},
                "responses": {"202": {"description": "Stored and queued; warnings lists fields Reel ignored", "headers": {"Location": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Composition"}}}},
                  "403": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "415": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}, "429": {"$ref": "#/components/responses/Error"}}},
              "get": {"summary": "List compositions, newest first", "operationId": "listCompositions",
                "parameters": [
                  {"name": "status", "in": "query", "schema": {"$ref": "#/components/schemas/Status"}},
                  {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 0}},
                  {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}}],
                "responses": {"200": {"description": "A page", "content": {"application/json": {"schema": {"type": "object", "required": ["compositions", "total", "offset", "limit"],
                  "properties": {"compositions": {"type": "array", "items": {"$ref": "#/components/schemas/Composition"}}, "total": {"type": "integer"}, "offset": {"type": "integer"}, "limit": {"type": "integer"}}}}}},
                  "422": {"$ref": "#/components/responses/Error"}}}
            },
            "/api/v1/compositions/cancel-all": {
              "post": {"summary": "Cancel every queued and running composition", "operationId": "cancelAll",
                "responses": {"200": {"description": "Cancelled", "content": {"application/json": {"schema": {"type": "object", "properties": {
                  "cancelled_count": {"type": "integer"}, "failed_count": {"type": "integer"}, "cancelled_ids": {"type": "array", "items": {"type": "string"}}, "failed_ids": {"type": "array", "items": {"type": "string"}}, "message": {"type": "string"}}}}}}}}
            },
            "/api/v1/compositions/{id}": {
              "parameters": [{"$ref": "#/components/parameters/ID"}],
              "get": {"summary": "A composition", "operationId": "getComposition", "responses": {"200": {"description": "The composition", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Composition"}}}}, "404": {"$ref": "#/components/responses/Error"}}},
              "delete": {"summary": "Delete a composition and its files", "operationId": "deleteComposition", "responses": {"204": {"description": "Deleted"}, "404": {"$ref": "#/components/responses/Error"}}}
            },
            "/api/v1/compositions/{id}/status": {
              "parameters": [{"$ref": "#/components/parameters/ID"}],
              "get": {"summary": "Progress of a composition", "operationId": "getStatus", "responses": {"200": {"description": "Status", "content": {"application/json": {"schema": {"type": "object", "required": ["id", "status", "overall_progress"], "properties": {
                "id": {"type": "string", "format": "uuid"}, "status": {"$ref": "#/components/schemas/Status"}, "overall_progress": {"type": "number", "minimum": 0, "maximum": 100},
                "current_stage": {"type": "string"}, "stages": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "status": {"type": "string"}, "progress": {"type": "number"}}}},
                "created_at": {"type": "string", "format": "date-time"}, "updated_at": {"type": "string", "format": "date-time"}, "completed_at": {"type": ["string", "null"], "format": "date-time"}, "error_message": {"type": ["string", "null"]}, "attempt": {"type": "integer"}}}}}}, "404": {"$ref": "#/components/responses/Error"}}}
            },
            "/api/v1/compositions/{id}/metadata": {
              "parameters": [{"$ref": "#/components/parameters/ID"}],
              "get": {"summary": "Request, timings, probed inputs and output", "operationId": "getMetadata", "responses": {"200": {"description": "Metadata", "content": {"application/json": {"schema": {"type": "object", "properties": {
                "id": {"type": "string"}, "title": {"type": "string"}, "status": {"$ref": "#/components/schemas/Status"}, "request_config": {"$ref": "#/components/schemas/CompositionRequest"},
                "created_at": {"type": "string"}, "started_processing_at": {"type": ["string", "null"]}, "completed_at": {"type": ["string", "null"]},
                "resource_metrics": {"type": "object", "properties": {"processing_time_seconds": {"type": ["number", "null"]}, "queue_wait_time_seconds": {"type": ["number", "null"]}, "total_time_seconds": {"type": ["number", "null"]}, "attempts": {"type": "integer"}}},
                "input_files": {"type": "array", "items": {"$ref": "#/components/schemas/File"}}, "output_file": {"oneOf": [{"$ref": "#/components/schemas/File"}, {"type": "null"}]},
                "applied_effects": {"type": "array", "items": {"type": "string"}}, "warnings": {"type": "array", "items": {"type": "string"}}}}}}}, "404": {"$ref": "#/components/responses/Error"}}}
            },
            "/api/v1/compositions/{id}/download": {
              "parameters": [{"$ref": "#/components/parameters/ID"}, {"name": "expires_in", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 604800, "default": 3600}}],
              "get": {"summary": "A signed, expiring download URL", "operationId": "getDownload", "responses": {"200": {"description": "Download link", "content": {"application/json": {"schema": {"type": "object", "properties": {
                "composition_id": {"type": "string"}, "download_url": {"type": "string"}, "expires_at": {"type": "string"}, "file_size_bytes": {"type": "integer"}, "format": {"type": "string"}, "filename": {"type": "string"}, "thumbnail_url": {"type": ["string", "null"]}}}}}},
                "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}
            },
            "/api/v1/compositions/{id}/cancel": {
              "parameters": [{"$ref": "#/components/parameters/ID"}],
              "post": {"summary": "Cancel a queued or running composition", "operationId": "cancelComposition", "responses": {"200": {"description": "Cancelled", "content": {"application/json": {"schema": {"type": "object", "properties": {
                "composition_id": {"type": "string"}, "status": {"const": "cancelled"}, "message": {"type": "string"}, "cancelled_at": {"type": "string"}}}}}}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}
            },
            "/api/v1/assets": {
              "post": {"summary": "Upload a source file (raw body); use the returned asset:// URL in a composition", "operationId": "uploadAsset",
                "requestBody": {"required": true, "content": {"*/*": {"schema": {"type": "string", "contentMediaType": "application/octet-stream"}}}},
                "responses": {"201": {"description": "Stored", "content": {"application/json": {"schema": {"type": "object", "properties": {
                  "id": {"type": "string"}, "url": {"type": "string"}, "size_bytes": {"type": "integer"}, "content_type": {"type": "string"}, "sha256": {"type": "string"}}}}}}, "403": {"$ref": "#/components/responses/Error"}, "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}
            },
            "/api/v1/assets/{id}": {
              "parameters": [{"$ref": "#/components/parameters/ID"}],
              "get": {"summary": "An uploaded asset (the upload's Location)", "operationId": "getAsset", "responses": {"200": {"description": "The asset", "content": {"application/json": {"schema": {"type": "object", "required": ["id", "url", "size_bytes"], "properties": {
                "id": {"type": "string", "format": "uuid"}, "url": {"type": "string"}, "size_bytes": {"type": "integer"}}}}}}, "404": {"$ref": "#/components/responses/Error"}}}
            },
            "/files/{key}": {
              "parameters": [{"name": "key", "in": "path", "required": true, "schema": {"type": "string"}, "description": "object key, may contain slashes"},
                {"name": "expires", "in": "query", "required": true, "schema": {"type": "integer"}}, {"name": "signature", "in": "query", "required": true, "schema": {"type": "string"}}],
              "get": {"summary": "A stored file behind a signed link (supports Range)", "operationId": "getFile", "responses": {"200": {"description": "The file"}, "206": {"description": "Part of the file"}, "403": {"$ref": "#/components/responses/Error"}, "416": {"description": "Range not satisfiable"}}},
              "head": {"summary": "Headers of a stored file", "operationId": "headFile", "responses": {"200": {"description": "Headers only"}}}
            },
            "/health": {"get": {"summary": "Liveness", "operationId": "health", "responses": {"200": {"description": "Healthy"}, "503": {"description": "Database or ffmpeg unusable"}}}},
            "/health/detailed": {"get": {"summary": "Every component", "operationId": "healthDetailed", "responses": {"200": {"description": "Healthy or degraded", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DetailedHealth"}}}}, "503": {"description": "Unhealthy"}}}},
            "/api/v1/health": {"get": {"summary": "Liveness", "operationId": "healthV1", "responses": {"200": {"description": "Healthy"}, "503": {"description": "Unhealthy"}}}},
            "/api/v1/health/detailed": {"get": {"summary": "Every component", "operationId": "healthDetailedV1", "responses": {"200": {"description": "Healthy or degraded", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DetailedHealth"}}}}, "503": {"description": "Unhealthy"}}}},
            "/metrics": {"get": {"summary": "Prometheus metrics", "operationId": "metrics", "responses": {"200": {"description": "Text exposition format", "content": {"text/plain": {}}}}}},
            "/openapi.json": {"get": {"summary": "This document", "operationId": "openapi", "responses": {"200": {"description": "OpenAPI 3.1"}}}}
          },
          "components": {
            "parameters": {"ID": {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}},
            "responses": {"Error": {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}},
            "schemas": {
              "Status": {"type": "string", "enum": ["pending", "queued", "processing", "completed", "failed", "cancelled"]},
              "Error": {"type": "object", "required": ["error_code", "message", "details", "request_id", "timestamp"], "properties": {
                "error_code": {"type": "string", "examples": ["validation_error", "not_found", "composition_not_ready", "conflict", "payload_too_large", "queue_full", "unsupported_media_type", "forbidden", "misdirected_request", "request_timeout", "internal_error"]},
                "message": {"type": "string"}, "details": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}, "message": {"type": "string"}, "error_type": {"type": "string"}}}},
                "request_id": {"type": "string"}, "timestamp": {"type": "string", "format": "date-time"}}},
              "Clip": {"type": "object", "required": ["start_time", "end_time"], "properties": {
                "video_url": {"type": "string"}, "image_url": {"type": "string"}, "start_time": {"type": "number", "minimum": 0, "maximum": 180}, "end_time": {"type": "number", "maximum": 180, "description": "at most REEL_MAX_DURATION (180 s by default)"},
                "trim_start": {"type": "number", "minimum": 0, "maximum": 86400, "default": 0}, "trim_end": {"type": "number", "maximum": 86400}, "volume": {"type": "number", "minimum": 0, "maximum": 2, "default": 1},
                "fit": {"type": "string", "enum": ["cover", "contain"], "default": "contain"},
                "transition": {"type": "object", "required": ["type"], "description": "plays over [start_time, start_time + duration) of this clip; the slots overlap by duration, or the clip before is held under it", "properties": {"type": {"type": "string", "description": "cut or an ffmpeg xfade name (fade, dissolve, fadeblack, fadewhite, wipeleft, slideup, circleopen, radial, smoothleft, pixelize, zoomin, …)"}, "duration": {"type": "number", "default": 1}}},
        "zoom": {"type": "string", "enum": ["none", "in", "out"], "default": "none", "description": "slow zoom (Ken Burns)"}}},
              "Audio": {"type": "object", "properties": {"music_url": {"type": ["string", "null"]}, "voiceover_url": {"type": ["string", "null"]},
                "music_volume": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.5}, "voiceover_volume": {"type": "number", "minimum": 0, "maximum": 1, "default": 1},
                "original_audio_volume": {"type": "number", "minimum": 0, "maximum": 1, "default": 1}, "music_fade_in": {"type": "number", "default": 0}, "music_fade_out": {"type": "number", "default": 0}, "music_loop": {"type": "boolean", "default": true},
        "ducking": {"type": "boolean", "default": false, "description": "lower the music under the voice-over"}, "loudness_target": {"type": ["number", "null"], "minimum": -70, "maximum": -5, "description": "integrated loudness in LUFS (EBU R128)"}}},
              "Overlay": {"type": "object", "properties": {"text": {"type": "string"}, "image_url": {"type": "string"},
                "position": {"type": "string", "enum": ["top_left", "top_center", "top_right", "center_left", "center", "center_right", "bottom_left", "bottom_center", "bottom_right"], "default": "center"},
                "start_time": {"type": "number", "default": 0}, "end_time": {"type": "number"}, "font_size": {"type": "integer", "minimum": 8, "maximum": 144, "default": 48},
                "font_color": {"type": "string", "default": "white"}, "scale": {"type": "number", "default": 0.2}, "opacity": {"type": "number", "default": 1},
        "background_color": {"type": ["string", "null"], "description": "box behind the text"}, "fade_in": {"type": "number", "default": 0}, "fade_out": {"type": "number", "default": 0}}},
              "Output": {"type": "object", "properties": {"resolution": {"type": "string", "default": "720p", "description": "480p, 720p, 1080p, 4k or WxH"},
                "format": {"type": "string", "enum": ["mp4", "mov", "webm", "gif"], "default": "mp4"}, "fps": {"type": "number", "minimum": 1, "maximum": 60, "default": 30},
                "bitrate": {"type": ["integer", "string"], "description": "bits per second, or a string like 2000k or 5M"}, "thumbnail": {"type": "boolean", "default": false},
        "aspect_ratio": {"type": ["string", "null"], "description": "W:H such as 16:9, 9:16, 1:1, 4:5; the …p resolution is then the short side"}, "quality": {"type": "string", "enum": ["low", "medium", "high"], "default": "medium", "description": "used when no bitrate is given"}}},
              "CompositionRequest": {"type": "object", "required": ["title", "clips"], "properties": {
                "title": {"type": "string", "minLength": 1, "maxLength": 255}, "description": {"type": ["string", "null"]}, "priority": {"type": "string", "enum": ["high", "default", "low"], "default": "default"},
                "metadata": {"description": "free JSON echoed back: at most 10 levels deep and 16 KiB"}, "webhook_url": {"type": ["string", "null"]}, "clips": {"type": "array", "minItems": 1, "maxItems": 20, "items": {"$ref": "#/components/schemas/Clip"}},
                "audio": {"$ref": "#/components/schemas/Audio"}, "overlays": {"type": "array", "maxItems": 10, "items": {"$ref": "#/components/schemas/Overlay"}}, "output": {"$ref": "#/components/schemas/Output"}}},
              "Composition": {"type": "object", "required": ["id", "status", "overall_progress"], "properties": {
                "id": {"type": "string", "format": "uuid"}, "title": {"type": "string"}, "status": {"$ref": "#/components/schemas/Status"}, "overall_progress": {"type": "number"},
                "priority": {"type": "string"}, "clips": {"type": "array", "items": {"$ref": "#/components/schemas/Clip"}}, "audio": {"$ref": "#/components/schemas/Audio"},
                "overlays": {"type": "array", "items": {"$ref": "#/components/schemas/Overlay"}}, "output": {"$ref": "#/components/schemas/Output"},
                "error_message": {"type": ["string", "null"]}, "created_at": {"type": "string"}, "updated_at": {"type": "string"}, "links": {"type": "object"},
                "warnings": {"type": "array", "items": {"type": "string"}, "description": "only in the answer to a create: fields Reel did not know and ignored"}}},
              "File": {"type": "object", "properties": {"url": {"type": "string"}, "format": {"type": "string"}, "size_bytes": {"type": "integer"}, "duration_seconds": {"type": "number"},
                "resolution": {"type": ["string", "null"]}, "bitrate": {"type": ["integer", "null"]}, "fps": {"type": ["number", "null"]}, "codec": {"type": ["string", "null"]}, "audio_codec": {"type": ["string", "null"]}, "has_audio": {"type": "boolean"}}},
              "DetailedHealth": {"type": "object", "properties": {"status": {"type": "string", "enum": ["healthy", "degraded", "unhealthy"]}, "version": {"type": "string"}, "timestamp": {"type": "string"},
                "components": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "status": {"type": "string"}, "response_time_ms": {"type": "number"}, "details": {"type": "object"}, "error": {"type": ["string", "null"]}}}}}}
            }
          }
        }
        """#
}
