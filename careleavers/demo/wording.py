"""Words for the demo records, written the way workers and young people write them.

Young people's views are in the first person and plain words (the letter asks that their voice be
central). Placeholders in braces are filled with the young person's name or a worker's.
"""

from __future__ import annotations

DISABILITIES = (
    "Autism. Finds busy, noisy places hard; prefers plans in writing.",
    "ADHD. Takes medication; short meetings work best.",
    "Cerebral palsy. Uses a wheelchair outdoors.",
    "Hearing impairment. Wears hearing aids; face them when speaking.",
    "Epilepsy. Seizures controlled by medication.",
    "Visual impairment. Needs letters in large print.",
    "Type 1 diabetes.",
    "Foetal alcohol spectrum disorder.",
    "Anxiety and depression, under the community mental health team.",
)
LEARNING_NEEDS = (
    "Dyslexia. Prefers voice notes to long texts.",
    "Moderate learning difficulty. Explain forms step by step.",
    "Speech, language and communication needs.",
    "Global developmental delay.",
    "Dyscalculia. Needs help with budgeting.",
    "Reads at about age 9 level; read letters through together.",
)
FAITHS_BRITISH = ("Christian", "No religion", "No religion", "", "Roman Catholic", "Muslim")
CULTURE_NOTES = (
    "Proud of their {heritage} heritage.",
    "Keeps in touch with their {heritage} community through a local group.",
    "{heritage} heritage; would like help to learn more about it.",
)
HERITAGE_BY_ETHNICITY = {
    "MWBC": "Jamaican and English",
    "MWBA": "Nigerian and English",
    "MWAS": "Pakistani and English",
    "BCRB": "Caribbean",
    "BAFR": "Nigerian",
    "APKN": "Pakistani (Mirpuri)",
    "ABAN": "Bangladeshi (Sylheti)",
    "AIND": "Punjabi",
    "WIRT": "Irish Traveller",
    "WROM": "Slovak Roma",
    "WOTH": "Polish",
}
LANGUAGE_BY_ETHNICITY = {
    "APKN": ("Urdu", "Punjabi"),
    "ABAN": ("Bengali (Sylheti)",),
    "AIND": ("Punjabi", "Gujarati"),
    "WOTH": ("Polish", "Romanian"),
    "WROM": ("Slovak", "Romani"),
}

PURPOSES = (
    "Statutory visit",
    "Statutory visit and pathway plan catch-up",
    "Check-in",
    "Help with a Universal Credit claim",
    "Housing: bidding for a council flat",
    "College enrolment",
    "Going to a GP appointment together",
    "Birthday card and catch-up",
    "Setting up home allowance: shopping for the flat",
    "Preparing for the pathway plan review",
    "Budgeting and bills",
    "Passport and ID documents",
    "Looking for work: CV and job search",
    "Talking about staying put",
)
MIGRANT_PURPOSES = (
    "Preparing for the Home Office interview",
    "Meeting with the solicitor about the asylum claim",
    "ESOL college place",
    "Biometric residence permit and ID",
)
FAILED_REASONS = (
    "No answer at the door. Left a card and sent a text.",
    "Cancelled by text an hour before; said they were not feeling well.",
    "Not at the flat. Neighbour thought they were staying at a friend's.",
    "Phone switched off. Left a voicemail and a message on WhatsApp.",
    "Arranged to meet at the office but they did not come.",
    "At the door but said it was not a good time. Rearranged for next week.",
)
VIEWS = (
    "I'm alright. College is hard but I'm going most days.",
    "I want to move out of the hostel, it's too noisy at night and I can't sleep.",
    "Things are better now I've got my own place. I need help with the gas bill though.",
    "I don't like having to tell my story again every time someone new comes.",
    "I'm happy at my foster carers'. I want to stay put when I'm 18 if they'll have me.",
    "I've got a job interview at the warehouse on Monday. Bit nervous.",
    "Money is tight. Universal Credit got stopped and I don't know why.",
    "I'd like to see my little brother more. Can you sort it?",
    "I don't want a new worker again. I only just got used to this one.",
    "I'm fine. Don't need anything right now.",
    "I want to learn to drive. Can the council help with lessons?",
    "My flat has damp in the bedroom and the landlord isn't doing anything.",
    "I'm doing my English course and I like it. The teacher is kind.",
    "I'm worried about my Home Office interview. I don't understand the letter.",
    "I want to go to uni. I need to know what money I can get.",
    "I've been feeling low. I stopped going to the gym.",
    "It's good. I've been cooking more and saving a bit each week.",
    "I don't like the new place. I feel lonely there.",
    "Text me before you come, I work shifts now.",
    "I'd like help to get my birth certificate and a bank account.",
)
VISIT_NOTES = (
    "Flat clean and warm. Fridge stocked. Talked through the budget for the month.",
    "Seen in their room; it was tidy. Spoke about college attendance, which is improving.",
    "Met at a café near college at their request. Relaxed and chatty.",
    "Talked about the pathway plan actions: housing register, bank account and GP.",
    "Discussed staying safe when out late. They know the duty number.",
    "Went through the letters they had received and made two phone calls together.",
    "Talked about their wish to see family more; will raise at the review.",
    "They showed me the things bought with the setting up home allowance.",
)
CALL_NOTES = (
    "Quick call to check they got to their appointment. All fine.",
    "Reminded them about the review next month. They will think about what to say.",
    "Sent the link for the housing register and the local offer page.",
    "Chatted about work shifts. Agreed to meet after payday.",
    "They asked about the leisure pass; sent the details.",
)

CASE_NOTES = (
    (
        "Pathway plan review booked",
        "Review booked for next month. {name} would like it at the "
        "office, in the morning, with their college tutor invited.",
    ),
    (
        "Housing application",
        "Completed the housing register form with {name}. Band B "
        "awarded as a care leaver. Will start bidding next week.",
    ),
    (
        "Setting up home allowance",
        "Agreed a list for the setting up home allowance with "
        "{name}: bed, sofa, cooker and kitchen things. Receipts to be kept.",
    ),
    (
        "Management oversight",
        "Discussed {name} in supervision. Contact is regular and the plan "
        "is up to date. Next step: support with the college application.",
    ),
    ("Health", "{name} has registered with a GP near the new flat and booked a dental check."),
    (
        "Bank account and ID",
        "Helped {name} open a bank account. Provisional driving licence application sent.",
    ),
    ("Education", "{name}'s tutor says attendance is up to 90% this term."),
    (
        "Transfer summary",
        "Handed over to the new personal adviser. {name} asked that the new "
        "worker read the about me page first.",
    ),
)
CASE_NOTES_TO_YOUNG_PERSON = (
    (
        "Letter to you after our meeting",
        "Hi {name}, it was good to see you today. As we agreed, "
        "I will ring the housing office on Tuesday and let you know what they say. You can always "
        "ring the duty number if you need someone sooner.",
    ),
    (
        "What we agreed at your review",
        "Dear {name}, thank you for coming to your review. We "
        "agreed three things: I will help you apply for the bursary, you will go to the bank "
        "with your ID, and we will meet again in six weeks.",
    ),
)
THIRD_PARTY_NOTES = (
    (
        "Police",
        "Information from police",
        "West Yorkshire Police shared that {name} was seen "
        "with older males known to them. Not shared with {name} at the officer's request.",
    ),
    (
        "Former foster carer",
        "Call from former foster carer",
        "Former foster carer rang to say "
        "{name} had visited and seemed low. She is happy to stay in touch.",
    ),
    (
        "Housing provider",
        "Information from the housing provider",
        "Support worker at the supported accommodation reported rent arrears of two weeks.",
    ),
    (
        "GP",
        "Letter from GP",
        "GP letter about a referral to the mental health team. Details held on the health file.",
    ),
    (
        "Sibling's social worker",
        "Information about a sibling",
        "The sibling's social worker "
        "shared plans for family time. Details about the sibling are kept to what {name} needs.",
    ),
)
ALERTS = {
    "safeguarding": (
        "Risk of criminal exploitation (county lines). Speak to the police liaison officer "
        "before planned visits.",
        "Has gone missing three times this year. Follow the missing protocol if not heard from "
        "in 24 hours.",
        "Risk of sexual exploitation. Strategy meeting held; see the safety plan.",
        "Ex-partner must not know the new address.",
    ),
    "risk_to_staff": (
        "Do not visit alone: a family member at the address has been violent to staff.",
        "Large dog at the property. Ask for it to be shut away before going in.",
        "Has been verbally aggressive when refused money. Meet at the office in pairs.",
    ),
    "health": (
        "Epilepsy: rescue medication is kept in the kitchen drawer.",
        "Severe nut allergy; carries an adrenaline pen.",
        "Pregnant, due in the spring. Midwife is involved.",
    ),
}
RESTRICTION_REASONS = (
    "A close relative works in the council's children's services.",
    "Witness in a criminal trial; the police asked that access is limited.",
    "High public interest: a family member has been in the news.",
    "The young person works for the council.",
)
ABOUT_ME_OPENINGS = (
    "I'm {name} and I'm {age}.",
    "My name is {name}. Most people call me {short}.",
    "I'm {name}. I've been with this team since I was 16.",
)
ABOUT_ME_LIKES = (
    "I like football and I play for a Sunday league team.",
    "I love cooking, especially for my friends.",
    "I'm into music and I make beats on my laptop.",
    "I'm studying at college and I want to be a nurse.",
    "I work part time at a supermarket and I like it.",
    "I go to the gym most days; it helps my head.",
    "I'm learning English and I want to go to university.",
    "I have a little boy and he is the most important thing to me.",
)
ABOUT_ME_ASKS = (
    "Please text before you visit. I don't answer calls from numbers I don't know.",
    "Please don't come to my work.",
    "Meet me somewhere that isn't my flat for the first time.",
    "I need things explained in writing as well as face to face.",
    "Please use an interpreter for anything important, even though my English is getting better.",
    "If I go quiet, keep trying. It usually means I'm struggling.",
)
DO_NOT_ASK = (
    "Why I came into care.",
    "About my dad.",
    "My journey to the UK.",
    "What happened at my last placement.",
    "My mum's illness.",
    "",
)
DUTY_CALLS = (
    (
        "{name} (young person)",
        "phone",
        "Locked out of the flat late in the evening.",
        "Rang the housing provider's out of hours line; they sent someone with a key.",
    ),
    (
        "{name} (young person)",
        "phone",
        "Universal Credit payment has not arrived; no money for food.",
        "Gave a food bank voucher and emergency payment of £40 from the leaving care fund.",
    ),
    (
        "Landlord",
        "phone",
        "Complaint about noise from {name}'s flat.",
        "Listened and noted. Passed to the personal adviser to talk to {name}.",
    ),
    (
        "College safeguarding lead",
        "phone",
        "{name} seemed upset in class and left early.",
        "Called {name}, who said they were OK. Passed on for follow-up.",
    ),
    (
        "Police",
        "phone",
        "{name} was found after being reported missing by the supported accommodation.",
        "Return interview to be offered. Passed to the personal adviser.",
    ),
    (
        "{name} (young person)",
        "office",
        "Came in asking for help with a letter from the Home Office.",
        "Read it through together; passed to the personal adviser and the solicitor.",
    ),
    (
        "Former foster carer",
        "phone",
        "Worried about {name}, who has not replied for a week.",
        "Tried {name}'s phone with no answer. Passed to the personal adviser.",
    ),
    (
        "{name} (young person)",
        "message",
        "Asked for bus fare to get to a job interview.",
        "Agreed a travel payment; collected from reception.",
    ),
)
DUTY_CALLS_NO_YOUNG_PERSON = (
    (
        "Housing options officer",
        "phone",
        "Asked for the leaving care contact for care leavers presenting as homeless.",
        "Gave the duty number and the team's email.",
    ),
    (
        "A youth worker",
        "phone",
        "Asked how a care leaver from another council can get help here.",
        "Explained the local offer; sent the link to the leaflet.",
    ),
    (
        "Jobcentre work coach",
        "phone",
        "Asked about the care leaver marker on Universal Credit.",
        "Explained and sent the confirmation letter template.",
    ),
)
ALLOCATION_NOTES = {
    "LEFTRL": "The previous worker left the council.",
    "MANAGE": "Caseloads rebalanced across the team.",
    "CASELOAD": "Caseloads rebalanced across the team.",
    "ORGRST": "The service reorganised its teams.",
    "ABSENC": "Cover while the allocated worker is on long-term leave.",
    "CHCHAN": "The young person asked for a different worker.",
    "YPREQ": "The young person asked for a different worker.",
    "TSPROC": "Transferred under the usual process.",
    "OTHERS": "",
    "PAINTRO": "Personal adviser introduced around the 16th birthday.",
    "FIRST": "",
    "FCONTA": "",
}
