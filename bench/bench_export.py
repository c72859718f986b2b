"""Time ``rwassign export`` on a 2,000-unit plan (target: under 10 s on a 2-core machine).

Builds a synthetic Polres (``tools.synth``), solves it, writes the plan workbook, then times
the export path the CLI runs: read and re-check the plan, lay out the documents, render the PDF
and the XLSX, sign them.  ``verify`` of both files is timed too, for information.

    python bench/bench_export.py [--units 2000] [--seed 7] [--per-polsek]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from a checkout without installing the package
    sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-polsek", action="store_true", help="also one document per Polsek")
    args = parser.parse_args()

    from rwassign.explain import solve
    from rwassign.export.document import build_details
    from rwassign.export.pdf import write_pdf
    from rwassign.export.plan import build_documents, load_plan
    from rwassign.export.signing import load_private, sign, write_keypair
    from rwassign.export.verify import verify_file
    from rwassign.export.xlsx import write_xlsx
    from rwassign.io.read import read_input
    from rwassign.io.write import write_workbook
    from rwassign.settings import from_mapping
    from tools.synth import make_polres_workbook

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        source = tmp / "polres.xlsx"
        make_polres_workbook(source, seed=args.seed, n_units=args.units, roster_factor=1.5, cap=3)
        rr = read_input(source)
        assert rr.instance is not None
        result = solve(rr.instance, from_mapping(rr.settings_values))
        plan_path = tmp / "penugasan.xlsx"
        write_workbook(result, plan_path)
        key_path, public_path, _ = write_keypair(tmp / "kunci.pem")
        details = build_details(
            {
                "polda": "BENGKULU",
                "polres": "CONTOH",
                "nomor_urut": 123,
                "tanggal": "15 Mei 2023",
                "tempat": "CONTOH",
                "penandatangan": "HENDRA WIJAYA, S.I.K., M.H.",
                "pangkat": "AKBP",
                "nrp": "79051234",
            }
        )

        t0 = time.perf_counter()
        plan = load_plan(plan_path)
        violations = plan.check()
        t1 = time.perf_counter()
        docs = build_documents(
            plan, details, violations, with_sprin=True, per_polsek=args.per_polsek
        )
        key = load_private(key_path)
        pages = 0
        t2 = time.perf_counter()
        for i, doc in enumerate(docs):
            signature = sign(key, doc.fingerprint)
            write_pdf(doc, tmp / f"lampiran{i}.pdf", signature)
        t3 = time.perf_counter()
        for i, doc in enumerate(docs):
            write_xlsx(doc, tmp / f"lampiran{i}.xlsx", sign(key, doc.fingerprint))
        t4 = time.perf_counter()
        from pypdf import PdfReader

        pages = len(PdfReader(tmp / "lampiran0.pdf").pages)
        from rwassign.export.signing import load_public

        trusted = load_public(public_path)
        t5 = time.perf_counter()
        ok_pdf = verify_file(tmp / "lampiran0.pdf", trusted).intact
        t6 = time.perf_counter()
        ok_xlsx = verify_file(tmp / "lampiran0.xlsx", trusted).intact
        t7 = time.perf_counter()

    print(f"units {len(result.instance.units)}, rows {len(docs[0].rows)}, "
          f"documents {len(docs)}, PDF pages {pages}, violations {len(violations)}")  # fmt: skip
    print(f"read + re-check  {t1 - t0:6.2f} s")
    print(f"render PDF       {t3 - t2:6.2f} s")
    print(f"render XLSX      {t4 - t3:6.2f} s")
    print(f"export total     {t4 - t0:6.2f} s   (target < 10 s)")
    print(f"verify PDF       {t6 - t5:6.2f} s   intact={ok_pdf}")
    print(f"verify XLSX      {t7 - t6:6.2f} s   intact={ok_xlsx}")


if __name__ == "__main__":
    main()
