"""English help of `spiegel backup` and `spiegel restore`; see cli/catalog_backup_nl.py."""

CLI_BACKUP_EN: dict[str, str] = {
    "cli.help.backup": "Write a backup of the data directory: one archive (tar.gz, readable by you alone), each unit under its own lock, with a manifest (schema, units, counts, sha256). As root with every unit; a member gets what they may read and is told which units were left out. On a database: pg_dump of the spiegel schema.",
    "cli.opt.backup.output": "Where the backup goes (outside the data directory; default spiegel-backup-DATE-TIME.tar.gz here, on a database .dump).",
    "cli.help.restore": "Restore a backup. The archive is checked whole first (manifest, sha256, every file readable, no links or odd paths, no newer schema) before anything changes; as root every unit gets its directory and group back, and no id is ever handed out again. A group is only made if the archive is root's (or with --make-groups); an existing group never gets members added; every record passes the load check first.",
    "cli.opt.restore.replace": "Replace units the data directory already has (otherwise spiegel refuses).",
    "cli.opt.restore.units": "Only this unit (slug; repeatable); the rest of the archive is left alone.",
    "cli.opt.restore.make_groups": "Make missing groups even if the archive is not root's (by default only for root's archive). Members are only added to groups made in this run; system groups (below GID_MIN) never.",
}
