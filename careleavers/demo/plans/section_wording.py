"""What the ten sections of a pathway plan say in the demo: options for the young person's
words and the worker's assessment, and the identity section built from their record."""

from __future__ import annotations

from careleavers.plans import schedule

# Each option is (tag, young person's words, worker's assessment). A young person's tags say
# which options fit them (see `Chunk.tags`); "any" fits everyone. Words are in the first person and
# plain English; the worker writes to the young person ("you"). {name} is the young person's
# first or preferred name, {worker} the worker's first name, {language} their first language.

Option = tuple[str, str, str]

SECTION_OPTIONS: dict[str, tuple[Option, ...]] = {
    "contact_and_support": (
        (
            "any",
            "I like seeing {worker} every few weeks. Texting is best, I don't always pick up "
            "calls.",
            "{worker} will see you at least every eight weeks and text in between. You prefer "
            "messages to calls, so we will text first. You also have the duty number for when "
            "{worker} is not at work.",
        ),
        (
            "adult",
            "I don't need to see anyone that often now. Once a month is enough, but I want to "
            "know I can ring if something goes wrong.",
            "We agreed to meet once a month, usually at the café near where you live, and keep "
            "in touch by text. If anything changes you can ask to see {worker} more often; you "
            "do not need to wait for the next visit.",
        ),
        (
            "any",
            "I want the same worker. I've had too many people come and go.",
            "I know how much the changes of worker have upset you. I will stay your worker for "
            "as long as I can, and if that has to change I will introduce the new worker to you "
            "myself, so you do not have to tell your story again.",
        ),
        (
            "any",
            "My old foster carer still rings me most weeks. I want her to stay involved.",
            "Your former foster carer is an important support and you want her involved. With "
            "your agreement I will keep her updated and invite her to your reviews. {worker} "
            "will visit every six to eight weeks.",
        ),
        (
            "any",
            "Please come to where I live, not the office. The office makes me anxious.",
            "Visits will be at your home or somewhere you choose, not the office. We will meet "
            "at least every eight weeks and talk on the phone in between. You can cancel by "
            "text if you are not up to it, and we will rearrange within the week.",
        ),
        (
            "adult",
            "I want help when I need it, not people checking up on me.",
            "You want support on your terms. We agreed I will check in by text every fortnight "
            "and visit every two months, and you will message me when you need something. If I "
            "cannot reach you for two weeks I will try the friend you named and then visit.",
        ),
        (
            "any",
            "My key worker where I live helps with most things day to day. I want {worker} for "
            "the bigger stuff like housing and money.",
            "Your key worker sees you most days and I will speak to her every month, so we do "
            "not ask you the same things twice. {worker} will visit every six weeks and lead on "
            "housing and money.",
        ),
        (
            "u18",
            "My social worker comes every six weeks. I like it when {worker} comes too so I "
            "get to know them before I'm 18.",
            "Your social worker visits every six weeks and your personal adviser joins every "
            "other visit, so you know them well before your 18th birthday. Your foster carer "
            "or key worker is there day to day.",
        ),
        (
            "language",
            "I want an interpreter when we talk about important things, even though my English "
            "is better now.",
            "We will book a {language} interpreter for visits where we talk about your plan, "
            "your case or money. For everyday catch-ups you are happy to speak English. "
            "{worker} will visit at least every six weeks.",
        ),
    ),
    "education_and_training": (
        (
            "college",
            "I'm doing Health and Social Care at college. I want to go on to Level 3 and then "
            "maybe nursing.",
            "Your tutor says your attendance is good. We will apply for the 16 to 19 bursary "
            "and the travel pass, and I will go with you to the Level 3 open evening in the "
            "spring.",
        ),
        (
            "college",
            "College is hard but I'm going most days. Maths is the worst.",
            "Your attendance is about 85%. You said maths is the hardest, so we asked the "
            "college for extra maths support on Wednesdays. The virtual school post-16 lead "
            "will check in with your tutor each term.",
        ),
        (
            "college_adult",
            "I want to go to university to study social work.",
            "You are on track with your Access to Higher Education diploma. We will do your "
            "UCAS application together, look at universities with good care leaver support, and "
            "make sure you know about the higher education bursary and help with somewhere to "
            "live in the holidays.",
        ),
        (
            "he",
            "I'm at uni and I like it. I need somewhere to live over the summer.",
            "You are doing well at university. The council will help with your vacation "
            "accommodation, and I will check your student finance is in place for next year.",
        ),
        (
            "apprentice",
            "I'm doing an apprenticeship in business admin. I like having my own money.",
            "Your manager is pleased with how you have started. The care leaver bursary for "
            "apprentices has been applied for, and we will meet your training provider at the "
            "mid-point review.",
        ),
        (
            "migrant_college",
            "I'm learning English at college. I want to get better so I can study engineering.",
            "You are on an ESOL course and your teacher says your progress is very good. We "
            "will look at the GCSE maths and English route for next year and ask the college "
            "about the engineering access course.",
        ),
        (
            "apprentice",
            "My apprenticeship is in engineering. One day a week at college, the rest at the "
            "factory.",
            "Your training provider says you are doing well. We will check your apprenticeship "
            "pay covers your rent and travel, and apply for the care leaver bursary for "
            "apprentices.",
        ),
        (
            "he",
            "Second year at uni now. The work is harder but I'm keeping up.",
            "You passed your first year. We will check your student finance and the council's "
            "higher education bursary are in place, and that you have somewhere to live over "
            "the summer.",
        ),
        (
            "job",
            "I'm working now, so college is on hold. I might do an evening course later.",
            "Work is going well and that comes first for now. If you want to study later, adult "
            "learning runs evening courses near you, and the council can help with the costs "
            "until you are 25.",
        ),
        (
            "job",
            "My job has training built in. I'm doing my food hygiene certificate through work.",
            "Your employer is training you and you are proud of it. We will keep your "
            "certificates safe with your documents and talk about what you want to do next.",
        ),
        (
            "neet",
            "I left college when I moved and couldn't get there. I want to go back in September.",
            "You had to leave your course when you moved. We will look at courses closer to "
            "where you live for September, and the careers adviser will meet you next month. "
            "The council can help with travel costs.",
        ),
        (
            "neet",
            "I'm not ready for college at the moment. I need to sort my head out first.",
            "We agreed your wellbeing comes first for now. We will look at education and "
            "training again at your next review, and you can try the Prince's Trust short "
            "course in the meantime if you want to.",
        ),
        (
            "neet",
            "I never finished school. I want my English and maths.",
            "Adult learning runs free English and maths courses in the evenings near you. We "
            "will enrol together in the next two weeks.",
        ),
        (
            "neet",
            "I want a forklift licence so I can get warehouse work.",
            "You want practical qualifications for work. The council can pay for a forklift "
            "licence course, and we will apply for your provisional driving licence together.",
        ),
    ),
    "employment": (
        (
            "job_part",
            "I work part time at a supermarket. I want more hours.",
            "Your manager has offered you more hours over Christmas. We will check how the "
            "extra hours affect your Universal Credit so you are better off.",
        ),
        (
            "neet",
            "I want a job but I don't know where to start.",
            "We will write your CV together, and your Jobcentre work coach will look at a "
            "sector-based work academy place in retail. I will send you the council's care "
            "leaver vacancies each month.",
        ),
        (
            "college",
            "I'm focusing on college for now. Maybe a Saturday job.",
            "College comes first, which is right. If you want a Saturday job we can look at "
            "it in the summer; a few hours' work will not affect your bursary.",
        ),
        (
            "neet",
            "I volunteer at the food bank on Fridays. I'd like a paid job in a kitchen.",
            "Your volunteering shows you are reliable, and you enjoy it. We will apply for the "
            "catering traineeship and the council will pay for your food hygiene certificate.",
        ),
        (
            "migrant_not_earning",
            "I can't work yet because of my asylum claim. I want to volunteer.",
            "While your claim is decided you cannot take paid work, but you can volunteer. The "
            "refugee project has a place in their café; we will visit together.",
        ),
        (
            "job_full",
            "I got a job at the warehouse. It's shifts but the money's good.",
            "Well done on the job. Shifts can be hard to manage, so we will plan visits around "
            "your rota and check your payslips and tax code are right.",
        ),
        (
            "not_earning",
            "I want an apprenticeship, in plumbing or electrics.",
            "The council's apprenticeship team will tell us about the spring intake. We will "
            "work on your application and practise for the interview together.",
        ),
        (
            "u18_study",
            "I want to do work experience somewhere with animals.",
            "The virtual school will ask the college to find you a placement at the city farm "
            "or a vet's. We will look at animal care courses for next year.",
        ),
        (
            "apprentice",
            "My apprenticeship is four days at work and one at college. I want them to keep me "
            "on at the end.",
            "Your employer is pleased with you. We will ask about a permanent job at the end of "
            "the apprenticeship, and check your pay against your rent and travel.",
        ),
        (
            "study",
            "I want some work experience for my CV while I'm studying.",
            "Studying comes first. We will ask the council's work experience team about a "
            "placement in the holidays, and update your CV together.",
        ),
    ),
    schedule.CONTINGENCY: (
        (
            "any",
            "If where I live doesn't work out I'd go to my nan's for a bit. I'd ring {worker} "
            "first.",
            "If you are at risk of losing where you live, call {worker} straight away, or the "
            "duty team on weekdays; out of hours call the emergency duty team. Your nan has "
            "agreed you can stay with her for up to two weeks, and if that is not possible the "
            "council will find you emergency supported accommodation. You will not be left to "
            "sleep rough.",
        ),
        (
            "study",
            "If college stops working I want to talk before I drop out.",
            "If college is not working, tell {worker} or your tutor before you stop going, so "
            "we can look at changing course or taking a break. If your money stops, ring the "
            "duty team the same day; the council can make an emergency payment for food and "
            "travel.",
        ),
        (
            "any",
            "If things go wrong I go quiet. Keep trying me.",
            "You told us that when things go wrong you go quiet. If we cannot reach you for a "
            "week, {worker} will text, ring the people you named and then visit. If we are "
            "worried about your safety we will tell the police. You can ring the out of hours "
            "team at any time.",
        ),
        (
            "any",
            "If I lose my room I don't want to go to a B&B again.",
            "If your home breaks down, the duty team will look for another supported place the "
            "same day. Bed and breakfast would only be used in an emergency, for no more than "
            "two nights, and {worker} would visit within a day.",
        ),
        (
            "migrant",
            "If my asylum claim is refused I'm scared I'll have nowhere to go.",
            "If your claim is refused, the council will keep supporting you while your "
            "solicitor appeals, and will carry out a human rights assessment before any "
            "support changes. You will not be left without somewhere to live. Your solicitor "
            "and {worker} will meet you in the same week.",
        ),
        (
            "any",
            "If I feel unsafe I'll ring the duty number or the police.",
            "If you feel unsafe, ring 999 in an emergency, the duty team on weekdays or the "
            "emergency duty team out of hours. The Foyer keeps a room for care leavers in an "
            "emergency, and {worker} will see you the next working day.",
        ),
        (
            "adult",
            "If money runs out I'll ask for help earlier this time.",
            "If your Universal Credit stops or you cannot pay a bill, ring {worker} or the "
            "duty team before the debt builds up. We can make an emergency payment and help "
            "you challenge the decision.",
        ),
    ),
    "accommodation": (
        (
            "acc:staying_put",
            "I want to stay with my foster carers until I finish college.",
            "You are staying put with your former foster carers, who want you to stay. The "
            "arrangement can continue until you are 21. It is suitable: you have your own "
            "room, it is close to college and you feel at home there.",
        ),
        (
            "acc:own",
            "I love having my own place but the bills stress me out.",
            "You have your own flat with a housing association tenancy. It is warm, in good "
            "repair and close to your friends. You have the council tax exemption for care "
            "leavers, and we will go through the bills together each month until you feel "
            "confident.",
        ),
        (
            "acc:own",
            "The flat is OK but it's lonely.",
            "Your flat meets your needs and you look after it well, but you feel lonely there. "
            "We will look at groups near you, including the cook and eat group on Tuesdays, "
            "and I will visit a bit more often for now.",
        ),
        (
            "acc:supported",
            "It's too noisy at night where I live and I can't sleep.",
            "You live in supported accommodation with key work every week. It is safe and the "
            "staff know you well, but the noise is affecting your sleep. We have asked for a "
            "quieter room and added you to the housing register as a care leaver.",
        ),
        (
            "acc:supported",
            "I like it here. I want my own flat next year.",
            "Your supported accommodation suits you: it is safe and helps you with college. "
            "You are on the housing register and will start bidding when you are ready to move "
            "on. Your move-on plan is in the practical skills section.",
        ),
        (
            "acc:lodgings_supported",
            "My host is nice. I feel more grown up than I did in care.",
            "You live in supported lodgings with a host who gives you advice and support. It "
            "is suitable and you feel settled. We will talk at your next review about when you "
            "might be ready for your own place.",
        ),
        (
            "acc:residential",
            "I'm worried about where I'll go when I'm 18.",
            "You live in a children's home and will need somewhere new by your 18th birthday. "
            "We will start the referral for supported accommodation at least six months "
            "before, visit places together, and you will choose where you go.",
        ),
        (
            "acc:family",
            "I'm living with my mum again. It's OK most of the time.",
            "You chose to live with your mum and she is happy to have you. You have your own "
            "room and feel safe. If things change, call {worker} and we will help you find "
            "somewhere else quickly.",
        ),
        (
            "acc:lodgings",
            "I rent a room in a shared house. It's cheap but the landlord doesn't fix things.",
            "You rent a room without support. It is affordable, but the landlord has not "
            "repaired the window. With your agreement we will contact the landlord and, if "
            "nothing happens, the council's private housing team.",
        ),
        (
            "acc:emergency",
            "I'm in a B&B and I hate it. I need somewhere proper.",
            "Where you are staying now is not suitable. This is urgent: we have made a "
            "referral for supported accommodation and a homelessness application, and "
            "{worker} will see you every week until you have moved.",
        ),
        (
            "acc:custody",
            "I want to know where I'll live when I get out.",
            "{worker} will visit you every eight weeks and work with your probation officer so "
            "you have somewhere suitable to live on the day you are released. The referral for "
            "supported housing has been made.",
        ),
        (
            "acc:none",
            "I'm happy where I live for now.",
            "You are settled where you live and feel safe there. We will talk about your next "
            "move at your next review, and you can ask for help with housing at any time.",
        ),
        (
            "acc:unknown",
            "I don't want to say where I'm staying at the moment.",
            "You did not want to tell us where you are staying. We respect that, but we need "
            "to know you are safe, so please text {worker} at least once a week. If you need "
            "somewhere to stay, the duty team can arrange it the same day.",
        ),
    ),
    "relationships": (
        (
            "any",
            "I'd like to see my little brother more. He's in foster care in Leeds.",
            "Seeing your brother matters a lot to you. We will ask his social worker to "
            "arrange family time every month, and the council will pay your travel.",
        ),
        (
            "any",
            "I don't want contact with my dad. Please don't ask me about it.",
            "You do not want contact with your dad and we will respect that. You keep in touch "
            "with your aunt, who you say is a good support.",
        ),
        (
            "any",
            "I see my mum every week now. It's getting better between us.",
            "Your relationship with your mum is improving and you want to keep it that way. "
            "If it becomes difficult you can talk to {worker}, and we can arrange family "
            "mediation if you both want it.",
        ),
        (
            "migrant",
            "I miss my family back home. I don't know if they are safe.",
            "You have not heard from your family since you left. With your agreement we have "
            "asked the Red Cross family tracing service to help, and you meet friends from "
            "your community at the weekend.",
        ),
        (
            "any",
            "I've got good mates from college and football. I'm doing OK.",
            "You have good friends and a busy social life. You know you can talk to {worker} "
            "about any relationship that does not feel right.",
        ),
        (
            "any",
            "I want to stay in touch with the staff from my old home.",
            "The staff from your old home are happy to keep in touch. We will arrange a visit "
            "for your birthday and you can ring them when you want to.",
        ),
        (
            "adult",
            "My partner is my main support. I don't really talk to my family.",
            "Your partner is your main support and you are happy together. We talked about "
            "healthy relationships and you know where to get help if that ever changes.",
        ),
    ),
    "practical_skills": (
        (
            "u18",
            "I can make pasta and beans on toast. I want to learn more meals.",
            "Your foster carer or key worker is teaching you a new meal each week. We will "
            "add a budgeting session each month, and you will do the 'Ready for my own place' "
            "course in the summer holidays.",
        ),
        (
            "any",
            "I'm good with money but I don't know how to pay bills.",
            "We will set up your bills together: direct debits for gas, electricity and water "
            "on the day after you are paid, and a simple budget on your phone.",
        ),
        (
            "adult",
            "I can look after myself. I just need help with letters.",
            "You look after your home well. Official letters are harder, so you will send "
            "{worker} a photo of any letter you are unsure about and we will go through it "
            "together.",
        ),
        (
            "any",
            "I want to try the taster flat before I move out.",
            "You will stay in the taster flat for a week to practise living on your own, with "
            "a support worker calling in each day. We will talk about how it went afterwards.",
        ),
        (
            "any",
            "I'm going to the cook and eat group on Tuesdays. I'm getting better at cooking.",
            "The group is helping you cook on a budget and meet people. Keep going; we will "
            "add shopping for the week to the things you practise.",
        ),
        (
            "disability",
            "I want people to show me how to do things, not do them for me.",
            "You want to do things yourself with the right help. The adult social care "
            "transitions team will assess what support you need at home, and we will agree "
            "together which skills to work on first.",
        ),
    ),
    "finance": (
        (
            "u18",
            "I get my allowance from my carers. I want my own bank account.",
            "We will open a bank account with you this month using your passport, and you "
            "will start managing your own allowance. Your Junior ISA becomes yours at 18 and "
            "we will plan together what to do with it.",
        ),
        (
            "adult",
            "Universal Credit is confusing. It got stopped once and I had no money.",
            "Your Universal Credit is paid monthly, with the housing part paid to your "
            "landlord. The care leaver marker is on your claim. We will look at your statement "
            "together each month.",
        ),
        (
            "adult",
            "I want to save for a car.",
            "You are saving every week and you are proud of it. We will look at a savings "
            "account with a better rate, and the council's driving lessons offer.",
        ),
        (
            "adult",
            # Said without what they have spent: the plan must not contradict their Money page.
            "I don't know if my setting up home allowance will stretch to a washing machine.",
            "We will go through your setting up home allowance together: what it covers, what "
            "you have had from it so far, and how a washing machine fits in. We will keep the "
            "receipts together.",
        ),
        (
            "college",
            "I get the bursary from college but it's not enough for food and travel.",
            "You get the college bursary and the council's education allowance. We will apply "
            "to the college hardship fund and check you get free meals.",
        ),
        (
            "adult",
            "I've got debts from an old phone contract. I don't want it to get worse.",
            "We referred you to the debt advice service and they have agreed a small monthly "
            "payment plan with the phone company. No one will chase you while it is paid.",
        ),
        (
            "migrant",
            "The council gives me money each week. I want to manage it better.",
            "While your immigration status is decided, the council pays your rent and a weekly "
            "allowance. We will make a weekly budget together and set up a bank account.",
        ),
        (
            "adult",
            "I didn't know I don't have to pay council tax.",
            "As a care leaver under 25 you do not pay council tax here. We have applied for "
            "the exemption and will tell the billing office when you move.",
        ),
    ),
    "health": (
        (
            "registered_well",
            "I'm fine. I don't really go to the doctor.",
            "You are registered with a GP near where you live and had a dental check this "
            "year. You have your health history summary, which explains your health as a "
            "child.",
        ),
        (
            "mental_health",
            "I've been feeling low. I'd like to talk to someone.",
            "You have been feeling low for a few weeks. With your agreement I referred you to "
            "the care leavers' emotional wellbeing service, and the first appointment is within "
            "four weeks. If you feel worse, ring your GP, the crisis line or {worker}.",
        ),
        (
            "any",
            "I want to stop smoking.",
            "The stop smoking service will see you at the GP surgery, and the council will "
            "pay for nicotine patches if you need them.",
        ),
        (
            "any",
            "Going to the gym helps my head.",
            "You use your free leisure pass most days and say it helps your mental health. "
            "We will renew it each year until you are 25.",
        ),
        (
            "u18_mental_health",
            "I'm scared about leaving CAMHS when I turn 18.",
            "Your move from CAMHS to adult mental health services starts six months before "
            "your 18th birthday. You will meet your new worker before then, and {worker} will "
            "come to the first appointment if you want.",
        ),
        (
            "disability",
            "I want people to ask me what helps, not guess.",
            "What helps you is written on your record, so every worker knows. Your GP and the "
            "transitions team are involved, and we will review the support with you at every "
            "plan.",
        ),
        (
            "any",
            "I want to know what happened when I was little, health-wise.",
            "The leaving care nurse will go through your health history summary with you, "
            "including your immunisations and early health.",
        ),
    ),
}

IDENTITY_WORDS: dict[str, tuple[str, ...]] = {
    "faith": (
        "My faith matters to me. I want to keep practising it wherever I live.",
        "I go to my place of worship most weeks. It's where I feel at home.",
    ),
    "language": (
        "I want to keep speaking {language}, and I want my English to get better too.",
        "It helps to speak {language} with people from home.",
    ),
    "culture": (
        "I'm proud of where my family comes from. I'd like to learn more about it.",
        "I want to learn to cook the food my family made.",
    ),
    "none": (
        "I don't think about it much. I'm just me.",
        "I want to know more about my dad's side of the family and where they're from.",
        "I'd like to see my life story book again.",
    ),
}
IDENTITY_FAITH = (
    "Your record says you are {faith}. We will plan visits and meetings around the times you "
    "worship, and anywhere you live must let you practise your faith.",
    "Your faith is important to you ({faith}). We will make sure your accommodation and "
    "college fit around it.",
)
IDENTITY_NO_FAITH = "You told us you do not follow a religion, and that is respected."
IDENTITY_LANGUAGE = (
    "Your first language is {language}. We will always book an interpreter for important "
    "meetings and letters, and check you understand your plan.",
    "Your first language is {language}. You are happy to speak English with us, and we will "
    "offer an interpreter for anything important.",
)
IDENTITY_CULTURE = (
    "We talked about your heritage and what you want to keep and learn about; the community "
    "group near you meets on Saturdays.",
    "You want to learn more about your heritage, and we will start life story work together.",
)
IDENTITY_MIGRANT = (
    "You would like to meet young people from your home country; we will introduce you to the "
    "refugee youth group."
)
IDENTITY_GENERAL = (
    "You said your identity is not something you want to focus on now. You can ask for life "
    "story work at any time.",
    "We talked about life story work; you would like to start it after your exams.",
)
