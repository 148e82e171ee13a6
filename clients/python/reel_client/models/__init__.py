""" Contains all the data models used in inputs/outputs """

from .api_key import APIKey
from .api_key_scope import APIKeyScope
from .asset import Asset
from .audio import Audio
from .cancel_all_response_200 import CancelAllResponse200
from .cancel_composition_response_200 import CancelCompositionResponse200
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
from .file import File
from .get_download_response_200 import GetDownloadResponse200
from .get_download_response_200_renditions_item import GetDownloadResponse200RenditionsItem
from .get_metadata_response_200 import GetMetadataResponse200
from .get_metadata_response_200_cache_type_1 import GetMetadataResponse200CacheType1
from .get_metadata_response_200_cache_type_1_parts_type_1_item import GetMetadataResponse200CacheType1PartsType1Item
from .get_metadata_response_200_cache_type_1_parts_type_1_item_status import GetMetadataResponse200CacheType1PartsType1ItemStatus
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
    "File",
    "GetDownloadResponse200",
    "GetDownloadResponse200RenditionsItem",
    "GetMetadataResponse200",
    "GetMetadataResponse200CacheType1",
    "GetMetadataResponse200CacheType1PartsType1Item",
    "GetMetadataResponse200CacheType1PartsType1ItemStatus",
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
