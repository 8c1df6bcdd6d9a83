# Material 9.8.1's search plugin, as far as macros/glue/compat/ relies on it (compat.RELIANCES and
# compat.PATCHES carry the version ranges). The two methods the compat package wraps are declared
# with positional-only parameters: a wrapper assigned in their place is called positionally.
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

# The jieba module when it is installed, else None (Material imports it optionally); the compat
# package may put a caching proxy in its place.
jieba: Any

class SearchIndex:
    config: Any
    entries: list[dict[str, Any]]
    def __init__(self, **config: Any) -> None: ...
    def add_entry_from_context(self, page: Page, /) -> None: ...
    def generate_search_index(self, prev: Any) -> str: ...
    def _segment_chinese(self, data: str, /) -> str: ...

class SearchPlugin(BasePlugin[Any]):
    search_index: SearchIndex
    def on_config(self, config: MkDocsConfig) -> None: ...
