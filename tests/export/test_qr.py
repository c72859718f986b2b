"""The QR code of a lampiran, read back by a real barcode reader.

The PDF pages are rendered to pixels (pdfium, as a printer or screen would) and the XLSX image
is taken as embedded; ZXing then decodes them.  A code that merely looks like a QR code, or one
that carries another fingerprint, fails here.  Everyone in the plan is invented.
"""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pypdfium2 as pdfium
import zxingcpp
from PIL import Image
from typer.testing import CliRunner

from rwassign import cli
from rwassign.explain import solve
from rwassign.export.output import qr_payload
from rwassign.export.verify import verify_file
from rwassign.io.write import write_workbook
from tests.builders import FAST, instance, north, officer, unit
from tests.export.test_export import DETAILS

runner = CliRunner()


def _decode(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.QRCode]


def test_qr_codes_decode_to_the_verified_fingerprint(tmp_path: Path) -> None:
    # 60 RW: the lampiran runs over several pages, and every page carries the code.
    units = [
        unit(f"talang {d:02d}", n, point=north(d + n / 10)) for d in range(12) for n in range(1, 6)
    ]
    officers = [
        officer(i, f"8{i + 1:03d}0{(i % 12) + 1:02d}1"[:8], home=u, nama=f"ANGGOTA {i + 1}")
        for i, u in enumerate(units)
    ]
    result = solve(instance(units, officers, name="POLRES LEBONG"), FAST)
    plan = tmp_path / "penugasan.xlsx"
    write_workbook(result, plan)
    (tmp_path / "dokumen.toml").write_text(DETAILS, encoding="utf-8")
    r = runner.invoke(cli.app, ["export", str(plan), "--dokumen", str(tmp_path / "dokumen.toml")])
    assert r.exit_code == 0, r.output
    pdf_path, xlsx_path = tmp_path / "penugasan-lampiran.pdf", tmp_path / "penugasan-lampiran.xlsx"
    fingerprint = verify_file(pdf_path).fingerprint
    assert fingerprint and verify_file(xlsx_path).fingerprint == fingerprint
    expected = qr_payload(fingerprint)

    pdf = pdfium.PdfDocument(pdf_path)
    assert len(pdf) >= 2
    for i in range(len(pdf)):
        page = pdf[i].render(scale=150 / 72).to_pil()  # 150 dpi, an office scan
        assert _decode(page) == [expected], f"page {i + 1}"

    ws = openpyxl.load_workbook(xlsx_path)["Lampiran"]
    images = [Image.open(io.BytesIO(im._data())) for im in ws._images]
    assert [_decode(im) for im in images] == [[expected]]
