"""The demo's words for everything in a plan's story but its sections: actions, goals, comments
on returning and authorising, the young person's response when it is shared, reviews and the
requests for them, and needs assessments."""

from __future__ import annotations

from careleavers.plans import schedule
from careleavers.plans.models import Agreement, ReviewReason, ShareMethod

MOVE_NOTE = "Asked for automatically: their accommodation changed."
EARLIER_PLANS_NOTE = (
    "Earlier pathway plans are held in the previous case recording system; this plan was "
    "started from the last of them."
)

# Actions: (section key, tag, what, who, within how many days). Who: "worker", "yp",
# "together", or a service.
ACTIONS: tuple[tuple[str, str, str, str, int], ...] = (
    ("contact_and_support", "any", "Send the duty and out of hours numbers by text", "worker", 7),
    ("contact_and_support", "any", "Introduce {name} to a peer mentor", "worker", 60),
    ("education_and_training", "college", "Apply for the 16 to 19 bursary", "together", 30),
    ("education_and_training", "college", "Ask college for extra maths support", "worker", 21),
    ("education_and_training", "college", "Go to the Level 3 open evening", "yp", 120),
    (
        "education_and_training",
        "neet",
        "Enrol on the evening English and maths course",
        "together",
        30,
    ),
    ("education_and_training", "neet", "Meet the careers adviser", "Careers adviser", 45),
    (
        "education_and_training",
        "he",
        "Send the higher education bursary form to the university",
        "worker",
        30,
    ),
    (
        "education_and_training",
        "u18_study",
        "Update the personal education plan",
        "Virtual school post-16 lead",
        90,
    ),
    ("employment", "any", "Write a CV together", "together", 30),
    (
        "employment",
        "neet",
        "Book an appointment with the work coach",
        "Jobcentre Plus work coach",
        21,
    ),
    ("employment", "any", "Send the council's care leaver vacancies every month", "worker", 120),
    ("employment", "neet", "Apply for the catering traineeship", "yp", 60),
    (
        schedule.CONTINGENCY,
        "any",
        "Save the duty and out of hours numbers in {name}'s phone",
        "together",
        7,
    ),
    ("accommodation", "adult", "Join the housing register as a care leaver", "together", 30),
    ("accommodation", "acc:lodgings", "Ask the landlord to repair the window", "worker", 14),
    (
        "accommodation",
        "acc:emergency",
        "Make the referral for supported accommodation",
        "worker",
        3,
    ),
    ("accommodation", "u18", "Visit two places {name} could live after 18", "together", 120),
    ("accommodation", "acc:own", "Apply for the council tax exemption", "worker", 21),
    ("relationships", "any", "Arrange family time with {name}'s brother or sister", "worker", 45),
    ("relationships", "migrant", "Contact the Red Cross family tracing service", "worker", 30),
    ("relationships", "any", "Invite someone {name} trusts to the next review", "yp", 150),
    ("practical_skills", "any", "Go to the cook and eat group on Tuesdays", "yp", 60),
    ("practical_skills", "u18", "Book a week in the taster flat", "worker", 90),
    ("practical_skills", "any", "Go through a month's bills and budget together", "together", 45),
    ("finance", "u18", "Open a bank account", "together", 30),
    (
        "finance",
        "adult",
        "Check the care leaver marker is on the Universal Credit claim",
        "worker",
        14,
    ),
    ("finance", "adult", "Refer to the debt advice service", "worker", 21),
    (
        "finance",
        "acc:own",
        "Order the washing machine from the setting up home allowance",
        "worker",
        21,
    ),
    ("health", "any", "Register with a GP near where {name} lives", "yp", 30),
    ("health", "any", "Book a dental check-up", "yp", 60),
    ("health", "any", "Send {name} their health history summary", "Leaving care nurse", 60),
    ("health", "any", "Refer to the emotional wellbeing service", "worker", 14),
    (schedule.IDENTITY, "any", "Start life story work sessions", "worker", 90),
    (schedule.IDENTITY, "language", "Find a {language} speaking mentor", "worker", 60),
)

# Goals: (tag, description in their words, a note for some progress, a note once achieved).
GOALS: tuple[tuple[str, str, str, str], ...] = (
    (
        "any",
        "I want to pass my driving theory test.",
        "Practising with the app most days.",
        "Passed first time.",
    ),
    (
        "any",
        "I want my own flat by next summer.",
        "On the housing register and bidding.",
        "Moved into my flat.",
    ),
    (
        "college",
        "I want to finish my course and go on to Level 3.",
        "Attendance is up and coursework is in on time.",
        "Passed and got a Level 3 place.",
    ),
    (
        "neet",
        "I want a full-time job.",
        "Two interviews so far.",
        "Started full time at the warehouse.",
    ),
    ("adult", "I want to save £500.", "Saved about half so far.", "Reached £500."),
    (
        "any",
        "I want to see my brother every month.",
        "Seen him twice since the last plan.",
        "Seeing him every month now.",
    ),
    (
        "any",
        "I want to feel less anxious and sleep better.",
        "Started the wellbeing sessions.",
        "Sleeping much better.",
    ),
    (
        "any",
        "I want to learn to cook five meals from scratch.",
        "Can cook three of them now.",
        "Cooked all five for my friends.",
    ),
    ("college_adult", "I want to go to university.", "UCAS form sent.", "Got my place."),
    (
        "migrant",
        "I want my English to be good enough for a college course.",
        "Moved up a level in ESOL.",
        "Starting the college course in September.",
    ),
    ("adult", "I want to pay off my phone debt.", "Paying every month.", "Paid off."),
    ("any", "I want to stop smoking.", "Down to a few a day.", "Stopped for three months."),
    (
        "any",
        "I want to join a football team.",
        "Went to two training sessions.",
        "Playing every Sunday.",
    ),
    (
        "u18",
        "I want to get my passport before I'm 18.",
        "Photos taken and form filled in.",
        "Got my passport.",
    ),
)
CHANGED_GOAL_NOTE = "I don't want this any more; we agreed a different goal."

SHARE_RESPONSES: dict[str, tuple[str, ...]] = {
    Agreement.AGREES: (
        "I'm happy with it. It says what I said.",
        "It's good. I like that it's in my words.",
        "Fine by me. Thanks for going through it.",
        "Yes, that's right. I'll keep my copy in my room.",
    ),
    Agreement.AGREES_IN_PART: (
        "Most of it is right, but I don't want visits that often. Once a month is enough.",
        "I agree except the bit about college. I'm not sure I'll go back yet.",
        "Mostly OK. I want more help with money than it says.",
    ),
    Agreement.DISAGREES: (
        "I don't agree with the housing part. I want my own flat now, not next year.",
        "It's not what I wanted. I want a different worker.",
    ),
}
RETURN_COMMENTS = (
    "Please add {name}'s own words in the money section; at the moment it reads as your view, "
    "not theirs.",
    "The contingency plan needs the out of hours number and where {name} would stay.",
    "Some actions have no date or no name. Who will make the housing referral, and by when?",
    "The health section does not mention the move to adult mental health services. Please "
    "add the plan for it.",
    "The education section is out of date since {name} changed course. Please update it.",
)
AUTHORISE_COMMENTS = (
    "",
    "",
    "Clear plan, in {name}'s words. Good contingency plan.",
    "Authorised. Please make sure the housing referral happens this month.",
    "Good work: the actions are specific and {name}'s voice comes through.",
    "Authorised. Review sooner if the college place falls through.",
)

# Reviews: (what led to it, what changed intro, their views).
REVIEW_INTROS: dict[str, tuple[str, ...]] = {
    ReviewReason.SCHEDULED: (
        "Six-monthly review with {name} and {worker}.",
        "Review held at {name}'s home; their tutor sent a short report.",
        "Review held at the Hub with {name}, who led the meeting.",
    ),
    ReviewReason.ACCOMMODATION_CHANGED: (
        "Review held after {name} moved.",
        "Review brought forward because {name}'s accommodation changed.",
    ),
    ReviewReason.YOUNG_PERSON_ASKED: (
        "{name} asked for this review.",
        "Review held at {name}'s request.",
    ),
    ReviewReason.WORKER_THOUGHT_NECESSARY: (
        "Review brought forward because things changed for {name}.",
    ),
}
REVIEW_VIEWS: dict[str, tuple[str, ...]] = {
    ReviewReason.SCHEDULED: (
        "I think it's going OK. I want to focus on my course now.",
        "Things are better than last time. I still want help with money.",
        "I don't like meetings but this one was alright.",
        "I want my own place. That's the main thing for me.",
    ),
    ReviewReason.ACCOMMODATION_CHANGED: (
        "The new place is better. It's quieter and nearer college.",
        "I didn't want to move but it's OK now.",
        "I need help getting things for the new place.",
    ),
    ReviewReason.YOUNG_PERSON_ASKED: (
        "I asked for a review because my course isn't right for me.",
        "I wanted the plan to say more about seeing my brother.",
        "I wanted to talk about moving out.",
    ),
    ReviewReason.WORKER_THOUGHT_NECESSARY: (
        "A lot has changed. I want the plan to say what I am doing now.",
        "It's been a hard few weeks. I'm glad we talked.",
    ),
}
ASK_NOTES = (
    "I want to talk about changing my course.",
    "I want to move nearer my sister.",
    "My plan doesn't say anything about driving lessons.",
    "I want to talk about moving out.",
)
ACTIVITY_CHANGED_NOTE = (
    "Their education, training or work changed; the plan needs to say what they are doing now."
)
ADVISER_CHANGED_NOTE = (
    "Their personal adviser changed; the new adviser goes through the plan with them."
)
WORKER_NOTES = (
    "They lost their job, so the money and work sections no longer fit.",
    "Their college place has ended; the education plan needs to change.",
    "They are expecting a baby; the plan needs to reflect that.",
)

# Needs assessment: whose views, information, meeting, results and findings on each matter.
VIEWS_SOUGHT = (
    "You, your foster carer, your social worker, your independent reviewing officer, the "
    "virtual school post-16 lead and the looked after children's nurse.",
    "You, your key worker where you live, your college tutor and your GP (by letter).",
    "You, your mum, your social worker and the youth offending service worker.",
    "You, your carer, your solicitor and your ESOL teacher, with an interpreter.",
)
INFORMATION_OBTAINED = (
    "Your care plan, your latest health assessment, your personal education plan, and reports "
    "from college and your carer.",
    "Your school reports, your health assessment, and what your carers and key worker told us.",
    "Your care plan and reviews, your college attendance, and your GP's letter.",
)
MEETING_DELIBERATIONS = (
    "We met where you live. You led the first part and told us what you want after 18. We "
    "talked about where you want to live, college and money, and agreed the next steps.",
    "We met at the office with your carer. You said you want to stay where you are for now and "
    "focus on college. We agreed what help you need to get ready for your own place.",
    "We met at a café you chose. We talked about your health and how you have been feeling, "
    "and what would help you feel settled.",
)
OUTCOMES = (
    "You are settled and doing well in education. You need support with money, learning to "
    "live on your own and planning where you will live after 18. Your pathway plan will "
    "focus on these.",
    "You have clear plans for work and want your own place. You need support with your "
    "emotional wellbeing and with managing a tenancy. Your pathway plan will set these out.",
    "You want to stay close to your brother and keep your college place. You need practical "
    "support with accommodation after 18 and help with your documents.",
)
FINDINGS: dict[str, tuple[str, ...]] = {
    "health": (
        "Generally well. Up to date with immunisations and dental checks.",
        "Low mood at times; open to the emotional wellbeing service.",
        "Asthma, well controlled with an inhaler. Registered with a GP.",
    ),
    "education_training_employment": (
        "At college and attending well.",
        "Not in education at the moment; wants to start a course in September.",
        "Working part time and keen to find an apprenticeship.",
    ),
    "family_support": (
        "Close to an aunt and a younger brother; little contact with parents.",
        "Good relationship with former foster carers, who want to stay involved.",
        "Sees mum regularly; the relationship is improving.",
    ),
    "finance": (
        "Manages a weekly allowance well; no bank account yet.",
        "Some debt from an old phone contract; would like help with budgeting.",
        "Saving a little each week; needs help with benefits after 18.",
    ),
    "practical_skills": (
        "Can cook simple meals; needs help with bills and letters.",
        "Confident with shopping and cooking; has not yet managed a tenancy.",
        "Needs support with day-to-day tasks; takes longer to learn new routines.",
    ),
    "care_support_accommodation": (
        "Wants to stay with carers after 18 if possible.",
        "Will need supported accommodation before moving to their own tenancy.",
        "Settled where they live now; needs a move-on plan for the next year.",
    ),
    "wishes_and_feelings": (
        "Wants to finish college, learn to drive and have their own flat by 19.",
        "Wants to stay near friends and family and keep the same worker.",
        "Wants to be treated as an adult and asked before decisions are made.",
    ),
    "views_of_others": (
        "Carer and tutor describe them as kind and hard-working; both want to stay involved.",
        "The nurse recommends a referral to the emotional wellbeing service.",
        "The independent reviewing officer agrees the plan should focus on accommodation.",
    ),
}

SHARE_METHODS = (
    (ShareMethod.IN_PERSON, 60),
    (ShareMethod.PORTAL, 15),
    (ShareMethod.EMAIL, 15),
    (ShareMethod.POST, 10),
)
AGREEMENTS = ((Agreement.AGREES, 75), (Agreement.AGREES_IN_PART, 20), (Agreement.DISAGREES, 5))

ACCOMMODATION_GROUPS = {
    "Z": "staying_put",
    "U": "own",
    "D": "supported",
    "T": "supported",
    "E": "lodgings_supported",
    "C": "residential",
    "B": "family",
    "K": "lodgings",
    "Y": "lodgings",
    "V": "emergency",
    "W": "emergency",
    "S": "emergency",
    "X": "custody",
}
