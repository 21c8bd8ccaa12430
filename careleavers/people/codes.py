"""DfE codes the people app needs that core/dfe_codes.py does not hold yet.

They belong in core/dfe_codes.py with the other SSDA903 lists; they are here only until the
owner of that module moves them (the lead has been told).
"""

from __future__ import annotations

from careleavers.core.dfe_codes import CodeList

# SSDA903 Episodes PLACE_PROVIDER, validator rule 178; data-standards.md 1.5. Blank for
# placements T0 to T3 and Z11 to Z14.
PLACE_PROVIDER: CodeList = (
    ("PR0", "Parent(s) or other person(s) with parental responsibility"),
    ("PR1", "Own provision (by the local authority)"),
    ("PR2", "Other local authority provision"),
    ("PR3", "Other public provision (for example, an NHS trust)"),
    ("PR4", "Private provision"),
    ("PR5", "Voluntary or third sector provision"),
)
NO_PROVIDER_PLACEMENTS = frozenset({"T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"})
