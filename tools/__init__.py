"""Tools for working on rwassign from a checkout: not part of the installed package.

``tools.synth`` builds the synthetic Polres workbooks that the sample files, the tests and the
benchmarks use.  It reads the repository's ``data/reference`` folder, which ``pip install``
does not ship, so it lives here rather than in ``rwassign``.
"""
