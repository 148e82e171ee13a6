from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from typing import cast



def _get_kwargs(
    expires: int,
    signature: str,
    key: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/files/folder/{expires}/{signature}/{key}".format(expires=quote(str(expires), safe=""),signature=quote(str(signature), safe=""),key=quote(str(key), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 206:
        response_206 = cast(Any, None)
        return response_206

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 416:
        response_416 = cast(Any, None)
        return response_416

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    expires: int,
    signature: str,
    key: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Any | Error]:
    """ Any file in the folder a link signs (an HLS master playlist's variants and segments, a storyboard's
    sheet): the signature is in the path, so relative links inside a playlist keep it

    Args:
        expires (int):
        signature (str):
        key (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
     """


    kwargs = _get_kwargs(
        expires=expires,
signature=signature,
key=key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    expires: int,
    signature: str,
    key: str,
    *,
    client: AuthenticatedClient | Client,

) -> Any | Error | None:
    """ Any file in the folder a link signs (an HLS master playlist's variants and segments, a storyboard's
    sheet): the signature is in the path, so relative links inside a playlist keep it

    Args:
        expires (int):
        signature (str):
        key (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
     """


    return sync_detailed(
        expires=expires,
signature=signature,
key=key,
client=client,

    ).parsed

async def asyncio_detailed(
    expires: int,
    signature: str,
    key: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Any | Error]:
    """ Any file in the folder a link signs (an HLS master playlist's variants and segments, a storyboard's
    sheet): the signature is in the path, so relative links inside a playlist keep it

    Args:
        expires (int):
        signature (str):
        key (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
     """


    kwargs = _get_kwargs(
        expires=expires,
signature=signature,
key=key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    expires: int,
    signature: str,
    key: str,
    *,
    client: AuthenticatedClient | Client,

) -> Any | Error | None:
    """ Any file in the folder a link signs (an HLS master playlist's variants and segments, a storyboard's
    sheet): the signature is in the path, so relative links inside a playlist keep it

    Args:
        expires (int):
        signature (str):
        key (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
     """


    return (await asyncio_detailed(
        expires=expires,
signature=signature,
key=key,
client=client,

    )).parsed
