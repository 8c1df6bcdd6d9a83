# rjsmin ships no types: its one function as macros/core/scriptmin.py calls it (str in, str out;
# bytes in, bytes out). Read by the type checker only (pyproject.toml [tool.basedpyright] stubPath).
from typing import overload

@overload
def jsmin(script: str, keep_bang_comments: bool = False) -> str: ...
@overload
def jsmin(script: bytes, keep_bang_comments: bool = False) -> bytes: ...
@overload
def jsmin(script: bytearray, keep_bang_comments: bool = False) -> bytearray: ...
