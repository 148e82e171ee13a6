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
    key: str,
    name: str,
    *,
    expires: int,
    signature: str,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["expires"] = expires

    params["signature"] = signature


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/files/previews/{key}/{name}".format(key=quote(str(key), safe=""),name=quote(str(name), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | None:
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    key: str,
    name: str,
    *,
    client: AuthenticatedClient | Client,
    expires: int,
    signature: str,

) -> Response[Error]:
    """ A preview picture behind a signed link of a JSON preview answer, while the process that made it
    holds it (about ten minutes)

    Args:
        key (str):
        name (str):
        expires (int):
        signature (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error]
     """


    kwargs = _get_kwargs(
        key=key,
name=name,
expires=expires,
signature=signature,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    key: str,
    name: str,
    *,
    client: AuthenticatedClient | Client,
    expires: int,
    signature: str,

) -> Error | None:
    """ A preview picture behind a signed link of a JSON preview answer, while the process that made it
    holds it (about ten minutes)

    Args:
        key (str):
        name (str):
        expires (int):
        signature (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error
     """


    return sync_detailed(
        key=key,
name=name,
client=client,
expires=expires,
signature=signature,

    ).parsed

async def asyncio_detailed(
    key: str,
    name: str,
    *,
    client: AuthenticatedClient | Client,
    expires: int,
    signature: str,

) -> Response[Error]:
    """ A preview picture behind a signed link of a JSON preview answer, while the process that made it
    holds it (about ten minutes)

    Args:
        key (str):
        name (str):
        expires (int):
        signature (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error]
     """


    kwargs = _get_kwargs(
        key=key,
name=name,
expires=expires,
signature=signature,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    key: str,
    name: str,
    *,
    client: AuthenticatedClient | Client,
    expires: int,
    signature: str,

) -> Error | None:
    """ A preview picture behind a signed link of a JSON preview answer, while the process that made it
    holds it (about ten minutes)

    Args:
        key (str):
        name (str):
        expires (int):
        signature (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error
     """


    return (await asyncio_detailed(
        key=key,
name=name,
client=client,
expires=expires,
signature=signature,

    )).parsed
