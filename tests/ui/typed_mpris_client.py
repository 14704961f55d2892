"""A typed D-Bus client, as GLib-based desktops and panels are: a GDBusProxy for each interface
of the MPRIS interface XML given (the specification's, not the player's own introspection)
reads every property. GLib checks each value against the declared type, warns on stderr when
they differ and drops the value. Prints one line per property: interface, name, declared
type, the type received ("-": none) and the value.

Run by the tests with an interpreter that has PyGObject (Debian's python3 with python3-gi):
    python3 typed_mpris_client.py INTERFACES.xml BUS_NAME
"""

from __future__ import annotations

import sys
from pathlib import Path

from gi.repository import Gio  # type: ignore[import-not-found]

PATH = "/org/mpris/MediaPlayer2"


def main() -> None:
    xml, name = Path(sys.argv[1]).read_text(encoding="utf-8"), sys.argv[2]
    node = Gio.DBusNodeInfo.new_for_xml(xml)
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    for interface in node.interfaces:
        proxy = Gio.DBusProxy.new_sync(
            bus, Gio.DBusProxyFlags.NONE, interface, name, PATH, interface.name, None
        )
        for prop in interface.properties:
            value = proxy.get_cached_property(prop.name)
            got = value.get_type_string() if value is not None else "-"
            shown = value.print_(True) if value is not None else "-"
            print(f"{interface.name}\t{prop.name}\t{prop.signature}\t{got}\t{shown}")


if __name__ == "__main__":
    main()
