"""
gunicorn's configuration for the site: `gunicorn -c deploy/gunicorn.conf.py config.wsgi`.
Every value can be changed from the environment (gunicorn also reads GUNICORN_CMD_ARGS).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# A second gunicorn on this machine may bind the same address: the kernel shares the
# connections between them, so one can be restarted while the other serves.
reuse_port = True
# Two processes per core, plus one: pages spend their time in Python and the database.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Pages take milliseconds and uploads a second or two (images/uploads.py bounds them).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Recycle workers now and then, so a slow leak anywhere never grows for weeks.
max_requests = 2000
max_requests_jitter = 200
# The TLS proxy (or Varnish) in front sets X-Forwarded-For and X-Forwarded-Proto.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
