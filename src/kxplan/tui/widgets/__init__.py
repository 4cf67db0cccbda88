"""Textual widgets of kxplan."""
