"""Sources: one name per party and the camps they side with.

- ``names``  one mention's name, affiliation and descriptor words (pure text)
- ``merge``  corpus-wide merging: acronyms, spelling variants, tails, descriptors; affiliations
- ``written``  the bodies an article's text names before a descriptor, speaking or not
- ``surnames``  a surname alone as the one person of its article with that surname
- ``context``  what an article says around its sources: people's affiliations from their other mentions,
  "the coalition" as the coalition named before it; affiliations kept across the run
- ``camps``  camps from the camps file, by name or by affiliation
"""

from claimcheck.sources.camps import assign_camps
from claimcheck.sources.cleaning import keyword_list_lead
from claimcheck.sources.merge import merge_map, normalise_sources
from claimcheck.sources.names import NameParts, canonical_name, name_parts, source_extent

__all__ = ["NameParts", "assign_camps", "canonical_name", "keyword_list_lead", "merge_map", "name_parts", "normalise_sources", "source_extent"]
