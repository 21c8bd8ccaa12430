from django.apps import AppConfig


class TransitionsConfig(AppConfig):
    name = "careleavers.transitions"
    label = "transitions"
    verbose_name = "Transitions and health"
