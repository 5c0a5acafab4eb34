from pathlib import Path

import pytest

from coopatlas.reference import load_reference
from coopatlas.reference.tables import data_dir, load_tables

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture(scope="session")
def ref():
    return load_reference()


@pytest.fixture(scope="session")
def tables():
    return load_tables()


@pytest.fixture(scope="session")
def shared():
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not available")
    return SHARED_DATA


@pytest.fixture()
def tsv_dir(tmp_path):
    """A copy of the packaged tables that a test may break."""
    for name in ("parties", "aliases", "districts", "district_membership", "association_membership",
                 "org_membership", "adjacency", "capitals", "groups", "id_aliases"):
        source = data_dir() / f"{name}.tsv"
        (tmp_path / f"{name}.tsv").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path
