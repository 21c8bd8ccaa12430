"""Settings for the care leavers service, read from the environment.

One module for every environment: what differs between a laptop demo, CI and production comes
from environment variables (README.md lists them), never from a second settings file.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

# Where the service is running. Each name sets a known group of rules, and anything else (a typo,
# or nothing at all) refuses to start rather than quietly getting the laptop demo's defaults:
# - local: the one-command demo on a laptop (scripts/start);
# - test: the automated tests (scripts/test) and CI's other checks;
# - staging and production: a council's servers. Both hold real people's records, so both get
#   every production rule: HTTPS only, HSTS, MFA, a real secret, real email and GOV.UK Notify.
ENVIRONMENTS = ("local", "test", "staging", "production")
ENVIRONMENT = env.str("ENVIRONMENT", default="")
if ENVIRONMENT not in ENVIRONMENTS:
    raise environ.ImproperlyConfigured(
        f"ENVIRONMENT is {ENVIRONMENT!r}: set it to one of {', '.join(ENVIRONMENTS)}."
    )
IS_DEPLOYED = ENVIRONMENT in ("staging", "production")


def _required_when_deployed(name: str, why: str) -> None:
    if IS_DEPLOYED and not env.str(name, default=""):
        raise environ.ImproperlyConfigured(f"Set {name} in the environment: {why}.")


DEBUG = env.bool("DEBUG", default=False)
if IS_DEPLOYED and DEBUG:
    raise environ.ImproperlyConfigured(
        f"DEBUG cannot be turned on in {ENVIRONMENT}: error pages would show people's records "
        "and the settings to anyone."
    )
_required_when_deployed("SECRET_KEY", "a long random secret that signs sessions and links")
# The fallback exists only so the laptop demo and the tests start without one.
SECRET_KEY = env.str(
    "SECRET_KEY",
    default="" if IS_DEPLOYED else "local-demo-secret-key-not-for-production-use-0123456789",
)
# The same test as Django's deployment check (security.W009), made a refusal: gunicorn does not
# run the checks.
if IS_DEPLOYED and (
    len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure-")
):
    raise environ.ImproperlyConfigured(
        "SECRET_KEY is too weak: use at least 50 random characters, for example from "
        '`python -c "import secrets; print(secrets.token_urlsafe(50))"`.'
    )
_required_when_deployed("ALLOWED_HOSTS", "the service's host name(s)")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
# The address at the start of every link in a text or email sent when no one is at a page (the
# day-before reminder of an appointment). On a council's servers it is the first host name, over
# HTTPS, unless SERVICE_ADDRESS says otherwise (a proxy in front with another name).
SERVICE_ADDRESS = env.str(
    "SERVICE_ADDRESS",
    default=f"https://{ALLOWED_HOSTS[0]}" if IS_DEPLOYED else "http://127.0.0.1:8000",
)
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
    # A session in use is saved again at most once a minute, which keeps the idle limit.
    "careleavers.accounts.sessions.SessionTouchMiddleware",
    # Every rendered page and file says Cache-Control: no-store (static files never get here).
    "careleavers.core.middleware.NoStoreMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # English for every page, except a young person's own pages, which are in the language they
    # chose (careleavers/portal/language.py). Before the messages middleware, so a message is
    # stored in the language of the page that made it.
    "careleavers.portal.language.YoungPersonLanguageMiddleware",
    # The acting user and client address, for audit events written below the view.
    "careleavers.core.request_context.RequestContextMiddleware",
    # Every view needs a signed-in user unless it is marked @login_not_required: a view that
    # forgets its permission check still cannot be reached anonymously. Words typed in a form
    # sent after the session ended are kept for after sign-in (core/kept_words.py).
    "careleavers.core.kept_words.KeepWordsLoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the messages middleware: signing someone out says why.
    "careleavers.accounts.middleware.AccountAccessMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
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
                "careleavers.portal.language.language_picker",
            ],
            # i18n too: a young person's pages mark their words for translation ({% translate %}).
            "builtins": ["careleavers.core.templatetags.govuk", "django.templatetags.i18n"],
        },
    }
]
FORM_RENDERER = "careleavers.core.forms.renderer.GovukFormRenderer"

# A file next to the code is only for the laptop demo: a council's servers name their database.
_required_when_deployed("DATABASE_URL", "postgres://app_role:password@host:5432/name")
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
if IS_DEPLOYED and DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise environ.ImproperlyConfigured(
        f"DATABASE_URL must be a PostgreSQL database in {ENVIRONMENT}: the audit log's "
        "protections are PostgreSQL's (README.md, Database roles)."
    )
# The SQLite demo serves several people at once (gunicorn runs two workers). Write-ahead logging
# lets pages read while another request writes; a busy timeout makes a writer wait its turn
# instead of failing with "database is locked"; and immediate transactions take the write lock
# when a transaction begins, because a transaction that reads and only later tries to write
# cannot wait for the lock (SQLite refuses it at once rather than risk a deadlock).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env.int("SQLITE_BUSY_TIMEOUT_SECONDS", default=30),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
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

# django-allauth: staff sign in by email; young people by email or mobile number, with a
# password or a code texted to them (careleavers/portal/signin.py, which never texts staff a
# code). Nobody can register themselves (staff are created by administrators, young people are
# invited by their worker). "phone" among the sign-up fields switches on allauth's pages for
# changing the number, which check it with a code.
ACCOUNT_LOGIN_METHODS = {"email", "phone"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "phone", "password1*", "password2*"]
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
# A text can take a minute or two to arrive.
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 10 * 60
ACCOUNT_LOGIN_BY_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
ACCOUNT_PHONE_VERIFICATION_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
ACCOUNT_PHONE_VERIFICATION_TIMEOUT = 10 * 60
# "Keep me signed in on this phone", for young people only (careleavers/accounts/sessions.py).
YOUNG_PERSON_SESSION_DAYS = env.int("YOUNG_PERSON_SESSION_DAYS", default=30)
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_ADAPTER = "careleavers.portal.signin.YoungPersonAccountAdapter"
ACCOUNT_FORMS = {
    "login": "careleavers.accounts.forms.LoginForm",
    "request_login_code": "careleavers.portal.signin.RequestSignInCodeForm",
    "confirm_login_code": "careleavers.portal.signin.ConfirmSignInCodeForm",
    "verify_phone": "careleavers.portal.signin.VerifyPhoneCodeForm",
    "reset_password": "careleavers.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "careleavers.accounts.forms.ResetPasswordKeyForm",
}
MFA_ADAPTER = "careleavers.accounts.adapters.MFAAdapter"
ACCOUNT_LOGOUT_ON_GET = False
# None: the sign-in form has the tick, which only a young person's session heeds.
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
# Sign-in rate limits. The per-address limits are settings because a council's staff often
# reach the service through one address (the council's proxy): 30 sign-ins a minute from it
# would lock out a whole office at nine o'clock. The per-account limit and the lockout below
# stop guessing at one account wherever it comes from.
ACCOUNT_RATE_LIMITS = {
    "login": env.str("LOGIN_RATE_LIMIT", default="30/m/ip"),
    "login_failed": env.str("LOGIN_FAILED_RATE_LIMIT", default="10/m/ip,5/5m/key"),
    # Each texted code costs the council money and lands on someone's phone: a few an hour
    # for one number, and a limit per address against someone trying many numbers.
    "request_login_code": env.str("SIGN_IN_CODE_RATE_LIMIT", default="10/m/ip,3/15m/key"),
    "change_phone": "3/h/user",
    "verify_phone": "1/30s/key,3/m/ip",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("SERVICE_NAME", default="Care leavers service")
# Every staff role must use an authenticator app. Only the laptop demo may relax this, and the
# start script says so when it does.
STAFF_MFA_REQUIRED = env.bool("STAFF_MFA_REQUIRED", default=True)
if IS_DEPLOYED and not STAFF_MFA_REQUIRED:
    raise environ.ImproperlyConfigured(
        f"STAFF_MFA_REQUIRED cannot be turned off in {ENVIRONMENT}."
    )

# Sign-in: the authenticator set-up form, email addresses and the council's single sign-on
# (careleavers/accounts; README "Production" says what a council sets).
MFA_FORMS = {"activate_totp": "careleavers.accounts.forms.ActivateTOTPForm"}
# Email confirmation links carry a random key kept in the database, not one derived from
# SECRET_KEY, so nobody can make a working link without receiving the email.
ACCOUNT_EMAIL_CONFIRMATION_HMAC = False
INSTALLED_APPS += ["allauth.socialaccount", "allauth.socialaccount.providers.openid_connect"]
SOCIALACCOUNT_ADAPTER = "careleavers.accounts.sso.SocialAccountAdapter"
# Single sign-on only signs in accounts an administrator made: never a new account.
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_LOGIN_ON_GET = False
OIDC_SERVER_URL = env.str("OIDC_SERVER_URL", default="")
OIDC_PROVIDER_ID = "council"
# Values of the ID token's `amr` claim (RFC 8176) that show the provider asked for a second
# factor. Empty: staff still give the service's own authenticator code after signing in.
OIDC_MFA_AMR_VALUES = env.list("OIDC_MFA_AMR_VALUES", default=[])
# Email domains the council's identity provider is the authority for: an address at one of
# them counts as verified even when the provider sends no `email_verified` claim (Entra ID).
OIDC_VERIFIED_EMAIL_DOMAINS = [
    domain.lower() for domain in env.list("OIDC_VERIFIED_EMAIL_DOMAINS", default=[])
]
if OIDC_SERVER_URL:
    _oidc_missing = [
        name for name in ("OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET") if not env.str(name, default="")
    ]
    if _oidc_missing:
        raise environ.ImproperlyConfigured(
            f"OIDC_SERVER_URL is set, so set {' and '.join(_oidc_missing)} too."
        )
    if IS_DEPLOYED and not OIDC_SERVER_URL.startswith("https://"):
        raise environ.ImproperlyConfigured("OIDC_SERVER_URL must be an https:// address.")
    # The sign-in button's form is answered with a redirect to the provider, which the browser
    # follows only if the content security policy lets forms go there.
    OIDC_FORM_ACTION = ["{0.scheme}://{0.netloc}".format(urlsplit(OIDC_SERVER_URL))]
    SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [
                {
                    "provider_id": OIDC_PROVIDER_ID,
                    "name": env.str("OIDC_PROVIDER_NAME", default="your council account"),
                    "client_id": env.str("OIDC_CLIENT_ID"),
                    "secret": env.str("OIDC_CLIENT_SECRET"),
                    "settings": {
                        "server_url": OIDC_SERVER_URL,
                        # Everything needed is in the signed ID token.
                        "fetch_userinfo": False,
                        "token_auth_method": env.str(
                            "OIDC_TOKEN_AUTH_METHOD", default="client_secret_post"
                        ),
                    },
                }
            ],
        }
    }
else:
    OIDC_FORM_ACTION = []
    SOCIALACCOUNT_PROVIDERS = {}

# django-axes: lock an account on one address after repeated failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "careleavers.accounts.backends.axes_username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# The number of reverse proxies in front of the app. One function reads the client address from
# it for the lockout, allauth's rate limits and the audit log (careleavers/core/client_address.py).
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
if PROXY_COUNT < 0:
    raise environ.ImproperlyConfigured("PROXY_COUNT is the number of proxies: 0 or more.")
AXES_CLIENT_IP_CALLABLE = "careleavers.core.client_address.client_ip"

# Sessions live in the database (no local state on an app server) and end after a period of
# inactivity: saving on every request moves the expiry forward while someone is working.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_MINUTES", default=30) * 60
SESSION_SAVE_EVERY_REQUEST = False  # SessionTouchMiddleware (accounts/sessions.py)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if IS_DEPLOYED:
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
        "form-action": [SELF, *OIDC_FORM_ACTION],
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
# The service's own translations (the young person's pages), compiled and committed, so nothing
# needs gettext's tools when it runs.
LOCALE_PATHS = [BASE_DIR / "locale"]
# The languages a young person may choose for their own pages; staff pages are always in English.
# A council chooses them: English is always offered, and each other language must have its
# translation in locale/ (a start-up check, portal.E002, refuses one that has none). A council's
# servers offer only English unless told otherwise, because a translation there should be one
# the council has had checked; the laptop demo and the tests offer Arabic too.
YOUNG_PERSON_LANGUAGES = list(
    dict.fromkeys(
        [
            LANGUAGE_CODE,
            *(
                code.strip().lower()
                for code in env.list(
                    "YOUNG_PERSON_LANGUAGES",
                    default=[LANGUAGE_CODE] if IS_DEPLOYED else [LANGUAGE_CODE, "ar"],
                )
                # Any English is the service's own words: en-gb.
                if code.strip() and not code.strip().lower().startswith("en")
            ),
        ]
    )
)
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

# Email (password resets) goes by SMTP through the council's mail relay. The console backend,
# which prints each message (and so each reset link) to the server log, is for the laptop demo;
# a council's servers refuse to start with it or with any other backend that sends nothing.
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
NON_SENDING_EMAIL_BACKENDS = frozenset(
    f"django.core.mail.backends.{name}.EmailBackend"
    for name in ("console", "locmem", "dummy", "filebased")
)
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default=SMTP_BACKEND if IS_DEPLOYED else "django.core.mail.backends.console.EmailBackend",
)
if IS_DEPLOYED and EMAIL_BACKEND in NON_SENDING_EMAIL_BACKENDS:
    raise environ.ImproperlyConfigured(
        f"EMAIL_BACKEND is {EMAIL_BACKEND}, which sends nothing: in {ENVIRONMENT} email must "
        "really be sent (leave EMAIL_BACKEND unset for SMTP and set EMAIL_HOST)."
    )
EMAIL_HOST = env.str("EMAIL_HOST", default="")
if EMAIL_BACKEND == SMTP_BACKEND and not EMAIL_HOST:
    raise environ.ImproperlyConfigured(
        "Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD) to the SMTP "
        "server that sends the service's email."
    )
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
# STARTTLS on port 587 unless told otherwise; EMAIL_USE_SSL is for implicit TLS on port 465.
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=not EMAIL_USE_SSL)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise environ.ImproperlyConfigured("Set only one of EMAIL_USE_TLS and EMAIL_USE_SSL.")
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
_required_when_deployed("DEFAULT_FROM_EMAIL", "the address the service's email comes from")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="no-reply@careleavers.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# GOV.UK Notify sends invitations to young people by email and text message
# (careleavers/portal/notify.py). With no API key, messages are kept in the demo outbox, which
# only the laptop demo and the tests may use: on a council's servers an invitation must reach
# the young person, so they refuse to start without a key and a template id for each message.
NOTIFY_API_KEY = env.str("NOTIFY_API_KEY", default="")
NOTIFY_BASE_URL = env.str("NOTIFY_BASE_URL", default="https://api.notifications.service.gov.uk")
NOTIFY_BACKEND = (
    "careleavers.portal.notify.GovukNotify"
    if NOTIFY_API_KEY
    else "careleavers.portal.notify.OutboxNotify"
)
# One Notify template per message the service sends: NOTIFY_TEMPLATE_<KEY> holds its id.
NOTIFY_TEMPLATE_IDS = {
    key: env.str(f"NOTIFY_TEMPLATE_{key.upper()}", default="")
    for key in (
        "invitation_email",
        "invitation_sms",
        "duty_alert_sms",
        "duty_alert_email",
        "duty_alert_adviser_email",
        "request_answered_sms",
        "request_answered_email",
        "sign_in_code_sms",
        "sign_in_phone_changed_sms",
        "appointment_sms",
        "appointment_email",
    )
}
if IS_DEPLOYED:
    _required_when_deployed(
        "NOTIFY_API_KEY",
        "invitations are sent by GOV.UK Notify; without a key they would stay in the demo outbox",
    )
    for _key in NOTIFY_TEMPLATE_IDS:
        _required_when_deployed(
            f"NOTIFY_TEMPLATE_{_key.upper()}", f"the id of the Notify template for {_key}"
        )
if NOTIFY_API_KEY:
    # Notify's keys end in the service id and the secret, two UUIDs; anything else would only
    # fail when the first invitation is sent.
    _key_parts = NOTIFY_API_KEY[-73:]
    try:
        uuid.UUID(_key_parts[:36])
        uuid.UUID(_key_parts[37:])
        for _template_id in NOTIFY_TEMPLATE_IDS.values():
            if _template_id:
                uuid.UUID(_template_id)
    except ValueError:
        raise environ.ImproperlyConfigured(
            "NOTIFY_API_KEY or a NOTIFY_TEMPLATE_ id is not in Notify's format: copy the whole "
            "key and each template's id from GOV.UK Notify."
        ) from None

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
