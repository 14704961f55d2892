"""Hostile routine files, each at most 1 MiB and each once enough to stop, hang or freeze
stretchdesk: what tests/hostile/test_routine_files.py checks, and what the start-up
benchmark puts in the person's routines folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

MIB = 1024 * 1024
HEAD = 'id = "hostile"\ntitle = "Hostile"\n'
GOOD_STEP = '[[step]]\nexercise = "pelvic-tilt"\nphase = "warmup"\n'


def _nested() -> bytes:  # 100,000 brackets inside each other: RecursionError
    return (HEAD + "x = " + "[" * 100_000 + "]" * 100_000 + "\n").encode()


def _dotted_key() -> bytes:  # one key of 80,000 parts: quadratic in the parser (29 s)
    return (HEAD + "a" + ".a" * 80_000 + " = 1\n").encode()


def _bad_steps() -> bytes:  # 520,000 steps that are not tables, in 1 MiB
    body = HEAD + "step = [" + "0," * 520_000 + "]\n"
    return body.encode()


def _many_problems() -> bytes:  # 20,000 steps with an unknown exercise each
    step = '{exercise = "nope", phase = "warmup"},'
    return (HEAD + "step = [" + step * 20_000 + "]\n").encode()


def _escapes() -> bytes:  # a title that clears the screen and prints a fake "ok"
    fake = "\\u001b[2J\\u001b[Hok: 3 routines valid\\u009b31m\\u202e"
    return (
        f'id = "evil"\ntitle = "{fake}"\n[[step]]\nexercise = "nope"\nphase = "warmup"\n'
        f'title = "{fake}"\ncaution = "{fake}"\n'
    ).encode()


def _long_string() -> bytes:  # one title of nearly 1 MiB, and a key as long
    return (
        'id = "long"\ntitle = "' + "x" * 500_000 + '"\n"' + "k" * 400_000 + '" = 1\n' + GOOD_STEP
    ).encode()


def _deep_inline() -> bytes:  # inline tables 30,000 deep
    return (HEAD + "x = " + "{a = " * 30_000 + "1" + "}" * 30_000 + "\n").encode()


def _huge_array() -> bytes:  # 200,000 lines of instructions
    return (HEAD + GOOD_STEP + "instructions = [" + '"a",' * 200_000 + "]\n").encode()


def _not_utf8() -> bytes:
    return HEAD.encode() + b'note = "\xff\xfe\xc3("\n' + GOOD_STEP.encode()


def _nul_bytes() -> bytes:
    return HEAD.encode() + b'note = "a\x00b"\n' + b"\x00" * 1000 + GOOD_STEP.encode()


def _many_tables() -> bytes:  # 100,000 tables
    return (HEAD + "".join(f"[t{i}]\n" for i in range(100_000))).encode()[:MIB]


def _translations() -> bytes:  # 60 languages of 5,000 sentences each
    tables = "".join(
        f"[translation.l{n}]\n" + "".join(f'"s{i}" = "t"\n' for i in range(5_000))
        for n in range(60)
    )
    return (HEAD + GOOD_STEP + tables).encode()[:MIB]


def _long_id() -> bytes:  # a valid-looking id too long to name a file
    return ('id = "' + "a" * 250 + '"\ntitle = "Long id"\n' + GOOD_STEP).encode()


def _hundred_bad_steps() -> bytes:  # 100 steps (the most), each wrong in five ways
    step = '[[step]]\nexercise = "nope"\nphase = "later"\nreps = -1\nhold = "x"\nodd = 1\n'
    return (HEAD + step * 100).encode()


def _too_many_steps() -> bytes:  # 101 good steps, one more than a routine may have
    return (HEAD + GOOD_STEP * 101).encode()


def _escaped_keys() -> bytes:  # control characters in keys, a language and an exercise id
    return (
        HEAD
        + '"\\u001b[2Jkey" = 1\n[[step]]\nexercise = "\\u001b]0;title\\u0007"\nphase = "warmup"\n'
        + '[translation."\\u202ede"]\n"Hostile" = "x"\n'
    ).encode()


FILES: dict[str, Callable[[], bytes]] = {
    "nested": _nested,
    "dotted-key": _dotted_key,
    "bad-steps": _bad_steps,
    "many-problems": _many_problems,
    "escapes": _escapes,
    "long-string": _long_string,
    "deep-inline": _deep_inline,
    "huge-array": _huge_array,
    "not-utf8": _not_utf8,
    "nul-bytes": _nul_bytes,
    "many-tables": _many_tables,
    "translations": _translations,
    "long-id": _long_id,
    "hundred-bad-steps": _hundred_bad_steps,
    "too-many-steps": _too_many_steps,
    "escaped-keys": _escaped_keys,
}


# the ten of the start-up benchmark: the largest and costliest to read
HOSTILE_TEN = [
    "nested",
    "dotted-key",
    "bad-steps",
    "many-problems",
    "long-string",
    "deep-inline",
    "huge-array",
    "many-tables",
    "translations",
    "escapes",
]


def write_all(folder: Path, names: list[str] | None = None) -> list[Path]:
    """The hostile files (all, or those named) in ``folder`` as ``<name>.toml``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names or list(FILES):
        path = folder / f"{name}.toml"
        path.write_bytes(FILES[name]())
        written.append(path)
    return written
