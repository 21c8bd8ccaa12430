"""Settings for the care leavers service, read from the environment.

One module for every environment: what differs between a laptop demo, CI and production comes
from environment variables (README.md lists them), never from a second settings file.
"""

from __future__ import annotations

from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

# "local" is the one-command demo on a laptop; "production" turns on HTTPS-only cookies, HSTS and
# the redirect to HTTPS. CI runs `check --deploy` with ENVIRONMENT=production.
ENVIRONMENT = env.str("ENVIRONMENT", default="local")
IS_PRODUCTION = ENVIRONMENT == "production"

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str(
    "SECRET_KEY",
    # The fallback exists only so a laptop demo starts; production refuses to start without one.
    default="" if IS_PRODUCTION else "local-demo-secret-key-not-for-production-use-0123456789",
)
if not SECRET_KEY:
    raise environ.ImproperlyConfigured("Set SECRET_KEY in the environment.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # The project form renderer (TemplatesSetting) finds Django's own widget templates here.
    "django.forms",
    "rules.apps.AutodiscoverRulesConfig",
    # Our apps come before allauth so their templates override allauth's with GOV.UK markup.
    "careleavers.core",
    "careleavers.accounts",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "django_htmx",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "careleavers.people",
    "careleavers.casework",
    "careleavers.plans",
    "careleavers.returns",
    "careleavers.accommodation",
    "careleavers.learning",
    "careleavers.transitions",
    "careleavers.offer",
    "careleavers.quality",
    "careleavers.workforce",
    "careleavers.insight",
    "careleavers.portal",
    "careleavers.dataprotection",
    "careleavers.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every view needs a signed-in user unless it is marked @login_not_required: a view that
    # forgets its permission check still cannot be reached anonymously.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "careleavers.accounts.middleware.AccountAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes must be last so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "careleavers.core.context_processors.branding",
                "careleavers.core.context_processors.navigation",
            ],
            "builtins": ["careleavers.core.templatetags.govuk"],
        },
    }
]
FORM_RENDERER = "careleavers.core.forms.renderer.GovukFormRenderer"

DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Persistent connections, checked before reuse, so the app recovers by itself when PostgreSQL
# restarts under it.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# PostgreSQL's JIT compiler is for long analytical queries. On this service's page queries it
# cost more than it saved: a search over 100,000 young people spent 330 of its 450 ms compiling
# (benchmarks/README). Turned off for the app's connections; a pooler in transaction mode must
# pass startup options through, or set `jit = off` for the database instead.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
# An optional read replica for dashboards and exports (careleavers/core/replica.py decides which
# reads go there). In tests it mirrors the default database unless a test points it elsewhere.
DATABASE_REPLICA_URL = env.str("DATABASE_REPLICA_URL", default="")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = env.db_url("DATABASE_REPLICA_URL")
    DATABASES["replica"]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["replica"]["OPTIONS"] = dict(DATABASES["default"].get("OPTIONS", {}))
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["careleavers.core.replica.ReplicaRouter"]

# The council's DfE local authority code, which picks its row and statistical neighbours from the
# DfE benchmark tables (380 is Bradford, the council the Ofsted letter is about).
COUNCIL_LA_CODE = env.str("COUNCIL_LA_CODE", default="380")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    # The database cache keeps app servers stateless without needing Redis for the demo.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "careleavers_cache",
        }
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "careleavers.accounts.backends.CareleaversAuthenticationBackend",
]
# Argon2id first (careleavers/accounts/hashers.py says why); the rest verify older hashes.
PASSWORD_HASHERS = [
    "careleavers.accounts.hashers.OwaspArgon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "account_login"

# django-allauth: staff and young people sign in by email; nobody can register themselves
# (staff are created by administrators, young people are invited by their worker).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_ADAPTER = "careleavers.accounts.adapters.AccountAdapter"
ACCOUNT_FORMS = {"login": "careleavers.accounts.forms.LoginForm"}
MFA_ADAPTER = "careleavers.accounts.adapters.MFAAdapter"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
# Sign-in rate limits. The per-address limits are settings because a council's staff often
# reach the service through one address (the council's proxy): 30 sign-ins a minute from it
# would lock out a whole office at nine o'clock. The per-account limit and the lockout below
# stop guessing at one account wherever it comes from.
ACCOUNT_RATE_LIMITS = {
    "login": env.str("LOGIN_RATE_LIMIT", default="30/m/ip"),
    "login_failed": env.str("LOGIN_FAILED_RATE_LIMIT", default="10/m/ip,5/5m/key"),
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("SERVICE_NAME", default="Care leavers service")
# Every staff role must use an authenticator app. Only the laptop demo may relax this, and the
# start script says so when it does.
STAFF_MFA_REQUIRED = env.bool("STAFF_MFA_REQUIRED", default=True)
if IS_PRODUCTION and not STAFF_MFA_REQUIRED:
    raise environ.ImproperlyConfigured("STAFF_MFA_REQUIRED cannot be turned off in production.")

# django-axes: lock an account on one address after repeated failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "careleavers.accounts.backends.axes_username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0)
# allauth's rate limits read the client address the same way as the lockout.
ALLAUTH_TRUSTED_PROXY_COUNT = AXES_IPWARE_PROXY_COUNT

# Sessions live in the database (no local state on an app server) and end after a period of
# inactivity: saving on every request moves the expiry forward while someone is working.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_MINUTES", default=30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if IS_PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
PERMISSIONS_POLICY: dict[str, list[str]] = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Files (subject access request packs) go to configured storage, so app servers keep no local
# state: MEDIA_ROOT on a volume every server shares, or another Django storage backend (for
# example django-storages' S3Storage) named by FILE_STORAGE_BACKEND.
STORAGES = {
    "default": {
        "BACKEND": env.str(
            "FILE_STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage"
        )
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Finders let tests and a fresh checkout serve the committed assets before collectstatic runs.
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="no-reply@careleavers.example")

# Background tasks (the SSDA903 validator): a queue in the database, run by `manage.py db_worker`
# (scripts/start starts one beside the web server). Tests run each task at once, in the test.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if ENVIRONMENT == "test"
            else "django_tasks_db.DatabaseBackend"
        )
    }
}

# The council's branding and the numbers a young person needs in a crisis. Shown on every page.
BRANDING = {
    "service_name": env.str("SERVICE_NAME", default="Care leavers service"),
    "council_name": env.str("COUNCIL_NAME", default="Bradley Metropolitan District Council"),
    "logo_url": env.str("COUNCIL_LOGO_URL", default=""),
    "duty_phone": env.str("DUTY_PHONE", default="01274 000 000"),
    "out_of_hours_phone": env.str("OUT_OF_HOURS_PHONE", default="01274 000 999"),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
