"""Refuse to fetch from private, loopback and link-local networks unless told to.

A news page, feed or sitemap can name any URL, and `POST /api/ingest/url` takes one from a
client; following it blindly would let a hostile page or client make tieline read the analyst's
router, a cloud metadata service (169.254.169.254) or a database on localhost. This is the one
guard that the crawler (`fetch.Fetcher`) and the API server both use:

- every address the host resolves to is checked, not just the first, whatever form the URL
  wrote it in (`2130706433`, `0x7f.1`, `[::ffff:127.0.0.1]` and the like reach the resolver and
  come back as ordinary addresses);
- an address is public only if it is globally routable and not multicast, reserved, unspecified
  or site-local; IPv6 addresses that carry an IPv4 address (IPv4-mapped, 6to4, Teredo, NAT64
  `64:ff9b::/96`) are judged by that IPv4 address too;
- the host is resolved once, and the connection is then made to the address that was checked
  (`Resolved.address`), so a second DNS answer (DNS rebinding) never decides where tieline
  connects.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import InputError

Resolver = Callable[..., list]  # socket.getaddrinfo's signature: (host, port, type=...) -> [(family, ..., sockaddr)]
PRIVATE_SWITCH = "--allow-private"  # the option that lifts the guard, named in its messages

_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052: the IPv4 address is in the last 32 bits
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class BlockedAddress(InputError):
    """The host resolves to an address tieline does not fetch from without being allowed to."""

    def __init__(self, message: str, host: str = "", address: str = ""):
        super().__init__(message)
        self.host = host
        self.address = address


@dataclass(frozen=True, slots=True)
class Resolved:
    host: str
    port: int
    address: str  # the checked IP address to connect to
    addresses: tuple[str, ...] = ()  # every address the host resolved to, all checked


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    found = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
    if ip in _NAT64:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [a for a in found if a is not None]


def why_not_public(address: str | IPAddress) -> str | None:
    """Why an IP address is not a public one ("a loopback address", ...), or None when it is."""
    ip = ipaddress.ip_address(address.split("%", 1)[0] if isinstance(address, str) else address)  # drop a zone
    if isinstance(ip, ipaddress.IPv6Address):
        for inner in _embedded_ipv4(ip):
            why = why_not_public(inner)
            if why:
                return f"{why} inside an IPv6 address"
        if ip in _NAT64:
            return None  # judged by the IPv4 address it carries (Python calls the whole ::/8 reserved)
        if ip.is_site_local:
            return "a site-local address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_unspecified:
        return "the unspecified address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_private:
        return "a private-network address"
    if ip.is_reserved or not ip.is_global:
        return "a reserved or shared address"  # e.g. 100.64.0.0/10 (carrier-grade NAT), 240.0.0.0/4
    return None


def is_public_address(address: str | IPAddress) -> bool:
    """Whether `address` (an IPv4 or IPv6 address) is on the public internet."""
    return why_not_public(address) is None


def resolve(host: str, port: int, allow_private: bool = False, *, resolver: Resolver = socket.getaddrinfo,
            switch: str = PRIVATE_SWITCH) -> Resolved:
    """Resolve `host` once and check every address; raises BlockedAddress (naming `switch`, the
    option that allows private addresses) or InputError when the host cannot be resolved."""
    if ":" in host:  # an IPv6 literal whose zone is written as in URLs (RFC 6874): fe80::1%25eth0
        host = host.replace("%25", "%", 1)
    try:
        infos = resolver(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise InputError(f"cannot resolve the host '{host}' ({exc}); check the URL and the network") from None
    addresses = []
    for family, _, _, _, sockaddr in infos:
        if family in (socket.AF_INET, socket.AF_INET6):
            addresses.append(sockaddr[0].split("%", 1)[0])
    addresses = list(dict.fromkeys(addresses))
    if not addresses:
        raise InputError(f"the host '{host}' has no IPv4 or IPv6 address")
    if not allow_private:
        for address in addresses:
            why = why_not_public(address)
            if why:
                raise BlockedAddress(
                    f"refusing to fetch from {host}: it resolves to {address}, {why}, which is not a public "
                    f"address. Pass {switch} to fetch from private, loopback or link-local networks",
                    host=host, address=address,
                )
    return Resolved(host=host, port=port, address=addresses[0], addresses=tuple(addresses))
