"""The lintian overrides the package carries are the ones that apply to it: which of them do
depends on the Python the bundle was built with (Debian's /usr/bin/python3 builds the expat
module into libpython, pyenv's or python.org's puts it in lib-dynload with its own expat),
and lintian warns about an override that matches nothing (mismatched-override)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.deb import DEBIAN, EMBEDDED_MARKS, overrides_for

INTERNAL = "usr/lib/stretchdesk/_internal"
EXPAT = EMBEDDED_MARKS["expat"]
DYNLOAD = f"{INTERNAL}/python3.11/lib-dynload"


def _tree(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def _kept(root: Path) -> list[str]:
    text = (DEBIAN / "lintian-overrides").read_text(encoding="utf-8")
    return [line for line in overrides_for(root, text).splitlines() if line.strip()]


COMMON = {
    "usr/lib/stretchdesk/stretchdesk": b"\x7fELF starter",
    f"{INTERNAL}/pillow.libs/libjpeg-1a2b3c.so.62": b"\x7fELF",
    f"{INTERNAL}/PySide6/Qt/plugins/imageformats/libqjpeg.so": b"\x7fELF",
    f"{INTERNAL}/PySide6/Qt/lib/libicudata.so.73": b"\x7fELF",
    f"{DYNLOAD}/_bz2.cpython-311-x86_64-linux-gnu.so": b"\x7fELF",
}


@pytest.mark.parametrize(
    ("python", "files", "expat_in"),
    [
        (
            "pyenv",
            {
                f"{INTERNAL}/libpython3.11.so.1.0": b"\x7fELF no expat here",
                f"{DYNLOAD}/pyexpat.cpython-311-x86_64-linux-gnu.so": b"\x7fELF " + EXPAT,
            },
            "lib-dynload/pyexpat.cpython-311-*.so",
        ),
        (
            "debian",
            {f"{INTERNAL}/libpython3.11.so.1.0": b"\x7fELF " + EXPAT},
            "_internal/libpython3.11.so.1.0",
        ),
    ],
)
def test_the_expat_override_follows_where_the_python_keeps_expat(
    tmp_path: Path, python: str, files: dict[str, bytes], expat_in: str
) -> None:
    kept = _kept(_tree(tmp_path, {**COMMON, **files}))
    expat = [line for line in kept if "embedded-library expat" in line]
    assert len(expat) == 1 and expat_in in expat[0], kept
    rules = [line for line in kept if not line.startswith("#")]
    assert len(rules) == 7, kept  # the rest all apply to both
    # each kept override keeps its explanation, and no other one's
    for index, line in enumerate(kept):
        if not line.startswith("#") and (index == 0 or not kept[index - 1].startswith("#")):
            assert kept[index - 1].startswith("stretchdesk:"), (index, kept)
    explained = "\n".join(kept)
    assert ("Debian's own Python" in explained) == (python == "debian")


def test_an_override_for_a_file_the_package_does_not_have_is_left_out(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "# the first",
            "stretchdesk: some-tag [usr/lib/a/*]",
            "stretchdesk: other-tag [usr/lib/b]",
            "# the second",
            "stretchdesk: some-tag [usr/lib/missing]",
            "# the third, with no file named",
            "stretchdesk: package-wide-tag",
        ]
    )
    root = _tree(tmp_path, {"usr/lib/a/x.so": b"", "usr/lib/b": b""})
    assert overrides_for(root, text).splitlines() == [
        "# the first",
        "stretchdesk: some-tag [usr/lib/a/*]",
        "stretchdesk: other-tag [usr/lib/b]",
        "# the third, with no file named",
        "stretchdesk: package-wide-tag",
    ]
