"""Events: what the claims report as having happened, and which claims report the same event.

- ``group``  frames -> events across the corpus (blocking, linking, greedy merging)
- ``link``   pair features, hard constraints and the shipped linker (``models/events.json``)
"""
