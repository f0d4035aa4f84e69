import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import pytest  # noqa: E402

import qaward  # noqa: E402


def has(fn: str) -> bool:
    return qaward.lib.has(fn)


def need(fn: str):
    """Skip a test when the loaded library does not export ``fn`` yet."""
    return pytest.mark.skipif(not has(fn), reason=f"library lacks {fn}")
