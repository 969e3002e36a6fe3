"""Hulpteksten van `spiegel backup` en `spiegel restore` (cli/backup_commands.py)."""

CLI_BACKUP_NL: dict[str, str] = {
    "cli.help.backup": "Schrijf een back-up van de datamap: één archief (tar.gz, alleen voor u leesbaar), elke eenheid onder haar eigen slot, met een manifest (schema, eenheden, aantallen, sha256). Als root met alle eenheden; een lid krijgt wat het mag lezen en hoort welke eenheden zijn weggelaten. Op een database: pg_dump van het schema spiegel.",
    "cli.opt.backup.output": "Waar de back-up komt (buiten de datamap; standaard spiegel-backup-DATUM-TIJD.tar.gz hier, op een database .dump).",
    "cli.help.restore": "Zet een back-up terug. Het archief wordt eerst helemaal gecontroleerd (manifest, sha256, elk bestand leesbaar, geen links of vreemde paden, geen nieuwer schema) voordat er iets verandert; als root krijgt elke eenheid haar map en groep terug, en geen id wordt ooit opnieuw uitgedeeld.",
    "cli.opt.restore.replace": "Vervang eenheden die de datamap al heeft (anders weigert spiegel).",
}
