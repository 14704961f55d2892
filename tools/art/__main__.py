"""``python -m tools.art``: regenerate the illustrations, the icon and the contact sheet."""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import PIL

from stretchdesk.routine import RoutineError, load_library
from tools.art.build import PoseError, Rendered, render, write_frames
from tools.art.icon import write_icons
from tools.art.poses import load_pose_file, report
from tools.art.sheet import write_contact_sheet

REPO = Path(__file__).resolve().parents[2]
POSES = REPO / "assets" / "poses"
EXERCISES = REPO / "assets" / "exercises"


def _one(pose_path: Path, out: Path) -> Rendered:
    library = load_library(EXERCISES)
    sheet = load_pose_file(pose_path)
    if sheet.exercise not in library:
        raise PoseError(f"{pose_path.name}: no exercise {sheet.exercise!r} in the library")
    exercise = library[sheet.exercise]
    rendered = render(sheet, exercise)
    write_frames(rendered, out / "assets" / "illustrations" / exercise.illustration.folder)
    return rendered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.art", description=__doc__)
    parser.add_argument("--out", type=Path, default=REPO, help="root to write into")
    parser.add_argument("--only", nargs="*", help="exercise ids (skips icon and contact sheet)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--report", type=Path, help="print part heights of a pose file and stop")
    args = parser.parse_args(argv)
    if args.report:
        print(report(args.report))
        return 0
    pose_files = sorted(POSES.glob("*.toml"))
    if args.only:
        pose_files = [p for p in pose_files if p.stem in args.only]
    try:
        library = load_library(EXERCISES)
    except RoutineError as exc:
        print(exc, file=sys.stderr)
        return 1
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(_one, p, args.out) for p in pose_files]
        try:
            rendered = [f.result() for f in futures]
        except PoseError as exc:
            print(f"pose error: {exc}", file=sys.stderr)
            return 1
    if args.only:
        write_contact_sheet(rendered, args.out / "docs" / "illustrations.png")
        return 0

    missing = sorted({ex.id for ex in library.values()} - {r.sheet.exercise for r in rendered})
    if missing:
        print(f"no pose file for: {', '.join(missing)}", file=sys.stderr)
        return 1
    write_icons(args.out / "assets" / "icons")
    write_contact_sheet(rendered, args.out / "docs" / "illustrations.png")
    stamp = args.out / "assets" / "illustrations" / "GENERATED"
    stamp.write_text(
        "Made by `make assets` (python -m tools.art) from assets/poses/; do not edit by hand.\n"
        f"Pillow {PIL.__version__}\n",
        encoding="utf-8",
    )
    print(f"{len(rendered)} exercises, icons and docs/illustrations.png written under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
