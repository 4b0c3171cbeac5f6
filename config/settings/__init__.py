"""
The settings by purpose: development.py and production.py, both built on base.py (with
cms.py, storage.py, policies.py and reporting.py), and test.py for the suite. Which one
a process runs is chosen by config.environment.use_settings_for_purpose.
"""
