"""An argparse parser that speaks Danish: the help, the usage line and its error messages.

argparse writes its own words ("usage:", "options:", "show this help message and exit",
"unrecognized arguments") in English. The help texts of our options are Danish already; this
parser supplies Danish for the rest, so `fravaer --help` and a mistyped option read as the
program does.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

#: argparse's error messages (Python 3.11), as regular expressions, and their Danish wording.
_ERRORS: tuple[tuple[str, str], ...] = (
    (r"^unrecognized arguments: (.*)$", r"ukendt valg: \1"),
    (r"^argument (\S+): expected one argument$", r"\1 skal efterfølges af en værdi"),
    (r"^argument (\S+): ignored explicit argument (.*)$", r"\1 tager ingen værdi (fik \2)"),
    (r"^ambiguous option: (\S+) could match (.*)$", r"\1 er tvetydigt: det kan være \2"),
    (r"^argument (\S+): (.*)$", r"\1: \2"),
)


class DanishHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, "Brug: " if prefix is None else prefix)


class DanishArgumentParser(argparse.ArgumentParser):
    """Options go in `self.options` (titled "Valg"), which starts with a Danish -h/--help.

    Options must be written in full: "--de" is not taken to mean "--demo".
    """

    def __init__(self, *, prog: str, description: str):
        super().__init__(
            prog=prog, description=description, add_help=False, allow_abbrev=False,
            formatter_class=DanishHelpFormatter,
        )  # fmt: skip
        self.options = self.add_argument_group("Valg")
        self.options.add_argument("-h", "--help", action="help", help="vis denne hjælp og afslut")

    def error(self, message: str) -> NoReturn:
        """Print the usage and the problem in Danish on stderr and exit with code 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {danish_error(message)}\n")


def danish_error(message: str) -> str:
    for pattern, danish in _ERRORS:
        if re.match(pattern, message):
            return re.sub(pattern, danish, message)
    return message
