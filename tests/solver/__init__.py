"""Tests of ``rwassign.solver``, one file per module of the package (``test_candidates``,
``test_weights``, ``test_flow``, ``test_cpsat``), the whole solve (``test_solve``) and property
tests against exhaustive search (``test_properties``, ``test_properties_replan``)."""
