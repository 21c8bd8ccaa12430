import rules

from careleavers.accounts.rules import is_administrator

rules.add_perm("core.view_audit_log", is_administrator)
