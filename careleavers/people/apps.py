from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "careleavers.people"
    label = "people"
    verbose_name = "Young people"

    def ready(self) -> None:
        from careleavers.people import navigation, record_sources

        navigation.register()
        record_sources.register()
