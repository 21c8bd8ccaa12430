from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "careleavers.learning"
    label = "learning"
    verbose_name = "Education, employment and training"
