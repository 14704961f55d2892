"""The programs and libraries of a staged Debian package: which copies of system libraries
the bundle carries (dropped: the system's own, kept up to date by Debian, are depended on
instead), stripping, build-machine search paths, and ``Depends:`` worked out by
dpkg-shlibdeps from what is left.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

ELF = b"\x7fELF"
# in every Debian system: no unversioned dependency is written for these
ESSENTIAL = ("libc6", "libgcc-s1", "libstdc++6")
# the bundle's own Python (its standard library is in the bundle too) always stays
KEEP_BUNDLED = ("libpython",)
# Qt plugins the program runs without: the Wayland ones (Qt falls back to X11 through
# XWayland) and the GTK theme (Qt draws its own dialogs). What they need is recommended.
OPTIONAL_PLUGINS = ("platformthemes", "wayland-", "platforms/libqwayland")
OPTIONAL_LIBS = ("libQt6Wayland", "libQt6WlShellIntegration")


class DebError(Exception):
    pass


def run(args: list[str], cwd: Path | None = None) -> str:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise DebError(f"{args[0]} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == ELF:
                    found.append(path)
    return found


def _owners(names: list[str]) -> dict[str, str]:
    """For each library file name, the installed Debian package that has a library of that
    name in the system's library folders (none if no package has it)."""
    if not names:
        return {}
    triplet = run(["dpkg-architecture", "-qDEB_HOST_MULTIARCH"]).strip()
    folders = {f"/lib/{triplet}", f"/usr/lib/{triplet}", "/lib", "/usr/lib"}
    done = subprocess.run(
        ["dpkg-query", "-S", *(f"*/{name}" for name in names)],
        capture_output=True,
        text=True,
        check=False,
    )  # exit status 1 when some name is in no package: those simply stay bundled
    owners: dict[str, str] = {}
    for line in done.stdout.splitlines():
        package, _, path = line.partition(": ")
        where = Path(path.strip())
        if str(where.parent) in folders and where.name in names and where.exists():
            owners[where.name] = package.split(":")[0].split(",")[0].strip()
    return owners


def unbundle(internal: Path) -> dict[str, str]:
    """Drops the bundle's copies of libraries that Debian packages provide (PyInstaller
    copies them from the build machine); returns each dropped file with its package."""
    candidates = [
        p.name
        for p in sorted(internal.glob("*.so*"))
        if p.is_file() and not p.is_symlink() and not p.name.startswith(KEEP_BUNDLED)
    ]
    owners = _owners(candidates)
    for name in owners:
        (internal / name).unlink()
    return owners


def _sections_and_runpath(path: Path) -> tuple[set[str], str]:
    out = run(["readelf", "-S", "-d", "-W", str(path)])
    sections = {part for line in out.splitlines() for part in line.split() if part[:1] == "."}
    runpath = ""
    for line in out.splitlines():
        if "(RUNPATH)" in line or "(RPATH)" in line:
            runpath = line.rsplit("[", 1)[-1].rstrip("]")
    return sections, runpath


def tidy(files: list[Path]) -> None:
    """Strips the shared objects that still carry symbols (the bundle's own Python is built
    with them) and removes search paths that point into the build machine (only paths
    relative to the library itself, $ORIGIN, are kept). The program itself is left alone:
    the bundle's archive is appended to it."""
    unstripped = []
    for path in files:
        if ".so" not in path.name:
            continue
        sections, runpath = _sections_and_runpath(path)
        if ".symtab" in sections:
            unstripped.append(str(path))
        if runpath and any(not p.startswith("$ORIGIN") for p in runpath.split(":")):
            kept = ":".join(p for p in runpath.split(":") if p.startswith("$ORIGIN"))
            if kept:
                run(["patchelf", "--set-rpath", kept, str(path)])
            else:
                run(["patchelf", "--remove-rpath", str(path)])
    if unstripped:
        run(
            [
                "strip",
                "--strip-unneeded",
                "--remove-section=.comment",
                "--remove-section=.note",
                *unstripped,
            ]
        )


def _optional(path: Path) -> bool:
    text = path.as_posix()
    if "/plugins/" in text:
        return any(part in text.split("/plugins/", 1)[1] for part in OPTIONAL_PLUGINS)
    return path.name.startswith(OPTIONAL_LIBS)


def _missing_libraries(report: str) -> list[str]:
    marker = "cannot find library "
    return sorted(
        {line.split(marker, 1)[1].split()[0] for line in report.splitlines() if marker in line}
    )


def shlib_depends(files: list[Path]) -> dict[str, list[str]]:
    """What the programs and libraries need from the system, as package names with versions
    found by dpkg-shlibdeps (never guessed): ``Depends`` for what every start loads,
    ``Recommends`` for what only the optional Qt plugins load. Libraries inside the package
    are private: never a dependency."""
    private = sorted({str(p.parent) for p in files if ".so" in p.name})
    core = [str(p) for p in files if not _optional(p)]
    extra = [str(p) for p in files if _optional(p)]
    with tempfile.TemporaryDirectory(prefix="shlibdeps-") as work:
        control = Path(work) / "debian" / "control"
        control.parent.mkdir()
        control.write_text("Source: stretchdesk\n\nPackage: stretchdesk\nArchitecture: any\n")
        args = ["dpkg-shlibdeps", "-O", "--ignore-missing-info", "--warnings=0"]
        args += [f"-l{folder}" for folder in private]
        args += ["-dDepends", *core, "-dRecommends", *extra]
        done = subprocess.run(args, cwd=work, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        missing = _missing_libraries(done.stderr)
        if missing:
            raise DebError(
                "the bundle uses libraries this machine does not have, so the packages "
                "that provide them cannot be found: " + ", ".join(missing) + " (install "
                "them, then build again)"
            )
        raise DebError(f"dpkg-shlibdeps failed:\n{done.stdout}{done.stderr}")
    fields: dict[str, list[str]] = {"Depends": [], "Recommends": []}
    for line in done.stdout.splitlines():
        name, _, value = line.partition("=")
        field = name.removeprefix("shlibs:")
        if field in fields:
            found = [d.strip() for d in value.split(",") if d.strip()]
            fields[field] = [d for d in found if d.split()[0] not in ESSENTIAL or "(" in d]
    return fields
