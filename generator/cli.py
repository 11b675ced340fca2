"""The command line: ``python build.py [lệnh] [tuỳ chọn]``, in Vietnamese.

Kept thin: it parses arguments, calls a command function, prints diagnostics
and turns the outcome into an exit code (0 ok, 1 content errors, 2 usage).
Subcommands live in their own modules, each exposing ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

#: subcommand name -> module that implements it. ``build`` is the default.
SUBCOMMANDS: dict[str, str] = {
    "build": "generator.commands.build",
    "new": "generator.commands.new",
    "serve": "generator.commands.serve",
    "check": "generator.commands.check",
    "import": "generator.commands.import_",
    "province": "generator.commands.province",
}

_ARGPARSE_VI = (
    ("the following arguments are required: ", "thiếu tham số bắt buộc: "),
    ("unrecognized arguments: ", "tham số không nhận ra: "),
    ("expected one argument", "cần một giá trị đi kèm"),
    ("invalid choice: ", "lựa chọn không hợp lệ: "),
    ("invalid int value: ", "không phải số nguyên: "),
    ("argument ", "tham số "),
    ("(choose from ", "(chọn một trong "),
)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix or "Cách dùng: ")


class VietnameseParser(argparse.ArgumentParser):
    """argparse with Vietnamese headings, help option and error messages."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tuỳ chọn"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="hiện hướng dẫn này rồi thoát")

    def error(self, message: str):
        for english, vietnamese in _ARGPARSE_VI:
            message = message.replace(english, vietnamese)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {message}\n")


def make_parser(name: str, prog: str | None = None) -> tuple[VietnameseParser, object]:
    module = importlib.import_module(SUBCOMMANDS[name])
    from .commands.options import command_name
    prog = prog or command_name()
    full_prog = prog if name == "build" else f"{prog} {name}"
    parser = VietnameseParser(prog=full_prog, description=module.HELP,
                              epilog=getattr(module, "EPILOG", None))
    module.add_arguments(parser)
    return parser, module


def main(argv: list[str] | None = None) -> int:
    from .portable import utf8_console
    utf8_console()  # Vietnamese, never mojibake or UnicodeEncodeError, on a Windows console or a pipe
    argv = list(sys.argv[1:] if argv is None else argv)
    name = "build"
    if argv and argv[0] in SUBCOMMANDS:
        name = argv.pop(0)
    try:
        parser, module = make_parser(name)  # Ctrl-C may come while the modules load
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu.", file=sys.stderr)
        return 130
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse exits on --help (0) and usage errors (2)
        return int(stop.code or 0)
    try:
        return int(module.run(args))
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu.", file=sys.stderr)
        return 130
