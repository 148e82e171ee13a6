from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.get_download_response_200 import GetDownloadResponse200
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    id: UUID,
    *,
    expires_in: int | Unset = 3600,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["expires_in"] = expires_in


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/compositions/{id}/download".format(id=quote(str(id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | GetDownloadResponse200 | None:
    if response.status_code == 200:
        response_200 = GetDownloadResponse200.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 421:
        response_421 = Error.from_dict(response.json())



        return response_421

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | GetDownloadResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    expires_in: int | Unset = 3600,

) -> Response[Error | GetDownloadResponse200]:
    """ A signed, expiring download URL

    Args:
        id (UUID):
        expires_in (int | Unset):  Default: 3600.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GetDownloadResponse200]
     """


    kwargs = _get_kwargs(
        id=id,
expires_in=expires_in,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    expires_in: int | Unset = 3600,

) -> Error | GetDownloadResponse200 | None:
    """ A signed, expiring download URL

    Args:
        id (UUID):
        expires_in (int | Unset):  Default: 3600.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GetDownloadResponse200
     """


    return sync_detailed(
        id=id,
client=client,
expires_in=expires_in,

    ).parsed

async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    expires_in: int | Unset = 3600,

) -> Response[Error | GetDownloadResponse200]:
    """ A signed, expiring download URL

    Args:
        id (UUID):
        expires_in (int | Unset):  Default: 3600.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | GetDownloadResponse200]
     """


    kwargs = _get_kwargs(
        id=id,
expires_in=expires_in,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    expires_in: int | Unset = 3600,

) -> Error | GetDownloadResponse200 | None:
    """ A signed, expiring download URL

    Args:
        id (UUID):
        expires_in (int | Unset):  Default: 3600.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | GetDownloadResponse200
     """


    return (await asyncio_detailed(
        id=id,
client=client,
expires_in=expires_in,

    )).parsed
