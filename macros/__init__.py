"""The portal's engine. Read the layout from the folders:

* ``core/``: what every part shares (loader and validation, problems, escaping, links,
  Markdown helpers, pagination, the project and its registry, the shared CLI);
* one folder per domain (``policy/``, ``handbook/``, ``training/``, ``plans/``,
  ``casebook/``, ``tips/``, ``documents/``), each registering itself in its ``domain.py``;
* ``composition.py``: the list of domains, and what the build asks of them;
* ``build/``: content-keyed caches and the one worker pool;
* ``glue/``: MkDocs and mkdocs-macros glue, with every patch of a MkDocs, Material,
  mkdocs-macros or jieba internal in ``glue/compat/``.

mkdocs-macros loads this package (``module_name: macros``) and calls :func:`define_env`.
"""

from __future__ import annotations


def define_env(env) -> None:
    # Imported here so that importing any engine module (scripts, tests) does not load the
    # MkDocs glue.
    from macros.glue.macros_env import define_env as define

    define(env)
