"""The README's set-up, as a newcomer meets it: Get started near the top, the system
packages before `make run` and `make test`, the same packages that .ci/run installs before it
follows those commands as a new user (.ci/newcomer), and the Makefile's own sentences when
the Python cannot make a virtual environment (Debian keeps ensurepip in python3-venv)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CI = ROOT / ".ci" / "run"


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else None]


def _shell_blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL)


def _commands(block: str) -> list[str]:
    """The block's commands, continuation lines joined, comments dropped."""
    joined = block.replace("\\\n", " ")
    lines = [line.split("#", 1)[0].strip() for line in joined.splitlines()]
    return [" ".join(line.split()) for line in lines if line]


def _packages(command: str) -> list[str]:
    words = command.split()
    assert words[:3] == ["sudo", "apt-get", "install"], command
    return [w for w in words[3:] if not w.startswith("-")]


def readme_setup() -> list[str]:
    """The commands of README's Get started, in order."""
    section = _section(README.read_text(encoding="utf-8"), "Get started")
    return [command for block in _shell_blocks(section) for command in _commands(block)]


def ci_readme_packages() -> list[str]:
    """The packages of .ci/run's install that it says is the README's set-up line."""
    text = CI.read_text(encoding="utf-8")
    start = text.index("# The README's set-up line")
    install = text.index("apt-get install", start)
    end = text.index("\n#", install)
    words = text[install:end].replace("\\\n", " ").split()
    return [w for w in words[2:] if not w.startswith("-")]


def test_get_started_comes_first_and_the_system_packages_before_make() -> None:
    text = README.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert headings[0] == "Get started", headings
    assert text[: text.index("## Get started")].count("\n") < 40  # on the first screen
    commands = readme_setup()
    assert commands[0].startswith("sudo apt-get install "), commands
    assert commands[1:] == ["make run", "make test"], commands
    packages = _packages(commands[0])
    assert {"python3", "python3-venv", "make"} <= set(packages)
    assert len(packages) == len(set(packages))


def test_ci_installs_exactly_the_readme_packages_then_follows_the_readme() -> None:
    readme = _packages(readme_setup()[0])
    ci = ci_readme_packages()
    assert sorted(ci) == sorted(readme)
    text = CI.read_text(encoding="utf-8")
    # the newcomer's run comes before any other package is installed
    newcomer = text.index("\n.ci/newcomer\n")
    installs = [m.start() for m in re.finditer(r"apt-get install", text)]
    assert [i for i in installs if i < newcomer][-1] > text.index("# Then the README's")
    script = (ROOT / ".ci" / "newcomer").read_text(encoding="utf-8")
    assert "make run ARGS=--version" in script and "make run ARGS=--self-test" in script
    assert "useradd" in script and "PATH=/usr/bin:/bin" in script
    assert os.access(ROOT / ".ci" / "newcomer", os.X_OK)


def test_the_readme_says_what_make_run_downloads() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    said = re.search(r"about (\d+) MB to download", makefile)
    assert said is not None
    assert f"about {said.group(1)} MB of Python packages" in _section(
        README.read_text(encoding="utf-8"), "Get started"
    )
    # the installs show pip's progress: no -q on them
    for line in makefile.splitlines():
        if "pip" in line and " install " in line:
            assert " -q" not in line, line
    assert not re.search(r"^PIP\s*:=.*\s-q\b", makefile, flags=re.MULTILINE)


def _fake_python(folder: Path, body: str) -> Path:
    """A python3 that runs the real one, changed by ``body`` (shell lines run first)."""
    real = shutil.which("python3")
    assert real is not None
    script = folder / "python3"
    script.write_text(f'#!/bin/sh\n{body}\nexec {real} "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    return script


def _make_venv(python: Path, venv: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-C",
            str(ROOT),
            f"PYTHON={python}",
            f"VENV={venv}",
            f"{venv}/bin/python",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.needs("make", package="make")
def test_make_names_python3_venv_when_ensurepip_is_missing(tmp_path: Path) -> None:
    hidden = tmp_path / "no-ensurepip"
    (hidden / "ensurepip").mkdir(parents=True)
    (hidden / "ensurepip" / "__init__.py").write_text(
        'raise ImportError("ensurepip is not part of this Python")\n', encoding="utf-8"
    )
    python = _fake_python(tmp_path, f"export PYTHONPATH={hidden}")
    venv = tmp_path / "venv"
    done = _make_venv(python, venv)
    assert done.returncode != 0
    assert "cannot make a virtual environment" in done.stderr
    assert "sudo apt-get install python3-venv" in done.stderr
    assert re.search(r"python3\.\d+-venv", done.stderr)
    assert "Traceback" not in done.stdout + done.stderr
    assert not venv.exists()


@pytest.mark.needs("make", package="make")
def test_a_half_made_venv_is_removed(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    fails = (
        'if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then\n'
        '  mkdir -p "$3/bin" && ln -s /bin/true "$3/bin/python"\n'
        '  echo "Error: Command ensurepip returned non-zero exit status 1." >&2; exit 1\nfi'
    )
    done = _make_venv(_fake_python(tmp_path, fails), venv)
    assert done.returncode != 0
    assert "could not make the virtual environment" in done.stderr
    assert not venv.exists()  # the next make run starts afresh


@pytest.mark.needs("make", package="make")
def test_make_says_when_there_is_no_python(tmp_path: Path) -> None:
    done = _make_venv(tmp_path / "python3", tmp_path / "venv")
    assert done.returncode != 0
    assert "needs Python 3.11 or newer, and there is no" in done.stderr
    assert "python3-venv" in done.stderr
