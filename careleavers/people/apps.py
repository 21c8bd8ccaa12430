from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "careleavers.people"
    label = "people"
    verbose_name = "Young people"
