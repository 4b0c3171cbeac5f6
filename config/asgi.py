from django.core.asgi import get_asgi_application

from config.environment import use_settings_for_purpose

use_settings_for_purpose()

application = get_asgi_application()
