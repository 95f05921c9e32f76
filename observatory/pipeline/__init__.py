"""Getting data into the snapshot: refresh from the sources (with the coverage check and deadlines),
the rebuild from data/raw (through a local mirror), staff uploads (parsed in a limited child process),
the versions on disk, the changelog of every write and the audit log of every operation."""
