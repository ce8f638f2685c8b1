"""Converted fixtures, made once per test session (LibreOffice is slow on a shared machine)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.documents.corpus import build_corpus, build_workbooks, soffice


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return build_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def workbooks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return build_workbooks(tmp_path_factory.mktemp("workbooks"))
