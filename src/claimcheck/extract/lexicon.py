"""The word lists extraction reads, in one place as data.

Cue lexicons (lemmas): speech, clause, object, label and deny verbs; speech-act, intent, stance,
report, medium and viewpoint nouns; falsity words. Speaker lexicons: nouns that can make a claim
(persons, bodies, groups), gendered words, pronouns. Quote marks. Each list says what it is for;
the code that reads it is in the modules named in ``claimcheck.extract``.
"""

from __future__ import annotations

# -------------------------------------------------------------------------------------- cue verbs (lemmas)

# Speech verbs: they frame reported content in every position ("X said that A", "A, X said", "A," said X).
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "note", "write", "tweet", "claim", "insist", "argue", "explain", "report", "confirm",
    "warn", "recall", "state", "conclude", "estimate", "concede", "acknowledge", "admit", "allege", "assert",
    "contend", "maintain", "stress", "emphasize", "emphasise", "reply", "respond", "counter", "retort", "boast",
    "joke", "quip", "lament", "complain", "predict", "announce", "declare", "reveal", "disclose", "testify",
    "reiterate", "repeat", "post", "observe", "mention", "suggest", "indicate", "deny", "reject", "dismiss",
    "refute", "dispute", "rebut", "charge", "caution", "speculate", "brag", "remark", "comment", "continue",
})
# Verbs that count only with a clausal complement ("knows that ...", not "knows the way").
CLAUSE_VERBS = frozenset({"know", "expect", "understand", "recognize", "recognise", "feel", "worry", "doubt",
                          "fear", "predict", "forecast", "realize", "realise", "suspect", "assume", "think", "hope",
                          "believe", "learn", "agree", "point", "find", "show", "rule", "demonstrate", "promise",
                          "pledge", "vow"})
# Verbs whose object is what the source puts forward ("announced a ceasefire", "called for talks").
OBJECT_VERBS = frozenset({
    "report", "confirm", "claim", "announce", "accuse", "deny", "contradict", "warn", "allege", "reject", "dismiss",
    "refute", "dispute", "rebut", "reveal", "disclose", "condemn", "blame", "charge", "disavow", "contest",
    "cite", "call", "criticize", "criticise", "attack", "blast", "question", "praise", "support", "oppose",
    "propose", "urge", "want", "plan", "ask", "describe", "endorse", "demand", "slam", "applaud", "welcome",
    "defend", "highlight", "vow", "pledge", "promise", "predict", "acknowledge", "admit", "mention", "recall",
    "estimate", "suggest", "decry", "denounce", "lambaste", "mock", "echo", "tout", "insist", "discuss",
    "address", "label", "dub", "reiterate", "repeat", "seek", "advocate", "back", "favor", "favour", "tell",
    "encourage", "liken", "compare", "view", "consider", "admire", "rate", "decline", "offer", "applaud",
    "commend", "castigate", "chide", "rebuke", "assail", "ridicule", "fault", "question", "challenge",
    "speak", "talk", "refuse", "reference", "identify", "comment", "find", "show", "agree", "accuse",
})
# Speech verbs whose object or prepositional complement is what is expressed ("complained about the
# ruling", "stressed the need for talks", "bemoaned the unrest"): the rest take clauses only, or their
# object is no stance ("said a prayer", "added three points", "posted a video", "maintain the roads").
_STANCE_OBJECT_VERBS = OBJECT_VERBS  # verbs whose object is itself a stance ("announced a ceasefire")
OBJECT_VERBS = OBJECT_VERBS | (SPEECH_VERBS - {
    "say", "add", "continue", "post", "maintain", "charge", "repeat", "state", "observe", "write", "tell",
    "report", "note", "reply", "respond", "recall", "explain", "estimate", "indicate", "mention", "joke", "quip",
    "assert", "declare",
}) | {"outline", "exhort", "bemoan", "hail", "downplay", "detail", "express", "lament", "decry", "point"}
REPORT_VERBS = SPEECH_VERBS | CLAUSE_VERBS | OBJECT_VERBS
# Verbs that may call a report false ("called it a lie", "branded the claims propaganda").
LABEL_VERBS = frozenset({"call", "describe", "brand", "label", "dub", "term", "characterize", "characterise",
                         "dismiss", "reject", "denounce", "decry", "condemn", "slam", "deride"})
# Verbs by which a source denies what it names ("denied that ...", "rejected reports that ...").
DENY_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "dispute", "rebut", "disavow", "contest", "contradict",
                        "doubt"})
# "declined to comment", "refused to confirm", "failed to say": speech that did not happen.
_WITHHOLDING = frozenset({"decline", "refuse", "fail"})
# "X is confident that ...": adjectives that frame a proposition held by the subject.
STANCE_ADJECTIVES = frozenset({"confident", "sure", "convinced", "certain", "optimistic", "adamant", "aware",
                               "hopeful", "skeptical", "sceptical", "worried", "concerned", "positive"})

# -------------------------------------------------------------------------------------- cue nouns (lemmas)

# Speech-act and stance nouns: with a possessor ("the senator's claim that ...", "its forecast of ...") they
# attribute their complement to the possessor.
NOUN_CUES = frozenset({
    "claim", "statement", "assertion", "allegation", "accusation", "argument", "comment", "remark", "suggestion",
    "warning", "promise", "pledge", "vow", "prediction", "estimate", "forecast", "belief", "charge", "report",
    "insistence", "contention", "denial", "admission", "acknowledgment", "acknowledgement", "announcement",
    "testimony", "conclusion", "finding", "assessment", "theory", "complaint", "insinuation", "declaration",
    "observation", "recommendation", "explanation", "characterization", "threat", "call", "demand", "tweet",
})
# Nouns of intent with an infinitive ("the mayor's decision to resign", "its refusal to comment").
INTENT_NOUNS = frozenset({
    "decision", "determination", "effort", "eagerness", "reluctance", "commitment", "push", "refusal",
    "intention", "intent", "attempt", "bid", "promise", "plan", "pledge", "vow", "threat", "call", "demand",
    "proposal", "willingness", "readiness", "desire", "wish", "resolve", "insistence", "offer", "order",
})
# Nouns of attitude with what they are about ("her disdain for", "his ideas about", "its criticism of").
STANCE_NOUNS = frozenset({
    "idea", "rhetoric", "message", "disdain", "obsession", "admiration", "adulation", "contempt", "skepticism",
    "scepticism", "emphasis", "pronouncement", "criticism", "praise", "condemnation", "enthusiasm", "hostility",
    "opposition", "doubts", "concern", "concerns", "worries", "fears", "view", "views", "opinion",
})
# What a report is called ("reports that ...", "the claim", "the story"): denying one denies its content.
_REPORT_NOUNS = frozenset({
    "report", "claim", "allegation", "accusation", "suggestion", "rumour", "rumor", "story", "statement",
    "charge", "assertion", "speculation", "notion", "idea", "account", "assessment",
})
# Report nouns whose "of" names what the telling is about, not what it says: "questioned the police
# account of the shooting" doubts a telling, not that the shooting happened ("reports of a massacre" do).
_TELLING_NOUNS = frozenset({"account", "assessment"})
# Counts someone gives ("put the death toll at 22") and figures a later sentence may call false ("rebels
# dismissed the figure"; "the number" alone is too common to refer back).
_TALLY_NOUNS = frozenset({"toll", "tally", "figure", "number", "count"})
_FIGURE_NOUNS = (_TALLY_NOUNS - {"number"}) | {"estimate"}
_REPORTED_NOUNS = _REPORT_NOUNS | _FIGURE_NOUNS
# What a court or an official refuses ("was denied bond", "denied the motion") or throws out ("the
# charges were dismissed", "dismissed the lawsuit"): an act of refusal, not a denial of a claim.
_REFUSED_NOUNS = frozenset({"bond", "bail", "entry", "access", "permission", "request", "motion", "appeal",
                            "application", "visa", "parole", "petition", "admission", "asylum", "custody",
                            "permit", "license", "licence", "warrant"})
# What a council or a party turns down ("rejected a plan", "rejected the curfew"); "denied plans to ..."
# says there are none, a denial.
_PROPOSAL_NOUNS = frozenset({"plan", "proposal", "offer", "bid", "measure", "bill", "ordinance", "resolution", "deal",
                             "curfew", "ceasefire", "truce"})
_LEGAL_NOUNS = frozenset({"case", "charge", "count", "lawsuit", "suit", "indictment", "complaint", "motion",
                          "appeal", "petition"})
# Report nouns that name what someone said, so they may refer to any reported claim just before.
_SAYING_NOUNS = frozenset({"claim", "statement", "assertion", "account", "allegation", "accusation", "charge", "report"})
# Frame words, which a referring noun and its antecedent need not share (see denials._content_lemmas).
_FRAME_WORDS = _REPORT_NOUNS | SPEECH_VERBS
# "In a statement, the ministry ...": the medium names an attribution by the clause's subject.
_MEDIUM_NOUNS = frozenset({
    "statement", "interview", "speech", "letter", "tweet", "post", "email", "e-mail", "video", "remarks",
    "testimony", "filing", "memo", "release", "message", "column", "essay", "editorial", "op-ed", "address",
    "conversation", "briefing", "conference", "appearance", "broadcast", "podcast", "blog", "affidavit", "ruling",
})
# "By her own admission, ...", "In the minister's view, ...": a viewpoint phrase with a possessor.
_VIEW_NOUNS = frozenset({"admission", "account", "view", "estimate", "estimation", "words", "eyes", "opinion",
                         "telling", "reckoning", "judgment", "judgement", "mind", "calculation", "count", "assessment"})

# ------------------------------------------------------------------------------------------------- falsity

# Words that call a report false ("it was baseless", "called it a lie", "dismissed it as propaganda").
_FALSE_WORDS = frozenset({
    "false", "untrue", "baseless", "fabricated", "groundless", "unfounded", "lie", "lies", "nonsense",
    "fake", "bogus", "ridiculous", "fabrication", "incorrect", "inaccurate", "wrong", "fiction", "rubbish",
    "absurd", "propaganda", "misinformation", "disinformation", "untruth", "falsehood", "hoax",
})

# ------------------------------------------------------------------------------------------------ speakers

# Who cannot be a source: dummy and non-referring subjects.
_NOT_SOURCE = frozenset({"it", "this", "there", "that", "what", "which"})
# First and second person: a quoted speaker's own words ("I think", "you know"), never a source.
_FIRST_SECOND = frozenset({"i", "me", "we", "us", "you"})
# Words that refer back to an earlier claim ("denied it", "this was denied", "rejected them").
_REFERRING = frozenset({"it", "this", "that", "these", "those", "which", "they", "them"})
# Personal pronouns a speaker may be named by, resolved to an earlier speaker (speakers._antecedent).
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me"})
# A possessor pronoun is its speaker's pronoun ("in its report": it; "his statement": he).
_POSSESSIVE_PRONOUNS = {"its": "it", "his": "he", "their": "they", "our": "we", "my": "i", "your": "you"}
# People who can speak, named by a role ("an official", "the spokeswoman", "a witness").
_PERSON_NOUNS = frozenset({
    "official", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "envoy", "source",
    "commander", "leader", "analyst", "expert", "resident", "witness", "activist", "diplomat", "senator",
    "governor", "candidate", "aide", "man", "woman", "doctor", "officer", "general", "mayor", "lawyer",
    "attorney", "secretary", "ambassador", "chief", "director", "adviser", "advisor", "manager",
    "nominee", "representative", "lawmaker", "politician", "worker", "volunteer", "member", "head",
    "chairman", "chairwoman", "fighter", "soldier", "professor", "researcher", "economist", "strategist",
    "pollster", "surrogate", "campaigner", "operative", "insider", "person", "voter", "supporter", "critic",
    "mother", "father", "wife", "husband", "son", "daughter", "friend", "journalist", "reporter", "editor",
    "correspondent", "judge", "prosecutor", "investigator", "agent", "inspector", "observer", "monitor",
})
# Bodies that speak. Ministry-like nouns refer back to a name ending with the noun ("the ministry" ->
# "defence ministry"); group-like nouns to a named organisation ("the group" -> "Red Crescent").
_BODY_NOUNS = frozenset({"ministry", "army", "military", "government", "police", "agency", "council",
                         "committee", "office", "department", "commission", "court", "company", "party",
                         "campaign", "channel", "broadcaster", "network", "newspaper", "observatory",
                         "association", "union", "federation", "institute", "charity", "authority",
                         "administration", "embassy", "board", "guard"})
_GROUP_NOUNS = frozenset({"group", "organisation", "organization", "movement", "militia", "faction",
                          "coalition", "alliance", "front", "force", "forces", "monitor", "outfit"})
_SPEAKER_NOUNS = _PERSON_NOUNS | _BODY_NOUNS | _GROUP_NOUNS  # nouns that can make a claim
# People a plural "they" may refer back to ("Relatives gathered at the port. They said ...").
_PEOPLE_NOUNS = _PERSON_NOUNS | frozenset({
    "relative", "villager", "family", "protester", "medic", "rescuer", "farmer", "student", "refugee",
    "survivor", "parent", "neighbour", "neighbor", "fisherman", "passenger", "patient", "nurse", "teacher",
    "driver", "local", "demonstrator", "inhabitant", "evacuee"})
_SPEAKING_NOUNS = _SPEAKER_NOUNS | _PEOPLE_NOUNS  # any noun a speaker's phrase may end in
# Words that tell a speaker's gender, for "he" / "she".
_FEMALE = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "spokeswoman", "chairwoman", "woman", "mother", "wife",
                     "daughter", "queen", "madam", "lady", "congresswoman", "businesswoman", "sister"})
_MALE = frozenset({"mr", "mr.", "spokesman", "chairman", "man", "father", "husband", "son", "king", "sir",
                   "congressman", "businessman", "brother", "lord", "prince"})
# Capitalised labels that are no speaker in a transcript line "NAME: text".
_NOT_SPEAKERS = {"UPDATE", "BREAKING", "NOTE", "EDITOR'S NOTE", "PHOTO", "VIDEO", "WATCH", "READ", "RELATED",
                 "SOURCE", "SOURCES", "Q", "A", "EXCLUSIVE", "ANALYSIS", "OPINION", "LIVE", "WARNING"}

# --------------------------------------------------------------------------------------------- quote marks

# Quote marks; the curly opening and closing ones apart.
_QUOTE_CHARS = "\"“”‘’«»'"
_OPEN_Q = "“«‘"
_CLOSE_Q = "”»’"
