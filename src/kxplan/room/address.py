"""Where the room listens, and the address participants type or scan."""

from __future__ import annotations

import ipaddress
import socket
from typing import Final

LOCAL: Final = "127.0.0.1"
"""The default: only this machine (an SSH port forward or a reverse proxy brings others)."""
EVERYWHERE: Final = "0.0.0.0"
"""With ``--lan``: every interface, so phones on the same network can join."""


def lan_address() -> str | None:
    """This machine's address on the local network, as phones would type it; None when
    it has none but loopback. Asks the system's resolver only: sends nothing."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return None
    candidates = []
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(sockaddr[0])
        if not address.is_loopback and not address.is_link_local:
            candidates.append(address)
    private = [a for a in candidates if a.is_private]
    chosen = private or candidates
    if chosen:
        return str(chosen[0])
    return _routed_address()


def _routed_address() -> str | None:
    """The address the system would send from, where the host name resolves to loopback
    only (common on Debian and Ubuntu). Connecting a UDP socket sends nothing: it only
    asks the routing table."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never used, never sent to
        address = ipaddress.ip_address(probe.getsockname()[0])
    except OSError:
        return None
    finally:
        probe.close()
    return None if address.is_loopback or address.is_unspecified else str(address)


def join_base(host: str, port: int) -> str:
    """The start of the join address for a server listening on ``host``."""
    shown = host
    if host == EVERYWHERE:
        shown = lan_address() or socket.gethostname()
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"
