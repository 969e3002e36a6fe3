"""Registers the words of backup, restore and restored groups (store/catalog_backup_*.py)
once, for whichever of their modules is imported first."""

from store.catalog_backup_en import BACKUP_EN
from store.catalog_backup_nl import BACKUP_NL
from store.i18n import register

register({"nl": BACKUP_NL, "en": BACKUP_EN})
