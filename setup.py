"""Build hook: put the facilitator-editable content inside the package when building a wheel.

``casussen/``, ``exercises/`` and ``notebooks/`` live at the top of a checkout, where
facilitators edit them. A wheel (``pip install .``, Binder) carries a copy in
``lco_kit/_bundled/`` so the kit finds its content when installed. An editable install
reads the checkout directly. All metadata is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

CONTENT = ("casussen", "exercises", "notebooks")


class BuildWithContent(build_py):
    """build_py that also copies the content folders into the built package."""

    def run(self) -> None:
        """Build the package, then add the content folders."""
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "lco_kit" / "_bundled"
        for name in CONTENT:
            if Path(name).is_dir():
                shutil.copytree(
                    name, target / name, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
                )


setup(cmdclass={"build_py": BuildWithContent})
