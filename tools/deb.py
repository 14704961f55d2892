"""A Debian package from the one-folder bundle (``make bundle``):

    python -m tools.deb --bundle dist/stretchdesk --out dist

The bundle goes to /usr/lib/stretchdesk with /usr/bin/stretchdesk pointing at it; the menu
entry, AppStream file and icons (named after the app id), the manual page (written from the
command line's definition) and the copyright file go where Debian puts them. ``Depends:``
is worked out by dpkg-shlibdeps (``deb_elf.py``) once the bundle's copies of Debian's own
libraries are dropped, plus the packages the program looks for at run time: the sound
server's library, and speech-dispatcher (recommended).
"""

from __future__ import annotations

import argparse
import fnmatch
import gzip
import hashlib
import os
import shutil
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from stretchdesk import __version__
from stretchdesk.paths import APP_ID
from tools import manpage
from tools.deb_elf import DebError, elf_files, run, shlib_depends, tidy, unbundle

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
DEBIAN = ROOT / "packaging" / "debian"
ICONS = ROOT / "assets" / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
# loaded with dlopen at run time, so no program in the bundle names them
RUNTIME_DEPENDS = ("libpulse0",)
RECOMMENDS = ("speech-dispatcher", "speech-dispatcher-espeak-ng")
# what lintian takes as the sign of a library built into a file (its data/binaries/
# embedded-libs): an override of embedded-library is kept only for a file that has it
EMBEDDED_MARKS = {"expat": b"requested feature requires XML_DTD support in Expat"}


def _architecture() -> str:
    return run(["dpkg", "--print-architecture"]).strip()


def _install(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def _gzip(data: bytes, target: Path) -> None:
    """gzip -9n: no name or time inside, so the same input makes the same file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        target.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as out,
    ):
        out.write(data)
    target.chmod(0o644)


def stage(bundle: Path, root: Path) -> None:
    """The package's files under ``root`` (which becomes /)."""
    lib = root / "usr" / "lib" / "stretchdesk"
    shutil.copytree(bundle, lib, symlinks=True)
    for path in lib.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            executable = path.name == "stretchdesk" and path.parent == lib
            path.chmod(0o755 if executable else 0o644)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "stretchdesk").symlink_to("../lib/stretchdesk/stretchdesk")
    share = root / "usr" / "share"
    _install(LINUX / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    _install(LINUX / f"{APP_ID}.metainfo.xml", share / "metainfo" / f"{APP_ID}.metainfo.xml")
    _install(LINUX / f"{APP_ID}.xml", share / "mime" / "packages" / f"{APP_ID}.xml")
    hicolor = share / "icons" / "hicolor"
    _install(ICONS / "stretchdesk.svg", hicolor / "scalable" / "apps" / f"{APP_ID}.svg")
    for size in ICON_SIZES:
        icon = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        _install(ICONS / f"stretchdesk-{size}.png", icon)
    _gzip(manpage.render().encode("utf-8"), share / "man" / "man1" / "stretchdesk.1.gz")
    doc = share / "doc" / "stretchdesk"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_text(), encoding="utf-8")
    (doc / "copyright").chmod(0o644)
    _gzip((DEBIAN / "changelog").read_bytes(), doc / "changelog.gz")


def overrides_for(root: Path, text: str) -> str:
    """The lintian overrides (packaging/debian/lintian-overrides) that apply to this
    package, each group with its comment: one that names no file of the package, or an
    ``embedded-library`` one for a file without that library's mark, is left out, since
    lintian warns about an override that matches nothing. Which ones apply depends on the
    Python the bundle was built with (Debian's builds the expat module into libpython,
    another Python puts it in lib-dynload)."""
    files = [p for p in root.rglob("*") if p.is_file() and not p.is_symlink()]
    kept: list[str] = []
    comment: list[str] = []  # the comment above the current group of overrides
    comment_kept = after_override = False
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            if after_override:
                comment, comment_kept, after_override = [], False, False
            comment.append(line)
            continue
        after_override = True
        if _applies(line, root, files):
            if not comment_kept:
                kept.extend(comment)
                comment_kept = True
            kept.append(line)
    return "\n".join(kept) + "\n"


def _applies(override: str, root: Path, files: list[Path]) -> bool:
    head, bracket, pointer = override.partition(" [")
    if not bracket:
        return True
    pattern = pointer.rstrip().removesuffix("]")
    named = [p for p in files if fnmatch.fnmatchcase(p.relative_to(root).as_posix(), pattern)]
    tag = head.split(":", 1)[-1].split()
    mark = EMBEDDED_MARKS.get(tag[1]) if len(tag) == 2 and tag[0] == "embedded-library" else None
    if mark is None:
        return bool(named)
    return any(mark in path.read_bytes() for path in named)


def write_overrides(root: Path) -> None:
    target = root / "usr" / "share" / "lintian" / "overrides" / "stretchdesk"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = (DEBIAN / "lintian-overrides").read_text(encoding="utf-8")
    target.write_text(overrides_for(root, text), encoding="utf-8")
    target.chmod(0o644)


APACHE_2 = "On Debian systems, the Apache License 2.0 is in /usr/share/common-licenses/Apache-2.0."


def _without_apache_text(text: str) -> str:
    """A full copy of the Apache License 2.0 (with its appendix) inside a license file is
    replaced by the pointer to Debian's own copy, as Debian policy asks."""
    lines = text.splitlines()
    for start in range(len(lines) - 1):
        if "Apache License" in lines[start] and "Version 2.0, January 2004" in lines[start + 1]:
            ends = [
                i
                for i in range(start, len(lines))
                if "limitations under the License." in lines[i]
                or "END OF TERMS AND CONDITIONS" in lines[i]
            ]
            end = max((i for i in ends if i - start < 260), default=None)
            if end is not None:
                rest = "\n".join([*lines[:start], APACHE_2, *lines[end + 1 :]])
                return _without_apache_text(rest)
    return text


def _license_block(text: str) -> str:
    """A license's full text as a DEP-5 continuation: each line indented, blank lines dots."""
    text = _without_apache_text(text)
    return "\n".join(f" {line}" if line.strip() else " ." for line in text.strip().splitlines())


def _dist_license(name: str) -> str:
    dist = metadata.distribution(name)
    for file in dist.files or ():
        if file.name.upper().startswith(("LICENSE", "COPYING")):
            return file.read_text(encoding="utf-8")
    raise DebError(f"no license file in {name}'s metadata")


def copyright_text() -> str:
    """The machine-readable copyright file: stretchdesk, and what the bundle carries (Python,
    Qt through PySide6, Pillow, appdirs, jeepney), each license's text taken from the build's
    own copies."""
    python = Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    internal = "usr/lib/stretchdesk/_internal"
    parts = [
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: stretchdesk\n"
        "Source: https://github.com/stretchdesk/stretchdesk",
        "Files: *\nCopyright: 2026 The stretchdesk developers\nLicense: Expat",
        f"Files: {internal}/PySide6/* {internal}/shiboken6/*\n"
        "Copyright: The Qt Company Ltd. and other contributors\nLicense: LGPL-3\n"
        " On Debian systems, the full text of the GNU Lesser General Public License\n"
        " version 3 is in /usr/share/common-licenses/LGPL-3.",
        f"Files: {internal}/libpython3* {internal}/base_library.zip {internal}/lib-dynload/*\n"
        "Copyright: Python Software Foundation\nLicense: PSF-2.0\n"
        + _license_block((python / "LICENSE.txt").read_text(encoding="utf-8")),
        f"Files: {internal}/PIL/* {internal}/pillow.libs/*\n"
        "Copyright: Jeffrey A. Clark and contributors, Secret Labs AB, Fredrik Lundh\n"
        "License: MIT-CMU\n" + _license_block(_dist_license("pillow")),
        "Files: " + internal + "/appdirs*\n"
        "Copyright: Trent Mick, Sridhar Ratnakumar, Jeff Rouse\nLicense: Expat-appdirs\n"
        + _license_block(_dist_license("appdirs")),
        "Files: " + internal + "/jeepney*\n"
        "Copyright: Thomas Kluyver and contributors\nLicense: MIT-jeepney\n"
        + _license_block(_dist_license("jeepney")),
        "License: Expat\n" + _license_block((ROOT / "LICENSE").read_text(encoding="utf-8")),
    ]
    return "\n\n".join(parts) + "\n"


def _installed_kib(root: Path) -> int:
    total = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    return (total + 1023) // 1024


def _md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.parts:
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            lines.append(f"{digest}  {path.relative_to(root).as_posix()}")
    return "\n".join(lines) + "\n"


def control(root: Path, depends: dict[str, list[str]], arch: str) -> str:
    template = (DEBIAN / "control.in").read_text(encoding="utf-8")
    return template.format(
        version=__version__,
        arch=arch,
        size=_installed_kib(root),
        depends=", ".join([*depends["Depends"], *RUNTIME_DEPENDS]),
        recommends=", ".join([*depends["Recommends"], *RECOMMENDS]),
    )


def build(bundle: Path, out: Path) -> Path:
    if not (bundle / "stretchdesk").is_file():
        raise DebError(f"no bundle in {bundle}: run make bundle first")
    arch = _architecture()
    with tempfile.TemporaryDirectory(prefix="deb-") as work:
        root = Path(work) / "root"
        stage(bundle, root)
        lib = root / "usr" / "lib" / "stretchdesk"
        dropped = unbundle(lib / "_internal")
        files = elf_files(lib)
        tidy(files)
        depends = shlib_depends(files)
        write_overrides(root)
        meta = root / "DEBIAN"
        meta.mkdir(mode=0o755)
        (meta / "md5sums").write_text(_md5sums(root), encoding="utf-8")
        (meta / "control").write_text(control(root, depends, arch), encoding="utf-8")
        for path in meta.iterdir():
            path.chmod(0o644)
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"stretchdesk_{__version__}_{arch}.deb"
        os.umask(0o022)
        run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)])
    print(f"{len(dropped)} system libraries taken from Debian instead of the bundle")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "stretchdesk")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    try:
        target = build(args.bundle, args.out)
    except DebError as exc:
        print(f"deb: {exc}", file=sys.stderr)
        return 1
    print(f"{target} ({target.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
