from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "careleavers.demo"
    label = "demo"
    verbose_name = "Demo data"
