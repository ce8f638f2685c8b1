"""ReportDesk: compile, check and export the yearly 政府信息公开工作年度报告."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version is read from the package metadata on first use only: importlib.metadata
    # costs ~30 ms, which the desktop app's start-up should not pay.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("reportdesk")
        except PackageNotFoundError:  # running from a source tree that was never installed
            value = "0.0.0+source"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
