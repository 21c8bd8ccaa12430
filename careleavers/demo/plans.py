"""Demo needs assessments, pathway plans, reviews and review requests.

`seed` is called by the demo builder (careleavers/demo/builder.py) for each chunk of young
people, after accommodation, so accommodation moves can bring reviews forward as the plans app's
move listener does. It is deterministic (every choice comes from the generator it is given, in
the order of the young people given) and writes bulk inserts only: a handful of queries per chunk
to read allocations, team managers, names and accommodation, then one insert per table (ids are
reserved from each table's sequence in blocks, so related rows point at each other without a
query per row). 100,000 young people stay feasible.

What it makes, for every eligible, relevant and former relevant young person aged 16 or over:
- a needs assessment (CPPCR 2010 reg 42) with findings on every matter, completed before the
  first plan; a few who became eligible in the last weeks have one still in progress and no plan;
- pathway plans from about the last nine months (longer for those whose review is overdue),
  each with the ten Schedule 1 sections (the young person's words first, then the worker's
  assessment, written to them), two to six actions (who, by when, status) and one to three
  goals in their words. The first plan follows the assessment; each review starts the next
  plan from the last, carrying over unfinished actions and goals and rewriting the sections
  that changed, as `plans.services.plan_create` does. Earlier plans of young people with a
  longer history are noted as held in the previous case recording system;
- plans written by the allocated worker of the day (the social worker while a looked after child
  is under 18, otherwise the personal adviser), submitted, sometimes returned by the team
  manager with comments and submitted again, authorised by the team manager, and shared with the
  young person (copy given and explained, their agreement and their response), with a
  PlanStateChange for every step and django-simple-history rows, so the plan history, "what did
  the plan say on a date" and compare pages work;
- reviews held mostly within 6 months, some late; a move of accommodation asks for a review
  (the council's local rule, as the move listener does) and is usually met within 28 days; a few
  young people asked for a review. About one in eight has a review overdue today, and some have
  a plan being written after a review, waiting for a manager, or returned.

It writes no audit events (nobody did these things in this system), and no history for
assessments and reviews, which no page reads back.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.db import models

from careleavers.accommodation.models import AccommodationStay
from careleavers.accounts.models import Team, User
from careleavers.accounts.roles import Role
from careleavers.casework.models import Allocation, WorkerRole
from careleavers.core.dates import add_months, age_on, birthday
from careleavers.demo.rows import IdBlocks, write_rows
from careleavers.people.category import Category, format_date
from careleavers.plans import rules_due, schedule
from careleavers.plans.models import (
    ActionStatus,
    Agreement,
    AssessmentSection,
    Goal,
    GoalProgress,
    NeedsAssessment,
    PathwayPlan,
    PlanAction,
    PlanReview,
    PlanSection,
    PlanState,
    PlanStateChange,
    ReviewReason,
    ShareMethod,
)

Row = dict[str, Any]
LONDON = ZoneInfo("Europe/London")
ONE_DAY = datetime.timedelta(days=1)
BATCH = 2000
PLAN_CATEGORIES = frozenset(
    {Category.ELIGIBLE.value, Category.RELEVANT.value, Category.FORMER_RELEVANT.value}
)
# Plans from about the last nine months are held; earlier ones are in the previous system.
HISTORY_DAYS = 270
MAX_PLANS = 8
# How long writing and authorising a first plan may take, when placing an overdue review.
OVERDUE_MARGIN_DAYS = 45
MOVE_NOTE = "Asked for automatically: their accommodation changed."
EARLIER_PLANS_NOTE = (
    "Earlier pathway plans are held in the previous case recording system; this plan was "
    "started from the last of them."
)

# Wording -------------------------------------------------------------------------------------
#
# Each option is (tag, young person's words, worker's assessment). A young person's tags say
# which options fit them (see `_tags`); "any" fits everyone. Words are in the first person and
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
            "edu",
            "I'm doing Health and Social Care at college. I want to go on to Level 3 and then "
            "maybe nursing.",
            "Your tutor says your attendance is good. We will apply for the 16 to 19 bursary "
            "and the travel pass, and I will go with you to the Level 3 open evening in the "
            "spring.",
        ),
        (
            "edu",
            "College is hard but I'm going most days. Maths is the worst.",
            "Your attendance is about 85%. You said maths is the hardest, so we asked the "
            "college for extra maths support on Wednesdays. The virtual school post-16 lead "
            "will check in with your tutor each term.",
        ),
        (
            "he",
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
            "edu",
            "I'm doing an apprenticeship in business admin. I like having my own money.",
            "Your manager is pleased with how you have started. The care leaver bursary for "
            "apprentices has been applied for, and we will meet your training provider at the "
            "mid-point review.",
        ),
        (
            "migrant",
            "I'm learning English at college. I want to get better so I can study engineering.",
            "You are on an ESOL course and your teacher says your progress is very good. We "
            "will look at the GCSE maths and English route for next year and ask the college "
            "about the engineering access course.",
        ),
        (
            "noedu",
            "I left college when I moved and couldn't get there. I want to go back in September.",
            "You had to leave your course when you moved. We will look at courses closer to "
            "where you live for September, and the careers adviser will meet you next month. "
            "The council can help with travel costs.",
        ),
        (
            "noedu",
            "I'm not ready for college at the moment. I need to sort my head out first.",
            "We agreed your wellbeing comes first for now. We will look at education and "
            "training again at your next review, and you can try the Prince's Trust short "
            "course in the meantime if you want to.",
        ),
        (
            "noedu",
            "I never finished school. I want my English and maths.",
            "Adult learning runs free English and maths courses in the evenings near you. We "
            "will enrol together in the next two weeks.",
        ),
        (
            "noedu",
            "I want a forklift licence so I can get warehouse work.",
            "You want practical qualifications for work. The council can pay for a forklift "
            "licence course, and we will apply for your provisional driving licence together.",
        ),
    ),
    "employment": (
        (
            "adult",
            "I work part time at a supermarket. I want more hours.",
            "Your manager has offered you more hours over Christmas. We will check how the "
            "extra hours affect your Universal Credit so you are better off.",
        ),
        (
            "noedu",
            "I want a job but I don't know where to start.",
            "We will write your CV together, and your Jobcentre work coach will look at a "
            "sector-based work academy place in retail. I will send you the council's care "
            "leaver vacancies each month.",
        ),
        (
            "edu",
            "I'm focusing on college for now. Maybe a Saturday job.",
            "College comes first, which is right. If you want a Saturday job we can look at "
            "it in the summer; a few hours' work will not affect your bursary.",
        ),
        (
            "any",
            "I volunteer at the food bank on Fridays. I'd like a paid job in a kitchen.",
            "Your volunteering shows you are reliable, and you enjoy it. We will apply for the "
            "catering traineeship and the council will pay for your food hygiene certificate.",
        ),
        (
            "migrant",
            "I can't work yet because of my asylum claim. I want to volunteer.",
            "While your claim is decided you cannot take paid work, but you can volunteer. The "
            "refugee project has a place in their café; we will visit together.",
        ),
        (
            "adult",
            "I got a job at the warehouse. It's shifts but the money's good.",
            "Well done on the job. Shifts can be hard to manage, so we will plan visits around "
            "your rota and check your payslips and tax code are right.",
        ),
        (
            "any",
            "I want an apprenticeship, in plumbing or electrics.",
            "The council's apprenticeship team will tell us about the spring intake. We will "
            "work on your application and practise for the interview together.",
        ),
        (
            "u18",
            "I want to do work experience somewhere with animals.",
            "The virtual school will ask the college to find you a placement at the city farm "
            "or a vet's. We will look at animal care courses for next year.",
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
            "edu",
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
            "My setting up home allowance is nearly gone. I still need a washing machine.",
            "You have used most of your setting up home allowance well. The rest will pay for "
            "a washing machine, and we will keep the receipts together.",
        ),
        (
            "edu",
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
            "any",
            "I'm fine. I don't really go to the doctor.",
            "You are registered with a GP near where you live and had a dental check this "
            "year. You have your health history summary, which explains your health as a "
            "child.",
        ),
        (
            "any",
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
            "u18",
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

# Actions: (section key, tag, what, who, within how many days). Who: "worker", "yp",
# "together", or a service.
ACTIONS: tuple[tuple[str, str, str, str, int], ...] = (
    ("contact_and_support", "any", "Send the duty and out of hours numbers by text", "worker", 7),
    ("contact_and_support", "any", "Introduce {name} to a peer mentor", "worker", 60),
    ("education_and_training", "edu", "Apply for the 16 to 19 bursary", "together", 30),
    ("education_and_training", "edu", "Ask college for extra maths support", "worker", 21),
    ("education_and_training", "edu", "Go to the Level 3 open evening", "yp", 120),
    (
        "education_and_training",
        "noedu",
        "Enrol on the evening English and maths course",
        "together",
        30,
    ),
    ("education_and_training", "noedu", "Meet the careers adviser", "Careers adviser", 45),
    (
        "education_and_training",
        "he",
        "Send the higher education bursary form to the university",
        "worker",
        30,
    ),
    (
        "education_and_training",
        "u18",
        "Update the personal education plan",
        "Virtual school post-16 lead",
        90,
    ),
    ("employment", "any", "Write a CV together", "together", 30),
    (
        "employment",
        "noedu",
        "Book an appointment with the work coach",
        "Jobcentre Plus work coach",
        21,
    ),
    ("employment", "any", "Send the council's care leaver vacancies every month", "worker", 120),
    ("employment", "noedu", "Apply for the catering traineeship", "yp", 60),
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
        "edu",
        "I want to finish my course and go on to Level 3.",
        "Attendance is up and coursework is in on time.",
        "Passed and got a Level 3 place.",
    ),
    (
        "noedu",
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
    ("he", "I want to go to university.", "UCAS form sent.", "Got my place."),
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
        "I was gutted about losing my job but I'll find another one.",
        "It's been a hard few weeks. I'm glad we talked.",
    ),
}
ASK_NOTES = (
    "I want to talk about changing my course.",
    "I want to move nearer my sister.",
    "My plan doesn't say anything about driving lessons.",
    "I want to talk about moving out.",
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


# Writing rows --------------------------------------------------------------------------------


def _history_fields(model: type[models.Model]) -> list[str]:
    historical = model.history.model  # type: ignore[attr-defined]
    return [
        f.attname
        for f in historical._meta.concrete_fields
        if not f.primary_key and not f.attname.startswith("history_")
    ]


# Lookups for a chunk -------------------------------------------------------------------------


@dataclass
class _Allocation:
    role: str
    worker_id: int
    start: datetime.date
    end: datetime.date | None


@dataclass
class _Person:
    young_person: Any
    name: str
    language: str
    higher_education: bool
    manager_id: int
    allocations: list[_Allocation]
    stays: list[tuple[datetime.date, datetime.date | None, str]]
    moves: list[datetime.date]
    # Unbroken periods of accommodation the council provides (start, end or None), for the
    # reviews Care Leavers (England) Regs 2010 reg 7(3) requires while it does.
    council_spells: list[tuple[datetime.date, datetime.date | None]] = field(default_factory=list)

    def council_accommodation_since(self, day: datetime.date) -> datetime.date | None:
        for start, end in self.council_spells:
            if start <= day and (end is None or end > day):
                return start
        return None


@dataclass
class _Writer:
    user_id: int
    first: str
    full: str
    role: str  # "personal adviser" or "social worker"


@dataclass
class _Plan:
    row: Row
    writer: _Writer
    created_at: datetime.datetime
    content: dict[str, tuple[str, str]]
    actions: list[Row] = field(default_factory=list)
    goals: list[Row] = field(default_factory=list)
    authorised_on: datetime.date | None = None
    sections_changed: list[str] = field(default_factory=list)
    frozen: bool = False  # actions and goals settled as at the plan's end (or today)


def _weighted(rng: random.Random, pairs: Sequence[tuple[Any, int]]) -> Any:
    return rng.choices([value for value, _ in pairs], [weight for _, weight in pairs])[0]


class _Seeder:
    def __init__(self, rng: random.Random, today: datetime.date, workers: Sequence[Any]) -> None:
        self.rng = rng
        self.today = today
        self.workers = list(workers)
        self.ids = {
            model: IdBlocks(model)
            for model in (NeedsAssessment, PathwayPlan, PlanSection, PlanAction, Goal, PlanReview)
        }
        self.history_fields: dict[type[models.Model], list[str]] = {
            model: _history_fields(model) for model in (PathwayPlan, PlanSection, PlanAction, Goal)
        }
        self.names: dict[int, tuple[str, str]] = {}
        self.fallback_managers: list[int] | None = None
        self.assessments: list[Row] = []
        self.assessment_sections: list[Row] = []
        self.plans: list[Row] = []
        self.sections: list[Row] = []
        self.actions: list[Row] = []
        self.goals: list[Row] = []
        self.state_changes: list[Row] = []
        self.reviews: list[Row] = []
        self.history: dict[type[models.Model], list[Row]] = {
            model: [] for model in (PathwayPlan, PlanSection, PlanAction, Goal)
        }
        self.overdue = 0
        self.assessments_in_progress = 0
        self.reviews_held = 0
        self.open_requests = 0

    # Reading what the chunk needs: a fixed number of queries ----------------------------------

    def people(self, young_people: Sequence[Any]) -> list[_Person]:
        ids = [person.pk for person in young_people]
        allocations: dict[int, list[_Allocation]] = {}
        for young_person_id, role, worker_id, start, end in (
            Allocation.objects.filter(young_person_id__in=ids)
            .order_by("young_person_id", "start", "pk")
            .values_list("young_person_id", "role", "worker_id", "start", "end")
        ):
            allocations.setdefault(young_person_id, []).append(
                _Allocation(role, worker_id, start, end)
            )
        stays: dict[int, list[tuple[datetime.date, datetime.date | None, str]]] = {}
        council: dict[int, list[tuple[datetime.date, datetime.date | None]]] = {}
        for young_person_id, start, end, accom_type, council_provided in (
            AccommodationStay.objects.filter(young_person_id__in=ids, archived_at__isnull=True)
            .order_by("young_person_id", "start", "pk")
            .values_list("young_person_id", "start", "end", "accom_type", "council_provided")
        ):
            stays.setdefault(young_person_id, []).append((start, end, accom_type))
            if council_provided:
                # A move from one place the council provides to the next is one unbroken period.
                spells = council.setdefault(young_person_id, [])
                if spells and (spells[-1][1] is None or start <= spells[-1][1]):
                    first, last = spells[-1]
                    spells[-1] = (first, None if last is None or end is None else max(last, end))
                else:
                    spells.append((start, end))
        managers = dict(
            Team.objects.filter(pk__in={p.team_id for p in young_people if p.team_id}).values_list(
                "pk", "manager_id"
            )
        )
        user_ids = {a.worker_id for rows in allocations.values() for a in rows}
        user_ids |= {pk for pk in managers.values() if pk}
        user_ids |= {worker.pk for worker in self.workers}
        self.names = {
            pk: (first, last)
            for pk, first, last in User.objects.filter(pk__in=user_ids).values_list(
                "pk", "first_name", "last_name"
            )
        }
        people = []
        for young_person in young_people:
            own_stays = stays.get(young_person.pk, [])
            language = (young_person.first_language or "").strip()
            people.append(
                _Person(
                    young_person=young_person,
                    name=young_person.preferred_name or young_person.first_name,
                    language="" if language.lower() in ("", "english") else language,
                    higher_education=self.rng.random() < 0.35,
                    manager_id=managers.get(young_person.team_id) or self._fallback_manager(),
                    allocations=allocations.get(young_person.pk, []),
                    stays=own_stays,
                    moves=[start for start, _, _ in own_stays[1:]],
                    council_spells=council.get(young_person.pk, []),
                )
            )
        return people

    def _fallback_manager(self) -> int:
        if self.fallback_managers is None:
            self.fallback_managers = list(
                User.objects.filter(groups__name=Role.TEAM_MANAGER, is_active=True)
                .order_by("pk")
                .values_list("pk", flat=True)[:20]
            )
            for pk, first, last in User.objects.filter(pk__in=self.fallback_managers).values_list(
                "pk", "first_name", "last_name"
            ):
                self.names[pk] = (first, last)
        if self.fallback_managers:
            return self.rng.choice(self.fallback_managers)
        return int(self.workers[0].pk)

    # Small helpers ----------------------------------------------------------------------------

    def at(self, day: datetime.date, first_hour: int, last_hour: int) -> datetime.datetime:
        return datetime.datetime.combine(
            day,
            datetime.time(self.rng.randint(first_hour, last_hour), self.rng.randrange(0, 60, 5)),
            tzinfo=LONDON,
        )

    def days(self, low: int, high: int) -> datetime.timedelta:
        return datetime.timedelta(days=self.rng.randint(low, high))

    def writer_on(self, person: _Person, day: datetime.date) -> _Writer:
        """Who wrote the plan that day: the social worker while a looked after child is under
        18, otherwise the personal adviser; the nearest in time if nobody was allocated."""
        prefer = (
            [WorkerRole.SOCIAL_WORKER.value, WorkerRole.PERSONAL_ADVISER.value]
            if age_on(person.young_person.date_of_birth, day) < 18
            and person.young_person.category == Category.ELIGIBLE.value
            else [WorkerRole.PERSONAL_ADVISER.value, WorkerRole.SOCIAL_WORKER.value]
        )
        chosen: _Allocation | None = None
        for role in prefer:
            chosen = next(
                (
                    a
                    for a in person.allocations
                    if a.role == role and a.start <= day and (a.end is None or day < a.end)
                ),
                None,
            )
            if chosen is not None:
                break
        if chosen is None:
            advisers = [
                a for a in person.allocations if a.role == WorkerRole.PERSONAL_ADVISER.value
            ]
            candidates = advisers or person.allocations
            if candidates:
                chosen = min(candidates, key=lambda a: abs((a.start - day).days))
        if chosen is None:
            pool = self.workers[1:] or self.workers
            user = pool[person.young_person.pk % len(pool)]
            return self._writer(int(user.pk), WorkerRole.PERSONAL_ADVISER.value)
        return self._writer(chosen.worker_id, chosen.role)

    def _writer(self, user_id: int, role: str) -> _Writer:
        first, last = self.names.get(user_id, ("", ""))
        first = first or "your worker"
        return _Writer(
            user_id=user_id,
            first=first,
            full=f"{first} {last}".strip(),
            role="social worker" if role == WorkerRole.SOCIAL_WORKER.value else "personal adviser",
        )

    def tags(self, person: _Person, day: datetime.date) -> set[str]:
        young_person = person.young_person
        adult = age_on(young_person.date_of_birth, day) >= 18
        tags = {"any", "adult" if adult else "u18"}
        if young_person.in_education_or_training:
            tags.add("edu")
            if adult and person.higher_education:
                tags.add("he")
        else:
            tags.add("noedu")
        if young_person.is_separated_migrant:
            tags.add("migrant")
        if person.language:
            tags.add("language")
        if (young_person.disability or "").strip() or (young_person.learning_needs or "").strip():
            tags.add("disability")
        tags.add(f"acc:{self.accommodation_group(person, day)}")
        return tags

    def accommodation_group(self, person: _Person, day: datetime.date) -> str:
        current = None
        for start, end, accom_type in person.stays:
            if start <= day:
                current = accom_type if end is None or day < end else current
        if current is None:
            return "none"
        return ACCOMMODATION_GROUPS.get(current, "unknown")

    def fill(self, text: str, person: _Person, writer: _Writer) -> str:
        return text.format(
            name=person.name, worker=writer.first, language=person.language or "your language"
        )

    def pick_section(
        self, key: str, tags: set[str], person: _Person, writer: _Writer, avoid: str = ""
    ) -> tuple[str, str]:
        if key == schedule.IDENTITY:
            return self.identity(person, writer, avoid)
        options = [o for o in SECTION_OPTIONS[key] if o[0] in tags]
        fresh = [o for o in options if self.fill(o[1], person, writer) != avoid]
        _, words, assessment = self.rng.choice(fresh or options)
        return self.fill(words, person, writer), self.fill(assessment, person, writer)

    def identity(self, person: _Person, writer: _Writer, avoid: str = "") -> tuple[str, str]:
        """Schedule 1 paragraph 10, starting from what the record says about their faith,
        culture and language (as `plans.services.identity_from_record` does)."""
        young_person = person.young_person
        rng = self.rng
        faith = (young_person.faith or "").strip()
        parts = []
        kinds = []
        if faith and faith.lower() != "no religion":
            parts.append(rng.choice(IDENTITY_FAITH).format(faith=faith))
            kinds.append("faith")
        elif faith:
            parts.append(IDENTITY_NO_FAITH)
        if person.language:
            parts.append(
                IDENTITY_LANGUAGE[0 if young_person.interpreter_needed else 1].format(
                    language=person.language
                )
            )
            kinds.append("language")
        if (young_person.culture or "").strip():
            parts.append(rng.choice(IDENTITY_CULTURE))
            kinds.append("culture")
        if young_person.is_separated_migrant:
            parts.append(IDENTITY_MIGRANT)
        if not kinds:
            parts.append(rng.choice(IDENTITY_GENERAL))
            kinds.append("none")
        options = [self.fill(w, person, writer) for w in IDENTITY_WORDS[rng.choice(kinds)]]
        fresh = [words for words in options if words != avoid]
        return rng.choice(fresh or options), " ".join(parts)

    # One young person -------------------------------------------------------------------------

    def person(self, person: _Person) -> None:
        young_person = person.young_person
        today = self.today
        rng = self.rng
        sixteenth = birthday(young_person.date_of_birth, 16)
        became = sixteenth
        if young_person.category == Category.ELIGIBLE.value and young_person.category_since:
            became = max(sixteenth, young_person.category_since)
        if (today - became).days < 2:
            return  # they became eligible today or yesterday: nothing is recorded yet
        started = min(became + self.days(0, 21), today - ONE_DAY)
        # Most are completed within the 3 months the regulations allow; some take longer.
        took = rng.randint(25, 85) if rng.random() < 0.85 else rng.randint(92, 150)
        completed = started + datetime.timedelta(days=took)
        if completed >= today:
            self.assessment(person, started, None, became)
            self.assessments_in_progress += 1
            return
        self.assessment(person, started, completed, became)
        first_draft = completed + self.days(0, 10)
        # About one in eight has a review overdue today (more of those over 21): their plan
        # held starts early enough for its 6-month date to have passed, by up to 5 months.
        over_21 = age_on(young_person.date_of_birth, today) >= 21
        overdue_by = rng.randint(10, 150) if rng.random() < (0.2 if over_21 else 0.11) else None
        if overdue_by is not None:
            start = today - datetime.timedelta(days=overdue_by + 183 + OVERDUE_MARGIN_DAYS)
        else:
            start = today - datetime.timedelta(days=HISTORY_DAYS) + self.days(0, 183)
        legacy = first_draft < start
        created = start if legacy else first_draft
        if created >= today:
            return  # the assessment has just been completed; the plan is not started yet
        self.plans_for(person, created, legacy=legacy, overdue_by=overdue_by)

    def assessment(
        self,
        person: _Person,
        started: datetime.date,
        completed: datetime.date | None,
        became: datetime.date,
    ) -> None:
        young_person = person.young_person
        rng = self.rng
        writer = self.writer_on(person, started)
        if completed is None:
            due = rules_due.assessment_due(
                date_of_birth=young_person.date_of_birth,
                category=young_person.category,
                category_since=young_person.category_since,
                has_pathway_plan=False,
            )
        else:
            # When it was done they were an eligible child (CPPCR 2010 reg 42(1)).
            due = rules_due.assessment_due(
                date_of_birth=young_person.date_of_birth,
                category=Category.ELIGIBLE.value,
                category_since=became,
                has_pathway_plan=False,
            )
        created_at = self.at(started, 9, 11)
        modified_at = self.at(completed, 13, 17) if completed else created_at
        pk = self.ids[NeedsAssessment].take()
        written = completed is not None
        self.assessments.append(
            {
                "id": pk,
                "created_at": created_at,
                "modified_at": modified_at,
                "created_by_id": writer.user_id,
                "modified_by_id": writer.user_id,
                "young_person_id": young_person.pk,
                "started_on": started,
                "due_on": due.due if due else None,
                "due_rule": due.rule[:300] if due else "",
                "views_sought": rng.choice(VIEWS_SOUGHT),
                "information_obtained": rng.choice(INFORMATION_OBTAINED) if written else "",
                "meeting_deliberations": rng.choice(MEETING_DELIBERATIONS) if written else "",
                "outcome": rng.choice(OUTCOMES) if written else "",
                "completed_on": completed,
                "completed_by_id": writer.user_id if completed else None,
                "version": 3 if written else 2,
            }
        )
        for matter in schedule.ASSESSMENT_MATTERS:
            findings = rng.choice(FINDINGS[matter.key]) if written or rng.random() < 0.5 else ""
            self.assessment_sections.append(
                {
                    "created_at": created_at,
                    "modified_at": modified_at,
                    "created_by_id": writer.user_id,
                    "modified_by_id": writer.user_id,
                    "assessment_id": pk,
                    "matter": matter.key,
                    "findings": findings,
                }
            )

    def plans_for(
        self,
        person: _Person,
        created: datetime.date,
        *,
        legacy: bool,
        overdue_by: int | None,
    ) -> None:
        """The first plan held, then a review and a new plan each cycle, up to today.

        Reviews are mostly held in the month before the 6-month date, some late; a move or a
        request brings them forward. Only a young person chosen to be overdue (`overdue_by`
        days at most) is left without a review past the 6-month date today, and only their
        requests stay open for more than the 28 days the council allows.
        """
        rng = self.rng
        today = self.today
        plan = self.new_plan(
            person,
            number=1,
            previous=None,
            created=created,
            comment=EARLIER_PLANS_NOTE if legacy else "",
        )
        in_force: list[tuple[datetime.date, _Plan]] = []
        pending: list[Row] = []  # review requests not yet met
        last_review: datetime.date | None = None
        covered: datetime.date | None = None  # moves up to this day need no request
        while plan.authorised_on is not None:
            authorised = plan.authorised_on
            in_force.append((authorised, plan))
            if covered is None:
                covered = authorised
            base = max(authorised, last_review or authorised)
            # The latest the review may be held: 6 months, or sooner while the council provides
            # their accommodation (Care Leavers (England) Regs 2010 reg 7(3)).
            six_months = add_months(base, rules_due.REVIEW_MONTHS)
            in_council = rules_due.accommodation_review_due(
                council_accommodation_since=person.council_accommodation_since(base),
                last_review_on=last_review,
            )
            limits = [six_months] + ([in_council.due] if in_council else [])
            limits += [
                start + datetime.timedelta(days=rules_due.FIRST_ACCOMMODATION_REVIEW_DAYS)
                for start, _ in person.council_spells
                if base < start < six_months
            ]
            six_months = max(min(limits), base + ONE_DAY)
            overdue_now = (
                overdue_by is not None
                and six_months
                < today
                <= six_months + datetime.timedelta(days=overdue_by + OVERDUE_MARGIN_DAYS)
            )
            if overdue_now:
                held = today  # not held: this is the review overdue today
            elif rng.random() < 0.15:
                held = six_months + self.days(1, 100)  # held late
                if held >= today and six_months < today:
                    held = six_months - self.days(0, 35)
            else:
                held = six_months - self.days(0, 35)
            trigger: tuple[str, datetime.date] | None = None
            moves = [day for day in person.moves if covered < day < today]
            if moves and moves[0] < held and not overdue_now:
                roll = rng.random()
                if roll < 0.72:
                    candidate = moves[0] + self.days(3, 27)
                elif roll < 0.82:
                    candidate = moves[0] + self.days(29, 75)
                else:
                    candidate = held
                if candidate < held:
                    held, trigger = candidate, (ReviewReason.ACCOMMODATION_CHANGED, moves[0])
            roll = rng.random()
            if roll < 0.07 and not overdue_now:
                # The young person (or, less often, the worker) asks for a review sooner.
                reason = (
                    ReviewReason.YOUNG_PERSON_ASKED
                    if roll < 0.05
                    else ReviewReason.WORKER_THOUGHT_NECESSARY
                )
                asked = base + self.days(20, 150)
                if asked < held and asked < today:
                    pending.append(self.request(person, in_force, reason, asked))
                    candidate = asked + self.days(3, 27)
                    if rng.random() < 0.85 and candidate < held:
                        held, trigger = candidate, (reason, asked)
            if held <= base:
                held = base + self.days(3, 20)
            waiting = [day for day in moves if day < held] + [
                row["requested_on"] for row in pending
            ]
            if (
                not overdue_now
                and held >= today
                and waiting
                and min(waiting) + 28 * ONE_DAY < today
            ):
                # A request is never left more than 28 days unless this review is overdue.
                first = min(waiting)
                held = max(first + self.days(3, 27), base + ONE_DAY)
                trigger = (
                    next(
                        (row["reason"] for row in pending if row["requested_on"] == first),
                        ReviewReason.ACCOMMODATION_CHANGED.value,
                    ),
                    first,
                )
            stop = min(held, today - ONE_DAY)
            for day in moves:
                if day <= stop:
                    pending.append(
                        self.request(person, in_force, ReviewReason.ACCOMMODATION_CHANGED, day)
                    )
            pending.sort(key=lambda row: (row["requested_on"], row["id"]))
            if held >= today or len(in_force) >= MAX_PLANS:
                break
            review = self.review(person, plan, pending, held, trigger)
            pending = []
            last_review = covered = held
            self.freeze(plan, held)
            next_plan = self.new_plan(
                person,
                number=plan.row["number"] + 1,
                previous=plan,
                created=held,
                comment=f"Started from the review held on {format_date(held)}.",
                rewrite=(
                    ["accommodation", schedule.CONTINGENCY]
                    if review["reason"] == ReviewReason.ACCOMMODATION_CHANGED
                    else []
                ),
            )
            review["resulting_plan_id"] = next_plan.row["id"]
            review["what_changed"] = self.what_changed(
                person, review["reason"], next_plan, plan.writer
            )
            if next_plan.authorised_on is None:
                # Being written: moves since the review ask for another (the old plan is in
                # force until the new one is authorised).
                for day in person.moves:
                    if held < day < today:
                        pending.append(
                            self.request(person, in_force, ReviewReason.ACCOMMODATION_CHANGED, day)
                        )
                break
            self.end_plan(plan, next_plan)
            plan = next_plan
        if in_force:
            self.freeze(in_force[-1][1], today)
        self.count_overdue(in_force, last_review, pending, person)

    def count_overdue(
        self,
        in_force: list[tuple[datetime.date, _Plan]],
        last_review: datetime.date | None,
        pending: list[Row],
        person: _Person,
    ) -> None:
        self.open_requests += len(pending)
        if not in_force:
            return
        asked: dict[str, list[datetime.date]] = {}
        for row in pending:
            asked.setdefault(row["reason"], []).append(row["requested_on"])
        due = rules_due.review_due(
            last_authorised_on=in_force[-1][0],
            last_review_on=last_review,
            young_person_asked_on=asked.get(ReviewReason.YOUNG_PERSON_ASKED, []),
            worker_asked_on=asked.get(ReviewReason.WORKER_THOUGHT_NECESSARY, []),
            accommodation_changed_on=asked.get(ReviewReason.ACCOMMODATION_CHANGED, []),
            council_accommodation_since=person.council_accommodation_since(self.today),
        )
        if due is not None and due.is_overdue(self.today):
            self.overdue += 1

    # Plans ------------------------------------------------------------------------------------

    def new_plan(
        self,
        person: _Person,
        *,
        number: int,
        previous: _Plan | None,
        created: datetime.date,
        comment: str,
        rewrite: Sequence[str] = (),
    ) -> _Plan:
        rng = self.rng
        young_person = person.young_person
        writer = self.writer_on(person, created)
        created_at = self.at(created, 15, 17) if previous else self.at(created, 9, 11)
        tags = self.tags(person, created)
        pk = self.ids[PathwayPlan].take()
        row: Row = {
            "id": pk,
            "created_at": created_at,
            "modified_at": created_at,
            "created_by_id": writer.user_id,
            "modified_by_id": writer.user_id,
            "young_person_id": young_person.pk,
            "number": number,
            "previous_plan_id": previous.row["id"] if previous else None,
            "state": PlanState.DRAFT.value,
            "submitted_at": None,
            "submitted_by_id": None,
            "authorised_at": None,
            "authorised_by_id": None,
            "authorisation_comments": "",
            "returned_at": None,
            "returned_by_id": None,
            "returned_comments": "",
            "shared_on": None,
            "shared_method": "",
            "copy_given_and_explained": False,
            "shared_by_id": None,
            "young_person_agreement": "",
            "young_persons_response": "",
            "effective_from": None,
            "effective_to": None,
            "version": 1,
        }
        self.plans.append(row)
        # What the plan says: the first from scratch; later ones carry the last plan over and
        # rewrite the sections the review changed.
        if previous is None:
            content = {
                d.key: self.pick_section(d.key, tags, person, writer)
                for d in schedule.PLAN_SECTIONS
            }
            changed = list(content)
        else:
            content = dict(previous.content)
            keys = [d.key for d in schedule.PLAN_SECTIONS]
            changed = rng.sample(keys, rng.randint(2, 4)) + list(rewrite)
            if self.accommodation_group(person, created) != self.accommodation_group(
                person, previous.created_at.date()
            ):
                changed.append("accommodation")
            if writer.user_id != previous.writer.user_id:
                # A new worker rewrites whatever named the last one.
                changed.append("contact_and_support")
                changed += [
                    key
                    for key, (words, assessment) in previous.content.items()
                    if previous.writer.first in words or previous.writer.first in assessment
                ]
            changed = [key for key in keys if key in set(changed)]
            for key in changed:
                content[key] = self.pick_section(
                    key, tags, person, writer, avoid=previous.content[key][0]
                )
        plan = _Plan(row=row, writer=writer, created_at=created_at, content=content)
        plan.sections_changed = changed
        events = self.timeline(created_at, first=previous is None)
        limit = events[1][1] if len(events) > 1 else self.at(self.today, 0, 0)
        unfinished: list[str] = []
        if previous is None and len(events) == 1:
            # A first plan still being written: some sections wait for the young person.
            unfinished = rng.sample(list(content), rng.randint(0, 3))
        section_ids = self.write_sections(plan, previous, limit, unfinished)
        self.write_actions_and_goals(plan, previous, person, tags, section_ids, limit)
        self.apply(plan, person, events, comment)
        return plan

    def timeline(
        self, created_at: datetime.datetime, *, first: bool
    ) -> list[tuple[str, datetime.datetime]]:
        """Started, submitted (perhaps returned and submitted again), authorised and shared;
        only what had happened before today."""
        rng = self.rng
        events = [(PlanState.DRAFT.value, created_at)]
        day = created_at.date() + (self.days(7, 35) if first else self.days(3, 24))
        if rng.random() < 0.08:
            day += self.days(15, 45)  # the worker was off, or the young person unavailable
        events.append((PlanState.SUBMITTED.value, self.at(day, 13, 16)))
        if rng.random() < 0.18:
            day += self.days(1, 6)
            events.append((PlanState.RETURNED.value, self.at(day, 9, 12)))
            day += self.days(2, 12)
            events.append((PlanState.SUBMITTED.value, self.at(day, 13, 16)))
        day += self.days(1, 10)
        events.append((PlanState.AUTHORISED.value, self.at(day, 9, 12)))
        if rng.random() < 0.96:
            day += self.days(0, 18)
            events.append((PlanState.SHARED.value, self.at(day, 14, 17)))
        return [event for event in events if event[1].date() < self.today]

    def apply(
        self,
        plan: _Plan,
        person: _Person,
        events: list[tuple[str, datetime.datetime]],
        comment: str,
    ) -> None:
        """Take the plan through its states, writing a state change and a history row each."""
        rng = self.rng
        row = plan.row
        writer = plan.writer
        for to_state, at in events:
            by = writer.user_id
            note = ""
            if to_state == PlanState.DRAFT:
                note = comment
            elif to_state == PlanState.SUBMITTED:
                row["submitted_at"], row["submitted_by_id"] = at, by
            elif to_state == PlanState.RETURNED:
                by = person.manager_id
                note = self.fill(rng.choice(RETURN_COMMENTS), person, writer)
                row["returned_at"], row["returned_by_id"] = at, by
                row["returned_comments"] = note
            elif to_state == PlanState.AUTHORISED:
                by = person.manager_id
                note = self.fill(rng.choice(AUTHORISE_COMMENTS), person, writer)
                row["authorised_at"], row["authorised_by_id"] = at, by
                row["authorisation_comments"] = note
                row["effective_from"] = at.date()
                plan.authorised_on = at.date()
            elif to_state == PlanState.SHARED:
                by = self.writer_on(person, at.date()).user_id
                agreement = _weighted(rng, AGREEMENTS)
                row["shared_on"] = at.date()
                row["shared_method"] = _weighted(rng, SHARE_METHODS).value
                row["copy_given_and_explained"] = True
                row["shared_by_id"] = by
                row["young_person_agreement"] = agreement.value
                row["young_persons_response"] = rng.choice(SHARE_RESPONSES[agreement])
            from_state = "" if to_state == PlanState.DRAFT else row["state"]
            row["state"] = to_state
            if to_state != PlanState.DRAFT:
                row["version"] += 1
            row["modified_at"], row["modified_by_id"] = at, by
            self.state_changes.append(
                {
                    "plan_id": row["id"],
                    "at": at,
                    "by_id": by,
                    "from_state": from_state,
                    "to_state": to_state,
                    "comment": note,
                }
            )
            self.remember(PathwayPlan, row, at, by, "+" if to_state == PlanState.DRAFT else "~")

    def end_plan(self, old: _Plan, new: _Plan) -> None:
        """Authorising the next plan ends the one in force (plans.services.plan_authorise)."""
        at = new.row["authorised_at"]
        by = new.row["authorised_by_id"]
        old.row["effective_to"] = at.date()
        old.row["version"] += 1
        old.row["modified_at"], old.row["modified_by_id"] = at, by
        self.remember(PathwayPlan, old.row, at, by, "~")

    def remember(
        self, model: type[models.Model], row: Row, at: datetime.datetime, by: int, kind: str
    ) -> None:
        entry = {name: row[name] for name in self.history_fields[model]}
        entry.update(
            history_date=at, history_type=kind, history_user_id=by, history_change_reason=None
        )
        self.history[model].append(entry)

    def write_sections(
        self,
        plan: _Plan,
        previous: _Plan | None,
        limit: datetime.datetime,
        unfinished: Iterable[str],
    ) -> dict[str, int]:
        """The ten sections, written between starting the plan and submitting it."""
        rng = self.rng
        created_at = plan.created_at
        unfinished = set(unfinished)
        ids = {}
        by = plan.writer.user_id
        span = max((limit - created_at).total_seconds(), 3600.0)
        for definition in schedule.PLAN_SECTIONS:
            key = definition.key
            words, assessment = plan.content[key]
            if key in unfinished:
                words = ""
                assessment = "" if key == schedule.CONTINGENCY else assessment
            pk = self.ids[PlanSection].take()
            ids[key] = pk
            edited_at = created_at + datetime.timedelta(seconds=span * rng.uniform(0.05, 0.9))
            changed = key in plan.sections_changed and key not in unfinished
            row: Row = {
                "id": pk,
                "created_at": created_at,
                "modified_at": edited_at if changed else created_at,
                "created_by_id": by,
                "modified_by_id": by,
                "plan_id": plan.row["id"],
                "key": key,
                "number": definition.number,
                "young_persons_words": words,
                "assessment": assessment,
                "version": 2 if changed else 1,
            }
            self.sections.append(row)
            if previous is not None and changed:
                old_words, old_assessment = previous.content[key]
                self.remember(
                    PlanSection,
                    {**row, "young_persons_words": old_words, "assessment": old_assessment},
                    created_at,
                    by,
                    "+",
                )
                self.remember(PlanSection, row, edited_at, by, "~")
            else:
                self.remember(PlanSection, row, created_at, by, "+")
        return ids

    def write_actions_and_goals(
        self,
        plan: _Plan,
        previous: _Plan | None,
        person: _Person,
        tags: set[str],
        section_ids: dict[str, int],
        limit: datetime.datetime,
    ) -> None:
        """Actions (who, by when) and one to three goals. A later plan carries over the
        actions not done and the goals not dropped, as plans.services.plan_create does."""
        rng = self.rng
        writer = plan.writer
        created_at = plan.created_at
        created = created_at.date()
        span = max((limit - created_at).total_seconds(), 3600.0)
        by = writer.user_id

        def added_at() -> datetime.datetime:
            return created_at + datetime.timedelta(seconds=span * rng.uniform(0.1, 0.95))

        carried = [
            action
            for action in (previous.actions if previous else [])
            if action["status"] not in (ActionStatus.DONE.value, ActionStatus.NOT_NEEDED.value)
        ]
        new_count = rng.randint(3, 5) if previous is None else rng.randint(1, 3)
        new_count = max(2 - len(carried), 0, min(new_count, 6 - len(carried)))
        taken = {action["what"] for action in carried}
        options = []
        for key, tag, what, who, within in ACTIONS:
            text = self.fill(what, person, writer)
            if tag in tags and text not in taken:
                options.append((key, text, who, within))
        weights = [3 if option[0] in plan.sections_changed else 1 for option in options]
        chosen: list[tuple[str, str, str, int]] = []
        while options and len(chosen) < new_count:
            index = rng.choices(range(len(options)), weights)[0]
            chosen.append(options.pop(index))
            weights.pop(index)
        for action in carried:
            self.add_action(
                plan,
                key=action["_key"],
                section_id=section_ids[action["_key"]],
                what=action["what"],
                who=action["who"],
                by_when=action["by_when"],
                status=action["status"],
                at=created_at,
                by=by,
            )
        for key, what, who, within in chosen:
            self.add_action(
                plan,
                key=key,
                section_id=section_ids[key],
                what=what,
                who=self.who(who, person, writer),
                by_when=created + self.days(max(1, within // 3), within),
                status=ActionStatus.NOT_STARTED.value,
                at=added_at(),
                by=by,
            )

        kept = [
            goal
            for goal in (previous.goals if previous else [])
            if goal["progress"] != GoalProgress.CHANGED.value
        ]
        if previous is None:
            wanted = rng.randint(1, 3)
        elif not kept:
            wanted = rng.randint(1, 2)
        else:
            wanted = min(3, len(kept) + (1 if rng.random() < 0.4 else 0))
        for goal in kept[:3]:
            self.add_goal(
                plan,
                goal["description"],
                goal["target_date"],
                goal["progress"],
                goal["progress_note"],
                goal["_notes"],
                created_at,
                by,
            )
        described = {goal["description"] for goal in plan.goals}
        fresh = [g for g in GOALS if g[0] in tags and g[1] not in described]
        for _, description, some, achieved in rng.sample(
            fresh, max(0, min(len(fresh), wanted - len(plan.goals)))
        ):
            self.add_goal(
                plan,
                description,
                created + self.days(60, 300),
                GoalProgress.NOT_STARTED.value,
                "",
                (some, achieved),
                added_at(),
                by,
            )

    def who(self, who: str, person: _Person, writer: _Writer) -> str:
        if who == "worker":
            return f"{writer.full} ({writer.role})"
        if who == "yp":
            return person.name
        if who == "together":
            return f"{person.name} and {writer.first}"
        return who

    def add_action(
        self,
        plan: _Plan,
        *,
        key: str,
        section_id: int,
        what: str,
        who: str,
        by_when: datetime.date,
        status: str,
        at: datetime.datetime,
        by: int,
    ) -> None:
        row: Row = {
            "id": self.ids[PlanAction].take(),
            "created_at": at,
            "modified_at": at,
            "created_by_id": by,
            "modified_by_id": by,
            "plan_id": plan.row["id"],
            "section_id": section_id,
            "what": what,
            "who": who[:200],
            "by_when": by_when,
            "status": status,
            "version": 1,
            "_key": key,
        }
        plan.actions.append(row)
        self.actions.append(row)
        self.remember(PlanAction, row, at, by, "+")

    def add_goal(
        self,
        plan: _Plan,
        description: str,
        target: datetime.date,
        progress: str,
        note: str,
        notes: tuple[str, str],
        at: datetime.datetime,
        by: int,
    ) -> None:
        row: Row = {
            "id": self.ids[Goal].take(),
            "created_at": at,
            "modified_at": at,
            "created_by_id": by,
            "modified_by_id": by,
            "plan_id": plan.row["id"],
            "description": description,
            "target_date": target,
            "progress": progress,
            "progress_note": note,
            "version": 1,
            "_notes": notes,
        }
        plan.goals.append(row)
        self.goals.append(row)
        self.remember(Goal, row, at, by, "+")

    def freeze(self, plan: _Plan, as_of: datetime.date) -> None:
        """How the actions and goals of an authorised plan stood on `as_of` (the review that
        replaced it, or today), each change dated and kept in the history."""
        if plan.frozen:
            return
        plan.frozen = True
        rng = self.rng
        start = plan.authorised_on or plan.created_at.date()
        last = min(as_of, self.today) - ONE_DAY
        if last <= start:
            return
        by = plan.writer.user_id
        for action in plan.actions:
            if action["by_when"] < as_of:
                status = _weighted(
                    rng,
                    (
                        (ActionStatus.DONE, 75),
                        (ActionStatus.IN_PROGRESS, 13),
                        (ActionStatus.NOT_STARTED, 6),
                        (ActionStatus.NOT_NEEDED, 6),
                    ),
                ).value
            elif (as_of - start).days > 14 and rng.random() < 0.4:
                status = ActionStatus.IN_PROGRESS.value
            else:
                status = action["status"]
            if status != action["status"]:
                day = min(max(action["by_when"] - self.days(0, 10), start + ONE_DAY), last)
                self.change(PlanAction, action, {"status": status}, day, by)
        for goal in plan.goals:
            some, achieved = goal["_notes"]
            if goal["target_date"] < as_of:
                progress = _weighted(
                    rng,
                    (
                        (GoalProgress.ACHIEVED, 45),
                        (GoalProgress.SOME_PROGRESS, 35),
                        (GoalProgress.CHANGED, 10),
                        (GoalProgress.NOT_STARTED, 10),
                    ),
                ).value
            elif rng.random() < 0.55:
                progress = GoalProgress.SOME_PROGRESS.value
            else:
                progress = goal["progress"]
            if progress != goal["progress"]:
                note = {
                    GoalProgress.SOME_PROGRESS.value: some,
                    GoalProgress.ACHIEVED.value: achieved,
                    GoalProgress.CHANGED.value: CHANGED_GOAL_NOTE,
                }.get(progress, goal["progress_note"])
                day = min(max(goal["target_date"] - self.days(0, 30), start + ONE_DAY), last)
                self.change(Goal, goal, {"progress": progress, "progress_note": note}, day, by)

    def change(
        self, model: type[models.Model], row: Row, values: Row, day: datetime.date, by: int
    ) -> None:
        at = self.at(day, 10, 17)
        if at <= row["created_at"]:
            at = row["created_at"] + datetime.timedelta(hours=1)
        row.update(values)
        row["version"] += 1
        row["modified_at"], row["modified_by_id"] = at, by
        self.remember(model, row, at, by, "~")

    # Reviews ----------------------------------------------------------------------------------

    def request(
        self,
        person: _Person,
        in_force: list[tuple[datetime.date, _Plan]],
        reason: str,
        day: datetime.date,
    ) -> Row:
        """A review asked for sooner than the 6-monthly one, against the plan then in force."""
        plan = next(
            (plan for authorised, plan in reversed(in_force) if authorised <= day),
            in_force[0][1],
        )
        if reason == ReviewReason.ACCOMMODATION_CHANGED:
            note = MOVE_NOTE
        elif reason == ReviewReason.YOUNG_PERSON_ASKED:
            note = self.rng.choice(ASK_NOTES)
        else:
            note = self.rng.choice(WORKER_NOTES)
        by = self.writer_on(person, day).user_id
        at = self.at(day, 9, 17)
        row: Row = {
            "id": self.ids[PlanReview].take(),
            "created_at": at,
            "modified_at": at,
            "created_by_id": by,
            "modified_by_id": by,
            "young_person_id": person.young_person.pk,
            "plan_id": plan.row["id"],
            "reason": str(reason),
            "requested_on": day,
            "requested_by_id": by,
            "request_note": note,
            "held_on": None,
            "what_changed": "",
            "young_persons_views": "",
            "recorded_by_id": None,
            "met_by_id": None,
            "resulting_plan_id": None,
        }
        self.reviews.append(row)
        return row

    def review(
        self,
        person: _Person,
        plan: _Plan,
        pending: list[Row],
        held: datetime.date,
        trigger: tuple[str, datetime.date] | None,
    ) -> Row:
        """Record a review held: on the request that led to it, or as a scheduled review; it
        meets every open request (plans.services.review_record)."""
        recorder = self.writer_on(person, held)
        at = self.at(held, 10, 14)
        review = None
        if trigger is not None:
            review = next(
                (
                    row
                    for row in pending
                    if row["reason"] == trigger[0] and row["requested_on"] == trigger[1]
                ),
                None,
            )
        if review is None:
            review = {
                "id": self.ids[PlanReview].take(),
                "created_at": at,
                "created_by_id": recorder.user_id,
                "young_person_id": person.young_person.pk,
                "reason": ReviewReason.SCHEDULED.value,
                "requested_on": None,
                "requested_by_id": None,
                "request_note": "",
                "met_by_id": None,
            }
            self.reviews.append(review)
        review.update(
            plan_id=plan.row["id"],
            held_on=held,
            modified_at=at,
            modified_by_id=recorder.user_id,
            recorded_by_id=recorder.user_id,
            young_persons_views=self.rng.choice(REVIEW_VIEWS[review["reason"]]),
        )
        for row in pending:
            if row is not review:
                row["met_by_id"] = review["id"]
        self.reviews_held += 1
        return review

    def what_changed(self, person: _Person, reason: str, plan: _Plan, writer: _Writer) -> str:
        intro = self.fill(self.rng.choice(REVIEW_INTROS[reason]), person, writer)
        titles = "; ".join(schedule.SECTIONS_BY_KEY[key].title for key in plan.sections_changed)
        carried = (
            " Actions not yet done and goals still being worked on carry over to the new plan."
        )
        return f"{intro} Sections updated: {titles}.{carried}"

    # Writing ----------------------------------------------------------------------------------

    def save(self) -> dict[str, int]:
        write_rows(NeedsAssessment, self.assessments, batch_size=BATCH, with_ids=True)
        write_rows(AssessmentSection, self.assessment_sections, batch_size=BATCH)
        write_rows(PathwayPlan, self.plans, batch_size=BATCH, with_ids=True)
        write_rows(PlanSection, self.sections, batch_size=BATCH, with_ids=True)
        write_rows(PlanAction, self.actions, batch_size=BATCH, with_ids=True)
        write_rows(Goal, self.goals, batch_size=BATCH, with_ids=True)
        write_rows(PlanStateChange, self.state_changes, batch_size=BATCH)
        write_rows(PlanReview, self.reviews, batch_size=BATCH, with_ids=True)
        for model, rows in self.history.items():
            write_rows(model.history.model, rows, batch_size=BATCH)  # type: ignore[attr-defined]
        return {
            "needs assessments": len(self.assessments),
            "needs assessments in progress": self.assessments_in_progress,
            "pathway plans": len(self.plans),
            "plan reviews held": self.reviews_held,
            "plan review requests open": self.open_requests,
            "plan reviews overdue": self.overdue,
        }


def seed(
    *, rng: random.Random, today: datetime.date, young_people: list[Any], workers: list[Any]
) -> dict[str, int]:
    """Needs assessments, plans and reviews for the eligible, relevant and former relevant
    young people aged 16 or over in this chunk."""
    wanted = [
        person
        for person in young_people
        if person.category in PLAN_CATEGORIES and age_on(person.date_of_birth, today) >= 16
    ]
    if not wanted or not workers:
        return {}
    seeder = _Seeder(rng, today, workers)
    for person in seeder.people(wanted):
        seeder.person(person)
    return seeder.save()
