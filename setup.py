"""The build compiles the interface's translations (resources/i18n/*.ts, Qt Linguist
sources) into the .qm catalogues the app loads, with the lrelease that PySide6 ships."""

from __future__ import annotations

import subprocess
from importlib.util import find_spec
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TRANSLATIONS = Path(__file__).parent / "resources" / "i18n"


def compile_translations() -> None:
    spec = find_spec("PySide6")
    if spec is None or spec.origin is None:
        raise RuntimeError("building needs PySide6-Essentials (for lrelease)")
    lrelease = Path(spec.origin).parent / "lrelease"
    for source in sorted(TRANSLATIONS.glob("*.ts")):
        compiled = source.with_suffix(".qm")
        command = [str(lrelease), "-silent", "-fail-on-unfinished", str(source), "-qm"]
        subprocess.run([*command, str(compiled)], check=True)


class BuildWithTranslations(build_py):
    def run(self) -> None:
        compile_translations()  # into the source tree: an editable install reads them there
        super().run()


setup(cmdclass={"build_py": BuildWithTranslations})
