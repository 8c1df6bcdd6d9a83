from typing import Any

# json_logic.apply.apply, exported under the JsonLogic name.
def jsonLogic(logic: Any, data: Any = None, operations: Any = ...) -> Any: ...
