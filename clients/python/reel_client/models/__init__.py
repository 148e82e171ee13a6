""" Contains all the data models used in inputs/outputs """

from .api_key import APIKey
from .api_key_scope import APIKeyScope
from .asset import Asset
from .audio import Audio
from .cancel_all_response_200 import CancelAllResponse200
from .cancel_composition_response_200 import CancelCompositionResponse200
from .captions import Captions
from .captions_cues_item import CaptionsCuesItem
from .captions_style import CaptionsStyle
from .captions_style_position import CaptionsStylePosition
from .clip import Clip
from .clip_crop import ClipCrop
from .clip_fit import ClipFit
from .clip_flip import ClipFlip
from .clip_look import ClipLook
from .clip_rotate import ClipRotate
from .clip_transition import ClipTransition
from .clip_transition_type import ClipTransitionType
from .clip_zoom import ClipZoom
from .composition import Composition
from .composition_links import CompositionLinks
from .composition_request import CompositionRequest
from .composition_request_merge_type_0 import CompositionRequestMergeType0
from .composition_request_merge_type_1_item import CompositionRequestMergeType1Item
from .composition_request_priority import CompositionRequestPriority
from .create_key_body import CreateKeyBody
from .create_key_body_scope import CreateKeyBodyScope
from .detailed_health import DetailedHealth
from .detailed_health_components_item import DetailedHealthComponentsItem
from .detailed_health_components_item_details import DetailedHealthComponentsItemDetails
from .detailed_health_status import DetailedHealthStatus
from .error import Error
from .error_details_item import ErrorDetailsItem
from .event import Event
from .event_data import EventData
from .event_data_output import EventDataOutput
from .event_page import EventPage
from .event_type import EventType
from .file_type_0 import FileType0
from .get_download_response_200 import GetDownloadResponse200
from .get_download_response_200_renditions_item import GetDownloadResponse200RenditionsItem
from .get_metadata_response_200 import GetMetadataResponse200
from .get_metadata_response_200_cache_type_0 import GetMetadataResponse200CacheType0
from .get_metadata_response_200_cache_type_0_parts_type_0_item import GetMetadataResponse200CacheType0PartsType0Item
from .get_metadata_response_200_cache_type_0_parts_type_0_item_status import GetMetadataResponse200CacheType0PartsType0ItemStatus
from .get_metadata_response_200_resource_metrics import GetMetadataResponse200ResourceMetrics
from .get_status_response_200 import GetStatusResponse200
from .get_status_response_200_stages_item import GetStatusResponse200StagesItem
from .list_assets_response_200 import ListAssetsResponse200
from .list_compositions_response_200 import ListCompositionsResponse200
from .list_keys_response_200 import ListKeysResponse200
from .list_templates_response_200 import ListTemplatesResponse200
from .list_webhook_deliveries_response_200 import ListWebhookDeliveriesResponse200
from .livez_response_200 import LivezResponse200
from .me import Me
from .me_scope import MeScope
from .merge_field_type_0 import MergeFieldType0
from .merge_field_type_1 import MergeFieldType1
from .merge_field_type_2 import MergeFieldType2
from .merge_field_type_3 import MergeFieldType3
from .output import Output
from .output_format import OutputFormat
from .output_poster import OutputPoster
from .output_poster_format import OutputPosterFormat
from .output_quality import OutputQuality
from .output_storyboard import OutputStoryboard
from .overlay import Overlay
from .overlay_animation import OverlayAnimation
from .overlay_animation_in import OverlayAnimationIn
from .overlay_animation_in_type import OverlayAnimationInType
from .overlay_animation_out import OverlayAnimationOut
from .overlay_animation_out_type import OverlayAnimationOutType
from .overlay_chroma_key import OverlayChromaKey
from .overlay_position import OverlayPosition
from .overlay_shadow import OverlayShadow
from .overlay_stroke import OverlayStroke
from .preview import Preview
from .preview_format import PreviewFormat
from .preview_frames_item import PreviewFramesItem
from .preview_request import PreviewRequest
from .preview_request_format import PreviewRequestFormat
from .preview_request_merge import PreviewRequestMerge
from .preview_sheet import PreviewSheet
from .preview_sheet_tiles_item import PreviewSheetTilesItem
from .readiness import Readiness
from .readiness_checks import ReadinessChecks
from .readiness_checks_database import ReadinessChecksDatabase
from .readiness_checks_storage import ReadinessChecksStorage
from .readiness_status import ReadinessStatus
from .status import Status
from .template import Template
from .template_composition import TemplateComposition
from .template_links import TemplateLinks
from .template_merge_fields import TemplateMergeFields
from .template_merge_request import TemplateMergeRequest
from .template_merge_request_merge import TemplateMergeRequestMerge
from .template_merge_request_priority import TemplateMergeRequestPriority
from .template_request import TemplateRequest
from .template_request_composition import TemplateRequestComposition
from .template_request_merge_fields import TemplateRequestMergeFields
from .validation import Validation
from .validation_problems_item import ValidationProblemsItem
from .webhook_delivery import WebhookDelivery
from .webhook_delivery_attempts_item import WebhookDeliveryAttemptsItem
from .webhook_delivery_state import WebhookDeliveryState

__all__ = (
    "APIKey",
    "APIKeyScope",
    "Asset",
    "Audio",
    "CancelAllResponse200",
    "CancelCompositionResponse200",
    "Captions",
    "CaptionsCuesItem",
    "CaptionsStyle",
    "CaptionsStylePosition",
    "Clip",
    "ClipCrop",
    "ClipFit",
    "ClipFlip",
    "ClipLook",
    "ClipRotate",
    "ClipTransition",
    "ClipTransitionType",
    "ClipZoom",
    "Composition",
    "CompositionLinks",
    "CompositionRequest",
    "CompositionRequestMergeType0",
    "CompositionRequestMergeType1Item",
    "CompositionRequestPriority",
    "CreateKeyBody",
    "CreateKeyBodyScope",
    "DetailedHealth",
    "DetailedHealthComponentsItem",
    "DetailedHealthComponentsItemDetails",
    "DetailedHealthStatus",
    "Error",
    "ErrorDetailsItem",
    "Event",
    "EventData",
    "EventDataOutput",
    "EventPage",
    "EventType",
    "FileType0",
    "GetDownloadResponse200",
    "GetDownloadResponse200RenditionsItem",
    "GetMetadataResponse200",
    "GetMetadataResponse200CacheType0",
    "GetMetadataResponse200CacheType0PartsType0Item",
    "GetMetadataResponse200CacheType0PartsType0ItemStatus",
    "GetMetadataResponse200ResourceMetrics",
    "GetStatusResponse200",
    "GetStatusResponse200StagesItem",
    "ListAssetsResponse200",
    "ListCompositionsResponse200",
    "ListKeysResponse200",
    "ListTemplatesResponse200",
    "ListWebhookDeliveriesResponse200",
    "LivezResponse200",
    "Me",
    "MergeFieldType0",
    "MergeFieldType1",
    "MergeFieldType2",
    "MergeFieldType3",
    "MeScope",
    "Output",
    "OutputFormat",
    "OutputPoster",
    "OutputPosterFormat",
    "OutputQuality",
    "OutputStoryboard",
    "Overlay",
    "OverlayAnimation",
    "OverlayAnimationIn",
    "OverlayAnimationInType",
    "OverlayAnimationOut",
    "OverlayAnimationOutType",
    "OverlayChromaKey",
    "OverlayPosition",
    "OverlayShadow",
    "OverlayStroke",
    "Preview",
    "PreviewFormat",
    "PreviewFramesItem",
    "PreviewRequest",
    "PreviewRequestFormat",
    "PreviewRequestMerge",
    "PreviewSheet",
    "PreviewSheetTilesItem",
    "Readiness",
    "ReadinessChecks",
    "ReadinessChecksDatabase",
    "ReadinessChecksStorage",
    "ReadinessStatus",
    "Status",
    "Template",
    "TemplateComposition",
    "TemplateLinks",
    "TemplateMergeFields",
    "TemplateMergeRequest",
    "TemplateMergeRequestMerge",
    "TemplateMergeRequestPriority",
    "TemplateRequest",
    "TemplateRequestComposition",
    "TemplateRequestMergeFields",
    "Validation",
    "ValidationProblemsItem",
    "WebhookDelivery",
    "WebhookDeliveryAttemptsItem",
    "WebhookDeliveryState",
)
