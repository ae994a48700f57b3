"""Write docs/cli-reference.md from the CLI's own --help (tests/test_docs.py checks it is current).

    python scripts/cli_reference.py          # rewrite the file
    python scripts/cli_reference.py --check  # exit 1 if it is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newstrail.cli import cli  # noqa: E402

TARGET = Path(__file__).resolve().parents[1] / "docs" / "cli-reference.md"


def render() -> str:
    parts = ["# CLI reference\n\nGenerated from `--help` by `scripts/cli_reference.py`; do not edit by hand.\n"]
    ctx = click.Context(cli, info_name="newstrail", terminal_width=100)
    parts.append(f"## newstrail\n\n```\n{cli.get_help(ctx)}\n```\n")
    for name in sorted(cli.commands):
        command = cli.commands[name]
        sub = click.Context(command, info_name=name, parent=ctx, terminal_width=100)  # the parent adds "newstrail"
        parts.append(f"## newstrail {name}\n\n```\n{command.get_help(sub)}\n```\n")
    return "\n".join(parts)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print("docs/cli-reference.md is out of date: run python scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
