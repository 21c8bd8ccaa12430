"""Who holds a document's original: "Nobody" is now an answer of its own ("nobody"), and blank
means nobody has said. Until now "Nobody" was the blank choice, so the form showed it already
chosen for every new document; rows saved blank are kept blank, since they cannot tell an answer
from a question never asked."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('offer', '0002_default_offer'),
    ]

    operations = [
        migrations.AlterField(
            model_name='importantdocument',
            name='original_held_by',
            field=models.CharField(blank=True, choices=[('young_person', 'The young person'), ('leaving_care', 'The leaving care team'), ('carer', 'Their carer or placement'), ('other', 'Someone else'), ('nobody', 'Nobody (no original)')], default='', max_length=15),
        ),
    ]
