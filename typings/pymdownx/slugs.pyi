from collections.abc import Callable

# slugify(case="lower", …) -> fn(text, separator) -> slug
def slugify(**kwargs: object) -> Callable[[str, str], str]: ...
