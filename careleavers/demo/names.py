"""Names for the demo's young people, drawn from seeded Faker pools.

Most names come from Faker's en_GB provider. Faker's names suit white British and mixed
heritage young people but read oddly for others, so young people of Pakistani, Bangladeshi and
Indian heritage, and separated migrant children from the countries most arrive from, draw on
short lists of common names instead. The pools are drawn once, then young people pick from them
with their own seeded random generator, which is both fast and deterministic.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from faker import Faker

POOL_SIZE = 400


@dataclass(frozen=True)
class NameSet:
    male: tuple[str, ...]
    female: tuple[str, ...]
    last: tuple[str, ...]

    def pick(self, rng: random.Random, sex: str) -> tuple[str, str]:
        if sex == "U":
            firsts = self.male if rng.random() < 0.5 else self.female
        else:
            firsts = self.male if sex == "M" else self.female
        return rng.choice(firsts), rng.choice(self.last)


# fmt: off
# British Pakistani, Bangladeshi and Indian heritage: common names in England.
PAKISTANI = NameSet(
    male=("Ayaan", "Zain", "Hamza", "Ibrahim", "Yusuf", "Ali", "Bilal", "Haris", "Adam",
          "Rayyan", "Usman", "Imran", "Zakariya", "Musa", "Idris", "Hassan", "Aqib", "Faisal"),
    female=("Aisha", "Maryam", "Zara", "Hafsa", "Amina", "Inaya", "Safa", "Iqra", "Noor",
            "Sana", "Hira", "Mahnoor", "Aleena", "Zainab", "Khadija", "Laiba"),
    last=("Khan", "Hussain", "Ahmed", "Ali", "Akhtar", "Mahmood", "Iqbal", "Shah", "Rashid",
          "Bashir", "Aslam", "Saddique", "Butt", "Mirza", "Qureshi", "Riaz", "Anwar"),
)
BANGLADESHI = NameSet(
    male=("Abdul", "Rahim", "Sayed", "Tanvir", "Rafiq", "Shahid", "Jamal", "Nayeem", "Ismail"),
    female=("Fatema", "Sumaiya", "Tahmina", "Nusrat", "Rumana", "Shirin", "Jannat", "Ruksana"),
    last=("Rahman", "Miah", "Uddin", "Begum", "Islam", "Hoque", "Chowdhury", "Ahmed", "Alam"),
)
INDIAN = NameSet(
    male=("Arjun", "Rohan", "Jaspreet", "Harpreet", "Kiran", "Vikram", "Dev", "Sunil", "Anil"),
    female=("Priya", "Simran", "Anjali", "Navneet", "Pooja", "Meera", "Kirandeep", "Asha"),
    last=("Patel", "Singh", "Kaur", "Sharma", "Kumar", "Mistry", "Sandhu", "Gill", "Bains"),
)
CENTRAL_EUROPEAN = NameSet(
    male=("Jakub", "Kacper", "Filip", "Dawid", "Mateusz", "Tomas", "Marek", "Lukas", "Adrian"),
    female=("Zuzana", "Natalia", "Wiktoria", "Klaudia", "Nikola", "Alexandra", "Denisa"),
    last=("Nowak", "Kowalski", "Wisniewski", "Horvath", "Balog", "Lakatos", "Kovac", "Dudek",
          "Popescu", "Sarkozi", "Gabor", "Mazur"),
)

# fmt: on


@dataclass(frozen=True)
class Origin:
    """Where a separated migrant child comes from, with what usually goes with it."""

    country: str
    weight: int
    ethnicity: str
    languages: tuple[str, ...]
    faith: tuple[str, ...]
    culture: str
    names: NameSet


# The countries most separated migrant children in England come from (Home Office asylum
# statistics list Afghanistan, Eritrea, Sudan, Iran, Iraq, Vietnam and Albania among the top).
# fmt: off
ORIGINS = (
    Origin("Afghanistan", 26, "AOTH", ("Pashto", "Dari"), ("Muslim",), "Afghan",
           NameSet(male=("Ahmad", "Mohammad", "Hamid", "Rahmatullah", "Farid", "Naveed",
                         "Sami", "Jawad", "Mustafa", "Habib", "Wahid", "Nasir"),
                   female=("Mariam", "Zahra", "Freshta", "Nilofar", "Shabnam"),
                   last=("Ahmadi", "Rahimi", "Safi", "Noori", "Hakimi", "Karimi", "Stanikzai",
                         "Popal", "Wardak", "Sultani", "Amiri", "Zadran"))),
    Origin("Sudan", 18, "BAFR", ("Arabic",), ("Muslim",), "Sudanese",
           NameSet(male=("Mohamed", "Ahmed", "Abdelrahman", "Osman", "Yousif", "Adam",
                         "Hamza", "Abubakar", "Elsadig"),
                   female=("Fatima", "Hawa", "Amna", "Samah"),
                   last=("Ibrahim", "Abdalla", "Hassan", "Adam", "Musa", "Elamin", "Osman",
                         "Yagoub", "Ishag"))),
    Origin("Eritrea", 16, "BAFR", ("Tigrinya",), ("Christian (Orthodox)", "Muslim"),
           "Eritrean",
           NameSet(male=("Yonas", "Filmon", "Dawit", "Robel", "Semere", "Biniam", "Mussie",
                         "Henok"),
                   female=("Selam", "Helen", "Senait", "Luwam", "Ruta", "Saba"),
                   last=("Tesfay", "Gebremedhin", "Haile", "Kidane", "Berhane", "Tekle",
                         "Ghebreyesus", "Woldu"))),
    Origin("Iran", 9, "OOTH", ("Farsi", "Kurdish (Sorani)"), ("Muslim", "Christian", ""),
           "Iranian",
           NameSet(male=("Amir", "Reza", "Ali", "Hossein", "Mehdi", "Arash", "Saman"),
                   female=("Shirin", "Parisa", "Maryam"),
                   last=("Mohammadi", "Hosseini", "Rezaei", "Ahmadi", "Karimi", "Moradi"))),
    Origin("Iraq", 9, "OOTH", ("Kurdish (Sorani)", "Arabic"), ("Muslim",), "Iraqi Kurdish",
           NameSet(male=("Karwan", "Rebwar", "Aram", "Shvan", "Hawre", "Dilshad", "Zana"),
                   female=("Shilan", "Nazdar", "Rozhin"),
                   last=("Ahmed", "Karim", "Mahmood", "Rasul", "Qadir", "Aziz", "Salih"))),
    Origin("Vietnam", 8, "AOTH", ("Vietnamese",), ("Buddhist", ""), "Vietnamese",
           NameSet(male=("Minh", "Tuan", "Duc", "Huy", "Long", "Quang", "Nam"),
                   female=("Linh", "Trang", "Thao", "Ngoc"),
                   last=("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang"))),
    Origin("Albania", 8, "WOTH", ("Albanian",), ("Muslim", "Christian", ""), "Albanian",
           NameSet(male=("Arben", "Ermal", "Kristi", "Endrit", "Klevis", "Erion", "Besnik"),
                   female=("Ardita", "Elira", "Klea"),
                   last=("Hoxha", "Shehu", "Krasniqi", "Leka", "Gashi", "Dervishi", "Bega"))),
    Origin("Syria", 4, "OOTH", ("Arabic",), ("Muslim",), "Syrian",
           NameSet(male=("Omar", "Khaled", "Yazan", "Mahmoud", "Tarek"),
                   female=("Rama", "Lana", "Hala"),
                   last=("Al-Hassan", "Haddad", "Darwish", "Al-Ahmad", "Sabbagh"))),
    Origin("Ethiopia", 2, "BAFR", ("Amharic", "Oromo"), ("Christian (Orthodox)", "Muslim"),
           "Ethiopian",
           NameSet(male=("Abel", "Kaleb", "Natnael", "Bereket"),
                   female=("Hiwot", "Meron", "Bethlehem"),
                   last=("Tadesse", "Bekele", "Alemu", "Girma", "Desta"))),
)
# fmt: on


@dataclass(frozen=True)
class NamePools:
    """Names drawn once from a seeded Faker, for young people to pick from."""

    english: NameSet
    black_african: NameSet
    streets: tuple[str, ...]
    firms: tuple[str, ...]

    @classmethod
    def draw(cls, fake: Faker, seed: int) -> NamePools:
        nigerian = Faker("en_NG")
        nigerian.seed_instance(seed)
        english = NameSet(
            male=_unique(fake.first_name_male, POOL_SIZE),
            female=_unique(fake.first_name_female, POOL_SIZE),
            last=_unique(fake.last_name, POOL_SIZE * 2),
        )
        black_african = NameSet(
            male=_unique(nigerian.first_name_male, POOL_SIZE // 4),
            female=_unique(nigerian.first_name_female, POOL_SIZE // 4),
            last=_unique(nigerian.last_name, POOL_SIZE // 4),
        )
        streets = _unique(fake.street_name, POOL_SIZE)
        firms = _unique(lambda: f"{fake.last_name()} & {fake.last_name()} Solicitors", 30)
        return cls(english=english, black_african=black_african, streets=streets, firms=firms)

    def for_ethnicity(self, ethnicity: str) -> NameSet:
        if ethnicity == "APKN":
            return PAKISTANI
        if ethnicity == "ABAN":
            return BANGLADESHI
        if ethnicity == "AIND":
            return INDIAN
        if ethnicity in ("WOTH", "WROM"):
            return CENTRAL_EUROPEAN
        if ethnicity == "BAFR":
            return self.black_african
        return self.english


def _unique(maker: Callable[[], str], count: int) -> tuple[str, ...]:
    """Call ``maker`` ``count`` times, keeping the first of each name (order-stable)."""
    seen: dict[str, None] = {}
    for _ in range(count):
        seen.setdefault(maker(), None)
    return tuple(seen)


# Short forms people often go by, for preferred names.
# fmt: off
SHORT_FORMS = {
    "Alexander": "Alex", "Alexandra": "Lexi", "Benjamin": "Ben", "Charlotte": "Charlie",
    "Christopher": "Chris", "Daniel": "Dan", "Elizabeth": "Beth", "Jacob": "Jake",
    "James": "Jim", "Jessica": "Jess", "Jonathan": "Jon", "Joseph": "Joe", "Joshua": "Josh",
    "Katherine": "Kat", "Matthew": "Matt", "Michael": "Mikey", "Natalie": "Nat",
    "Nathan": "Nate", "Nicholas": "Nick", "Oliver": "Ollie", "Rebecca": "Becky",
    "Samuel": "Sam", "Samantha": "Sam", "Thomas": "Tom", "Victoria": "Tori", "William": "Will",
    "Zachary": "Zac", "Mohammad": "Mo", "Mohamed": "Mo", "Abdelrahman": "Abdo",
    "Rahmatullah": "Rahmat", "Gabriella": "Gabby", "Isabella": "Izzy", "Olivia": "Liv",
    "Eleanor": "Ellie", "Frederick": "Freddie", "Harrison": "Harry", "Jasmine": "Jaz",
}
# fmt: on
