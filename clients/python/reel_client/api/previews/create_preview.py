from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.preview import Preview
from ...models.preview_request import PreviewRequest
from typing import cast



def _get_kwargs(
    *,
    body: PreviewRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/previews",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Preview | None:
    if response.status_code == 200:
        response_200 = Preview.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

    if response.status_code == 421:
        response_421 = Error.from_dict(response.json())



        return response_421

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    if response.status_code == 504:
        response_504 = Error.from_dict(response.json())



        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Preview]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PreviewRequest,

) -> Response[Error | Preview]:
    """ Frames of a composition as its render will show them, without rendering it: one time gives the
    picture, several (at most 32) a sheet of tiles (its layout in the Reel-Preview-Sheet header), and
    Accept: application/json signed links to one picture per time. Made by the planner and filters of
    the render from only what is on screen then; cached by what they depend on; never stored as an
    output. Counts as a write for the rate limits.

    Args:
        body (PreviewRequest): exactly one of composition, composition_id, template_id (with
            merge); time or times

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Preview]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PreviewRequest,

) -> Error | Preview | None:
    """ Frames of a composition as its render will show them, without rendering it: one time gives the
    picture, several (at most 32) a sheet of tiles (its layout in the Reel-Preview-Sheet header), and
    Accept: application/json signed links to one picture per time. Made by the planner and filters of
    the render from only what is on screen then; cached by what they depend on; never stored as an
    output. Counts as a write for the rate limits.

    Args:
        body (PreviewRequest): exactly one of composition, composition_id, template_id (with
            merge); time or times

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Preview
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PreviewRequest,

) -> Response[Error | Preview]:
    """ Frames of a composition as its render will show them, without rendering it: one time gives the
    picture, several (at most 32) a sheet of tiles (its layout in the Reel-Preview-Sheet header), and
    Accept: application/json signed links to one picture per time. Made by the planner and filters of
    the render from only what is on screen then; cached by what they depend on; never stored as an
    output. Counts as a write for the rate limits.

    Args:
        body (PreviewRequest): exactly one of composition, composition_id, template_id (with
            merge); time or times

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Preview]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PreviewRequest,

) -> Error | Preview | None:
    """ Frames of a composition as its render will show them, without rendering it: one time gives the
    picture, several (at most 32) a sheet of tiles (its layout in the Reel-Preview-Sheet header), and
    Accept: application/json signed links to one picture per time. Made by the planner and filters of
    the render from only what is on screen then; cached by what they depend on; never stored as an
    output. Counts as a write for the rate limits.

    Args:
        body (PreviewRequest): exactly one of composition, composition_id, template_id (with
            merge); time or times

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Preview
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
