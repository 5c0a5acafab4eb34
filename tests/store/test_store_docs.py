"""The examples in docs/store.md run as written."""
import re
from pathlib import Path

DOC = Path(__file__).parents[2] / "docs" / "store.md"


def test_the_python_examples_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 2
    namespace = {}
    for block in blocks:
        exec(compile(block, str(DOC), "exec"), namespace)  # noqa: S102 - our own documentation
    assert len(namespace["atlas"].facts()) == 1
    namespace["atlas"].close()
    namespace["store"].close()
