"""Textual screens of kxplan."""
