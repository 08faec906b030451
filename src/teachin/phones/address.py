"""Which address of this machine phones can reach, without Qt (``teachin serve``; the
app asks Qt's network interfaces instead). Qt-free."""

from __future__ import annotations

import ipaddress
import socket

LOOPBACK = "127.0.0.1"


def network_rank(address: ipaddress.IPv4Address) -> int:
    """Home and hotspot networks (192.168/16) first, then 10/8, then 172.16/12."""
    for rank, network in enumerate(("192.168.0.0/16", "10.0.0.0/8", "172.16.0.0/12")):
        if address in ipaddress.ip_network(network):
            return rank
    return 3


def private_addresses(candidates: list[str]) -> list[str]:
    """The private, non-loopback, non-link-local IPv4 addresses among ``candidates``,
    the likeliest room network first."""
    found: list[ipaddress.IPv4Address] = []
    for text in candidates:
        try:
            address = ipaddress.ip_address(text)
        except ValueError:
            continue
        if (
            isinstance(address, ipaddress.IPv4Address)
            and address.is_private
            and not (address.is_loopback or address.is_link_local or address.is_unspecified)
            and address not in found
        ):
            found.append(address)
    return [str(address) for address in sorted(found, key=network_rank)]


_PROBES = ("192.168.255.254", "10.255.255.254", "172.31.255.254")
"""Private destinations whose route names the address a private network reaches this
machine by (a UDP ``connect`` only picks the route: nothing is sent)."""


def machine_addresses() -> list[str]:
    """This machine's IPv4 addresses: those its own name resolves to, and those its
    routes to private networks leave from. No packet is sent."""
    found: list[str] = []
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        found.extend(str(info[4][0]) for info in infos)
    except OSError:
        pass
    for destination in _PROBES:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            try:
                probe.connect((destination, 9))
                found.append(str(probe.getsockname()[0]))
            except OSError:
                continue  # no route to that network
    return found


def default_address() -> str:
    """The first private address of this machine, or loopback when it has none
    (then only this machine can join; the caller says so)."""
    found = private_addresses(machine_addresses())
    return found[0] if found else LOOPBACK
