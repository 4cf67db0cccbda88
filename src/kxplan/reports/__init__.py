"""Reports: a plan rendered for people and for other tools."""
