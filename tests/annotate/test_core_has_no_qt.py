import subprocess
import sys


def test_importing_the_core_and_cli_loads_no_qt() -> None:
    code = (
        "import sys, annotate, annotate.cli, annotate.corpus.importing, annotate.corpus.exporting, "
        "annotate.checking, annotate.sample\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'gui'))]\n"
        "print(','.join(loaded))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
