"""Normalisation: numbers and quantities (`quantities.py`, stage `dateline.quantities.v1`) and time
expressions (`times.py`). Importing a stage's module registers it."""
