"""Reason detectors, one module per reason kind. Each returns at most one
:class:`~claimcheck.records.Reason` for a pair of claims, with a weight in [0, 1] and the words that
carry it, and keeps beside it the thresholds that tune it."""
