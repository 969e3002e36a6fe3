"""The words of backup and restore: Dutch and English alike, counted nouns with singulars."""

import re

from cli.catalog_backup_en import CLI_BACKUP_EN
from cli.catalog_backup_nl import CLI_BACKUP_NL
from store.catalog_backup_en import BACKUP_EN
from store.catalog_backup_nl import BACKUP_NL


def test_the_catalogs_have_the_same_keys_and_placeholders():
    for nl, en in ((BACKUP_NL, BACKUP_EN), (CLI_BACKUP_NL, CLI_BACKUP_EN)):
        assert set(nl) == set(en)
        for key in nl:
            assert set(re.findall(r"\{(\w+)\}", nl[key])) == set(re.findall(r"\{(\w+)\}", en[key])), key


def test_every_counted_noun_has_a_singular():
    for catalog in (BACKUP_NL, BACKUP_EN):
        counted = [k for k, v in catalog.items() if not k.endswith(".one")
                   and re.search(r"\{(n|count|total|points)\}\)? ?[^\W\d]", v)]
        assert counted and all(k + ".one" in catalog for k in counted)
