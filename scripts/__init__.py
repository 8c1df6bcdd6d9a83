"""The project's command-line tools, installed with the engine (pyproject.toml).

Each runs as ``.venv/bin/python scripts/<name>.py`` from the project folder (the form README and
the messages give) or as ``.venv/bin/python -m scripts.<name>``; either way it imports the
engine installed in the environment (``make setup`` installs this checkout, editable), and the
tools import each other as ``scripts.<name>``. Nothing here edits ``sys.path``.
"""
