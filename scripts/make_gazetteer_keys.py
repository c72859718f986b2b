"""Re-make the gazetteer's packaged name keys (``rwassign/gazetteer/data/desa_keys.txt.gz``).

Run from the repository root after changing the gazetteer data or the rules of its name keys
(``rwassign.gazetteer.name_key``)::

    python scripts/make_gazetteer_keys.py

Loading the gazetteer then reads each desa's key instead of making 83,762 of them (a tenth of
a second on every run).  The file names the data it was made from by its SHA-256, so keys for
other data are never used; a test fails until the file is re-made after a change of the rules.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))

from rwassign import gazetteer  # noqa: E402

DATA = ROOT / "rwassign" / "gazetteer" / "data"


def main() -> None:
    text = gazetteer.keys_text((DATA / gazetteer.DATA_FILE).read_bytes())
    target = DATA / gazetteer.KEYS_FILE
    # mtime=0: the same keys give the same bytes, so the file only changes when they do
    target.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{target.relative_to(ROOT)}: {text.count(chr(10))} keys")


if __name__ == "__main__":
    main()
