"""The addresses phones can reach this laptop on, best first.

Qt's network interfaces list them (the "connect a UDP socket to a public address"
trick finds nothing on a Wi-Fi without internet). Only interfaces that are up,
running and not loopback count, and only their IPv4 addresses (an address people
type from the projector); private ones (the hall's Wi-Fi, a phone's hotspot) come
first. Link-local addresses (169.254.x.x: no network handed one out) never count.
The server never listens on every interface at once: the facilitator picks one.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

from teachin.phones.address import network_rank


@dataclass(frozen=True)
class Address:
    ip: str
    interface: str
    """The interface's name as the system shows it ("Wi-Fi", "wlp2s0")."""
    private: bool = True

    @property
    def label(self) -> str:
        where = self.interface or "network"
        note = "" if self.private else ", not a private address: it may be reachable from outside"
        return f"{self.ip} ({where}{note})"


def _preference(address: Address) -> tuple[int, int]:
    """Private first; among them home and hotspot ranges (192.168) before offices (10, 172.16)."""
    if not address.private:
        return (1, 0)
    return (0, network_rank(ipaddress.IPv4Address(address.ip)))


def rank_addresses(found: Iterable[tuple[str, str]]) -> list[Address]:
    """(interface, ip) pairs -> the usable addresses, best first, each once: IPv4 only,
    never loopback, link-local, multicast or unspecified."""
    seen: dict[str, Address] = {}
    for interface, text in found:
        try:
            ip = ipaddress.ip_address(text.split("%", 1)[0])
        except ValueError:
            continue
        if not isinstance(ip, ipaddress.IPv4Address):
            continue
        if ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_unspecified:
            continue
        if ip.is_reserved:
            continue
        seen.setdefault(str(ip), Address(str(ip), interface, ip.is_private))
    return sorted(seen.values(), key=_preference)


def network_addresses() -> list[Address]:
    """This laptop's addresses on the local networks it is joined to, best first."""
    flags = QNetworkInterface.InterfaceFlag
    found: list[tuple[str, str]] = []
    for interface in QNetworkInterface.allInterfaces():
        state = interface.flags()
        if not (state & flags.IsUp and state & flags.IsRunning) or state & flags.IsLoopBack:
            continue
        name = interface.humanReadableName() or interface.name()
        for entry in interface.addressEntries():
            ip = entry.ip()
            if ip.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                found.append((name, ip.toString()))
    return rank_addresses(found)


def address_without_asking(addresses: list[Address], remembered: str) -> str | None:
    """The address to use without a question: the one remembered if this laptop still
    has it, else the only one; None when the facilitator must pick (or there is none)."""
    ips = [address.ip for address in addresses]
    if remembered in ips:
        return remembered
    return ips[0] if len(ips) == 1 else None
