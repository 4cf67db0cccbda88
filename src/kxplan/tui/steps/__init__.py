"""The steps of the guided walk: overview, the areas, prioritisation, summary."""
