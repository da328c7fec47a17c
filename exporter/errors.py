"""Typed errors: every problem a person can fix names what, where (file:line) and what to do.

The core raises these; only the CLI turns them into messages and exit codes.
"""

from __future__ import annotations


class ExporterError(Exception):
    """Root of every error the core raises on purpose."""

    def __init__(
        self,
        what: str,
        *,
        path: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.what = what
        self.path = path
        self.line = line
        self.hint = hint
        super().__init__(self.message)

    @property
    def where(self) -> str | None:
        if self.path is None:
            return None
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    @property
    def message(self) -> str:
        parts = [self.what]
        if self.where:
            parts.append(self.where)
        if self.hint:
            parts.append(self.hint)
        return ", ".join(parts)


class ConfigError(ExporterError):
    """The configuration file or command-line options are wrong."""


class SourceError(ExporterError):
    """A source document cannot be read or understood."""


class ExportError(ExporterError):
    """An export cannot be written."""
