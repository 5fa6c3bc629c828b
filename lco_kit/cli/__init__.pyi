# The command line's face: the parser and its run (``lco-kit`` calls ``main``).
from ._main import main as main
