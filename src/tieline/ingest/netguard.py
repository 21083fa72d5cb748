"""Refuse to fetch from private, loopback and link-local networks unless told to.

A news page, feed or sitemap can name any URL; following it blindly would let a hostile page make
tieline read the analyst's router, a cloud metadata service (169.254.169.254) or a database on
localhost. Every host is resolved once, every address it resolves to is checked, and the
connection is then made to that checked address (so a second DNS answer cannot swap it).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

from ..errors import InputError


class BlockedAddress(InputError):
    """The host resolves to an address tieline does not fetch from without --allow-private."""


@dataclass(frozen=True, slots=True)
class Resolved:
    host: str
    port: int
    address: str  # the checked IP address to connect to


def _kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is not public, or None when it is."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_private:
        return "a private-network address"
    if ip.is_multicast or ip.is_unspecified or ip.is_reserved or not ip.is_global:
        return "not a public address"
    return None


def resolve(host: str, port: int, allow_private: bool = False) -> Resolved:
    """Resolve `host` and check every address; raises BlockedAddress or InputError."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"cannot resolve the host '{host}' ({exc}); check the URL and the network") from None
    addresses = []
    for family, _, _, _, sockaddr in infos:
        if family in (socket.AF_INET, socket.AF_INET6):
            addresses.append(sockaddr[0].split("%", 1)[0])
    if not addresses:
        raise InputError(f"the host '{host}' has no IPv4 or IPv6 address")
    if not allow_private:
        for address in addresses:
            why = _kind(ipaddress.ip_address(address))
            if why:
                raise BlockedAddress(
                    f"refusing to fetch from {host}: it resolves to {address}, {why}. Pass --allow-private "
                    f"to fetch from private, loopback or link-local networks"
                )
    return Resolved(host=host, port=port, address=addresses[0])
