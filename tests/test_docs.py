"""Docs stay in step with the code: every command has help and is in the README and the reference."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newstrail.cli import cli

REPO = Path(__file__).resolve().parents[1]


def test_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        assert command.help and command.help.strip(), f"command {name} has no help text"


def test_every_command_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [name for name in cli.commands if f"newstrail {name}" not in readme]
    assert not missing, f"README does not mention: {missing}"


def test_cli_reference_is_current() -> None:
    proc = subprocess.run([sys.executable, str(REPO / "scripts" / "cli_reference.py"), "--check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_public_api_is_exported_and_sorted() -> None:
    import newstrail

    assert newstrail.__all__ == sorted(newstrail.__all__)
    assert all(hasattr(newstrail, name) for name in newstrail.__all__)
