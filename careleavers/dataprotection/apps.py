from django.apps import AppConfig


class DataProtectionConfig(AppConfig):
    name = "careleavers.dataprotection"
    label = "dataprotection"
    verbose_name = "Data protection"
