"""Fixtures for every app test: a config folder of the test's own (autouse)."""

from app_helpers import config_dir

__all__ = ["config_dir"]
