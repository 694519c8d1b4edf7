"""Planning screens, one module per area: ``skp`` (the plan and its workflow), ``cascade``
(role–result matrix, cascade tree, unlinked results) and ``setup`` (periods, goals,
indicator library)."""
