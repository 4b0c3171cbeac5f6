#!/usr/bin/env python
import sys

from config.environment import use_settings_for_purpose

if __name__ == "__main__":
    use_settings_for_purpose()

    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
