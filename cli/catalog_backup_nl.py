"""Hulpteksten van `spiegel backup` en `spiegel restore` (cli/backup_commands.py)."""

CLI_BACKUP_NL: dict[str, str] = {
    "cli.help.backup": "Schrijf een back-up van de datamap: één archief (tar.gz, alleen voor u leesbaar), elke eenheid onder haar eigen slot, met een manifest (schema, eenheden, aantallen, sha256). Als root met alle eenheden; een lid krijgt wat het mag lezen en hoort welke eenheden zijn weggelaten. Op een database: pg_dump van het schema spiegel.",
    "cli.opt.backup.output": "Waar de back-up komt (buiten de datamap; standaard spiegel-backup-DATUM-TIJD.tar.gz hier, op een database .dump).",
    "cli.help.restore": "Zet een back-up terug. Het archief wordt eerst helemaal gecontroleerd (manifest, sha256, elk bestand leesbaar, geen links of vreemde paden, geen nieuwer schema) voordat er iets verandert; als root krijgt elke eenheid haar map en groep terug, en geen id wordt ooit opnieuw uitgedeeld. Een groep wordt alleen gemaakt als het archief van root is (of met --make-groups); een bestaande groep krijgt nooit leden erbij; elk record gaat eerst door de laadcontrole.",
    "cli.opt.restore.replace": "Vervang eenheden die de datamap al heeft (anders weigert spiegel).",
    "cli.opt.restore.units": "Alleen deze eenheid (slug; herhaalbaar); de rest van het archief blijft liggen.",
    "cli.opt.restore.make_groups": "Maak ontbrekende groepen ook als het archief niet van root is (standaard alleen voor een archief van root). Leden worden alleen toegevoegd aan groepen die deze keer zijn gemaakt; systeemgroepen (onder GID_MIN) nooit.",
}
