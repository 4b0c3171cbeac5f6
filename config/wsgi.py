from django.core.wsgi import get_wsgi_application

from config.environment import use_settings_for_purpose

use_settings_for_purpose()

application = get_wsgi_application()
