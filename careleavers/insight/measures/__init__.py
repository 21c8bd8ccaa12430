"""The indicators insight defines over the case records of the earlier capabilities, one module
per area of records, each listing its `INDICATORS` (registered in insight's registrations.py)."""
