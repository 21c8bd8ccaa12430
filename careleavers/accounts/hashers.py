"""How passwords are stored: Argon2id with the parameters OWASP's Password Storage Cheat Sheet
gives as its minimum (19 MiB of memory, 2 iterations, 1 lane).

Django's default, PBKDF2 at 1,000,000 iterations, took about 220 ms of one core per sign-in on
our 2-core server, which alone broke the 150 ms page budget and let a burst of sign-ins starve
every other request. Argon2id at these settings takes about 20 ms and, being memory-hard, costs
an attacker with graphics cards far more per guess than PBKDF2 does. Older hashes still verify
(PBKDF2 stays in PASSWORD_HASHERS) and are rewritten as Argon2id at the next sign-in.
"""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher


class OwaspArgon2idHasher(Argon2PasswordHasher):
    # Keep the algorithm name "argon2": the parameters are stored in each hash, so stored
    # hashes stay readable if these numbers change, and Django rewrites them at sign-in.
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
