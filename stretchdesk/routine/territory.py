"""Where the desktop says the person is: the territory of its locale. No Qt.

The number to call in an emergency depends on the country, not on the language: Spanish is
spoken in Spain (112) and in Mexico (911), French in France (15 or 112), Belgium (112),
Switzerland (144) and Canada (911). The desktop's locale names both, ``es_MX.UTF-8``: the
part after the underscore is the territory, an ISO 3166 two-letter code.

Which variable: the categories of the C library say which setting decides what. The
telephone category (``LC_TELEPHONE``) is the one about phone numbers, and the language of
the messages (``LC_MESSAGES``) is often set apart from the rest, for instance English words
on a desktop in Germany (``LANG=de_DE.UTF-8``, ``LC_MESSAGES=en_US.UTF-8``). So the order is
the C library's for the telephone category, ``LC_ALL``, ``LC_TELEPHONE``, ``LANG``, and only
then ``LC_MESSAGES``, when none of those names a territory. ``$LANGUAGE`` is a list of
preferred languages ("en_GB:en"), not a place, and is not read.

A locale without a territory ("C", "POSIX", "C.UTF-8", "de"), or with a region that is not
a country ("es_419", Latin America) gives "": the territory is unknown, and the texts name
the numbers by region instead.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

# the order in which the variables decide (see above)
VARIABLES = ("LC_ALL", "LC_TELEPHONE", "LANG", "LC_MESSAGES")
_LOCALE = re.compile(r"^[A-Za-z]{2,3}_([A-Za-z]{2})(?:[.@]|$)")


def territory_of(locale_name: str) -> str:
    """The two-letter territory of a locale name, upper case: "MX" from "es_MX.UTF-8",
    "BE" from "fr_BE@euro"; "" when it names none."""
    found = _LOCALE.match(locale_name.strip())
    return found.group(1).upper() if found else ""


def desktop_territory(environ: Mapping[str, str] | None = None, fallback: str = "") -> str:
    """The territory of the desktop's locale ("" when unknown). ``fallback`` is a locale
    name from elsewhere (the system's, where the environment says nothing), used last."""
    env = os.environ if environ is None else environ
    for name in VARIABLES:
        value = env.get(name, "")
        if value:
            found = territory_of(value)
            if found:
                return found
    return territory_of(fallback)
